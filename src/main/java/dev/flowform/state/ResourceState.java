package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowform.model.ConnectionSpecRef;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What state remembers of one connection. Holds no secret: sensitive params are kept only as salted
 * fingerprints ({@code sha256:<hex>}).
 *
 * @param id null while pending
 * @param etag exactly as the API returned it, quotes included; null while pending
 * @param attributes a pipeline resource's attributes as last sent or read, by JSON pointer
 *     (connections keep theirs in the fields above)
 * @param dependsOn a pipeline resource's dependencies: the id each address had when it was sent
 * @param outputs what the platform assigned and later calls need (a mapping set's version)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceState(
    String kind,
    ResourceStatus status,
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    SortedMap<String, String> params,
    SortedMap<String, String> secretFingerprints,
    Instant createdAt,
    Instant updatedAt,
    SortedMap<String, String> attributes,
    SortedMap<String, String> dependsOn,
    SortedMap<String, String> outputs) {

  public ResourceState {
    params = sorted(params);
    secretFingerprints = sorted(secretFingerprints);
    attributes = sorted(attributes);
    dependsOn = sorted(dependsOn);
    outputs = sorted(outputs);
  }

  /**
   * This pending record without the time its POST went out: the platform refused that POST, so
   * nothing of it can still land.
   */
  public ResourceState notInFlight() {
    return with(draft -> draft.updatedAt = null);
  }

  /** A connection's record. */
  public ResourceState(
      String kind,
      ResourceStatus status,
      String id,
      String etag,
      String name,
      String description,
      ConnectionSpecRef connectionSpec,
      String authSpecName,
      SortedMap<String, String> params,
      SortedMap<String, String> secretFingerprints,
      Instant createdAt,
      Instant updatedAt) {
    this(
        kind,
        status,
        id,
        etag,
        name,
        description,
        connectionSpec,
        authSpecName,
        params,
        secretFingerprints,
        createdAt,
        updatedAt,
        null,
        null,
        null);
  }

  /** A pipeline resource's record (no connection spec, auth or secrets of its own). */
  public static ResourceState resource(
      String kind,
      ResourceStatus status,
      String id,
      String etag,
      String name,
      SortedMap<String, String> attributes,
      SortedMap<String, String> dependsOn,
      SortedMap<String, String> outputs,
      Instant createdAt,
      Instant updatedAt) {
    return new ResourceState(
        kind,
        status,
        id,
        etag,
        name,
        null,
        null,
        null,
        null,
        null,
        createdAt,
        updatedAt,
        attributes,
        dependsOn,
        outputs);
  }

  private static SortedMap<String, String> sorted(SortedMap<String, String> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? emptyMap() : map));
  }

  /** True for a record of a pipeline kind (anything but a base connection). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isPipeline() {
    return kind == null || !dev.flowform.model.ConnectionKinds.isConnection(kind);
  }

  /** This record with another etag, attributes and outputs, as after an update. */
  public ResourceState withUpdate(
      String newEtag,
      String newName,
      SortedMap<String, String> newAttributes,
      SortedMap<String, String> newDependsOn,
      SortedMap<String, String> newOutputs,
      Instant at) {
    return with(
        draft -> {
          draft.etag = newEtag;
          draft.name = newName;
          draft.updatedAt = at;
          draft.attributes = newAttributes;
          draft.dependsOn = newDependsOn;
          draft.outputs = newOutputs;
        });
  }

  /** This record with other free text (as masked before it is written); the rest as it is. */
  ResourceState withText(
      String newName,
      String newDescription,
      SortedMap<String, String> newParams,
      SortedMap<String, String> newAttributes) {
    return with(
        draft -> {
          draft.name = newName;
          draft.description = newDescription;
          draft.params = newParams;
          draft.attributes = newAttributes;
        });
  }

  /** This record naming the dependency it had at {@code from} by {@code to} (the same if none). */
  public ResourceState withDependencyRenamed(String from, String to) {
    if (!dependsOn.containsKey(from)) {
      return this;
    }
    SortedMap<String, String> renamed = new TreeMap<>(dependsOn);
    renamed.put(to, renamed.remove(from));
    return with(draft -> draft.dependsOn = renamed);
  }

  private static SortedMap<String, String> emptyMap() {
    return new TreeMap<>();
  }

  public boolean isPending() {
    return status == ResourceStatus.PENDING;
  }

  public ResourceState withCreated(String newId, String newEtag, Instant at) {
    return with(
        draft -> {
          draft.status = ResourceStatus.CREATED;
          draft.id = newId;
          draft.etag = newEtag;
          draft.createdAt = createdAt == null ? at : createdAt;
          draft.updatedAt = at;
        });
  }

  /**
   * This record with what {@code change} sets on a copy of its fields: the one place they're
   * copied.
   */
  private ResourceState with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** A copy of one record's fields, local to one {@link #with} call; never escapes it. */
  private static final class Draft {
    private String kind;
    private ResourceStatus status;
    private String id;
    private String etag;
    private String name;
    private String description;
    private ConnectionSpecRef connectionSpec;
    private String authSpecName;
    private SortedMap<String, String> params;
    private SortedMap<String, String> secretFingerprints;
    private Instant createdAt;
    private Instant updatedAt;
    private SortedMap<String, String> attributes;
    private SortedMap<String, String> dependsOn;
    private SortedMap<String, String> outputs;

    private Draft(ResourceState from) {
      kind = from.kind;
      status = from.status;
      id = from.id;
      etag = from.etag;
      name = from.name;
      description = from.description;
      connectionSpec = from.connectionSpec;
      authSpecName = from.authSpecName;
      params = from.params;
      secretFingerprints = from.secretFingerprints;
      createdAt = from.createdAt;
      updatedAt = from.updatedAt;
      attributes = from.attributes;
      dependsOn = from.dependsOn;
      outputs = from.outputs;
    }

    private ResourceState build() {
      return new ResourceState(
          kind,
          status,
          id,
          etag,
          name,
          description,
          connectionSpec,
          authSpecName,
          params,
          secretFingerprints,
          createdAt,
          updatedAt,
          attributes,
          dependsOn,
          outputs);
    }
  }
}
