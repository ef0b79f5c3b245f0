package dev.flowform.run;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.diag.FlowformException;
import dev.flowform.kinds.Kind;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import dev.flowform.registry.Kinds;
import dev.flowform.state.ResourceState;
import java.time.Instant;

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
    return ResourceRecords.imported(desired, remote, at);
  }
}
