package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.flowservice.PatchOperation;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import java.time.Clock;
import java.util.List;

/** Sends one PATCH per changed connection, with If-Match, and records the new etag. */
final class Updater {
  static final String ETAG_MISMATCH = "1404-412";
  private static final int PRECONDITION_FAILED = 412;

  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final Clock clock;

  Updater(FlowServiceApi api, StateRecorder recorder, Clock clock) {
    this.api = api;
    this.recorder = recorder;
    this.clock = clock;
  }

  ChangeOutcome update(Change change, DesiredConnection desired) {
    String address = change.address();
    ResourceState recorded =
        recorder
            .resource(address)
            .filter(r -> r.id() != null)
            .orElseThrow(
                () ->
                    new FlowformException(
                        "state has no connection id for " + address + " to update", "plan again"));
    String salt = recorder.current().fingerprintSalt();
    List<PatchOperation> ops =
        PatchBuilder.operations(recorded, desired, salt, change.attributes());
    if (ops.isEmpty()) {
      return new ChangeOutcome(
          change, Outcome.UPDATED, recorded.id(), "already as the manifest says", null);
    }
    String etag = change.etag() != null ? change.etag() : recorded.etag();
    String newEtag;
    try {
      newEtag = api.update(recorded.id(), etag, ops);
    } catch (FlowServiceException e) {
      if (e.status() == PRECONDITION_FAILED || ETAG_MISMATCH.equals(e.code())) {
        throw new FlowformException(
            "connection "
                + recorded.id()
                + " changed on the platform since flowform last read it (etag mismatch: "
                + e.getMessage()
                + ")",
            "run `flowform refresh --env "
                + recorder.current().environment()
                + "`, then plan and apply again",
            e);
      }
      throw e;
    }
    recorder.record(
        address, ResourceRecords.updated(recorded, desired, salt, newEtag, clock.instant()));
    return ChangeOutcome.of(change, Outcome.UPDATED, recorded.id());
  }
}
