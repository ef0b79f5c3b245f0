package dev.flowform.apply;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteConnection;
import dev.flowform.model.RemoteResource;
import dev.flowform.plan.Fingerprints;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the state records the applier writes. Pure; never copies a secret value, only salted
 * fingerprints of it.
 */
public final class ResourceRecords {
  private ResourceRecords() {}

  /** The write-ahead record of a create about to be sent: what it sends, without an id. */
  public static ResourceState pending(DesiredConnection desired, String salt, Instant at) {
    return new ResourceState(
        desired.kind(),
        ResourceStatus.PENDING,
        null,
        null,
        desired.name(),
        desired.description(),
        desired.connectionSpec(),
        desired.authSpecName(),
        desired.params(),
        Fingerprints.ofAll(salt, desired.secrets()),
        null,
        at);
  }

  /**
   * An existing connection taken over as it is on the platform (adopt, import). Its secrets cannot
   * be read back, so no fingerprint is recorded: the next plan updates the credentials to the
   * manifest's.
   *
   * @param desired tells which params are sensitive (and so not copied); may be null, then only
   *     {@code clientId} is kept
   */
  public static ResourceState adopted(
      RemoteConnection remote, DesiredConnection desired, Instant at) {
    SortedMap<String, String> params = new TreeMap<>();
    remote
        .params()
        .forEach(
            (key, value) -> {
              boolean plain =
                  desired == null
                      ? key.equals("clientId")
                      : desired.params().containsKey(key) && !desired.secrets().containsKey(key);
              if (plain && value != null) {
                params.put(key, value);
              }
            });
    return new ResourceState(
        desired == null ? DesiredConnection.KIND : desired.kind(),
        ResourceStatus.CREATED,
        remote.id(),
        remote.etag(),
        remote.name(),
        remote.description(),
        remote.connectionSpec(),
        remote.authSpecName(),
        params,
        new TreeMap<>(),
        at,
        at);
  }

  /**
   * An existing pipeline resource taken over as the platform holds it ({@code flowform import},
   * {@code spec.imports}): the manifest's attributes with the platform's values where it has them,
   * the ids it references (by the address the manifest gives each reference) and what the platform
   * assigned it. The next plan updates what differs from the manifest.
   */
  public static ResourceState imported(DesiredResource desired, RemoteResource remote, Instant at) {
    SortedMap<String, String> attributes = new TreeMap<>(desired.attributes());
    remote
        .attributes()
        .forEach(
            (pointer, value) -> {
              if (attributes.containsKey(pointer)) {
                attributes.put(pointer, value);
              }
            });
    SortedMap<String, String> dependsOn = new TreeMap<>();
    for (ResourceReference ref : desired.references()) {
      String referenced = remote.references().get(ref.field());
      if (referenced != null && ref.address() != null) {
        dependsOn.put(ref.address(), referenced);
      }
    }
    return ResourceState.resource(
        desired.kind(),
        ResourceStatus.CREATED,
        remote.id(),
        remote.etag(),
        desired.name(),
        attributes,
        dependsOn,
        remote.outputs(),
        at,
        at);
  }

  /** A recorded connection after a PATCH made it look like {@code desired}. */
  public static ResourceState updated(
      ResourceState recorded, DesiredConnection desired, String salt, String etag, Instant at) {
    return new ResourceState(
        recorded.kind(),
        ResourceStatus.CREATED,
        recorded.id(),
        etag,
        desired.name(),
        desired.description(),
        recorded.connectionSpec(),
        recorded.authSpecName(),
        desired.params(),
        Fingerprints.ofAll(salt, desired.secrets()),
        recorded.createdAt(),
        at);
  }

  /** A recorded connection with what a refresh read: etag, name, description, plain params. */
  public static ResourceState refreshed(ResourceState recorded, RemoteConnection remote) {
    SortedMap<String, String> params = new TreeMap<>(recorded.params());
    params.replaceAll((key, value) -> remote.params().getOrDefault(key, value));
    return new ResourceState(
        recorded.kind(),
        recorded.status(),
        recorded.id(),
        remote.etag(),
        remote.name(),
        remote.description(),
        recorded.connectionSpec(),
        recorded.authSpecName(),
        params,
        recorded.secretFingerprints(),
        recorded.createdAt(),
        recorded.updatedAt());
  }
}
