package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.kinds.Kind;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import dev.flowform.registry.Kinds;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code import ADDRESS ID} of a pipeline resource: reads it by id through its kind (an id of
 * another kind is not found there) and records it as the manifest's, with what the platform holds:
 * its attributes, the ids it references and what the platform assigned it.
 */
final class ResourceImport {
  private ResourceImport() {}

  static ResourceState read(
      Session session, DesiredResource desired, String id, Kinds kinds, Instant at) {
    Kind<?> kind =
        kinds
            .of(desired.kind())
            .orElseThrow(() -> new FlowformException("unknown kind " + desired.kind()));
    RemoteResource remote =
        kind.calls(session.platform().api().resources())
            .read(id)
            .orElseThrow(
                () ->
                    new FlowformException(
                        "the platform has no "
                            + kind.label()
                            + " "
                            + id
                            + " in sandbox '"
                            + session.desired().environment().sandbox()
                            + "'",
                        "check the id (flowform import takes the "
                            + kind.label()
                            + "'s own id, not another kind's)"));
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
      if (referenced != null) {
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
}
