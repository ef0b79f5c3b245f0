package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import java.time.Clock;

/**
 * Records an existing connection the plan chose to adopt (a create with reason {@code
 * EXISTS_REMOTELY} and exactly one remote id, or an IMPORT): read it for its etag, record it, send
 * nothing else. A connection adopted by name must still have the manifest's name; an import names
 * its connection by id, and takes it whatever its name (the PATCH that follows renames it).
 */
final class Adopter {
  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final Clock clock;

  Adopter(FlowServiceApi api, StateRecorder recorder, Clock clock) {
    this.api = api;
    this.recorder = recorder;
    this.clock = clock;
  }

  ChangeOutcome adopt(Change change, DesiredConnection desired) {
    return adopt(change, desired, Outcome.ADOPTED);
  }

  /**
   * @param outcome ADOPTED ({@code --adopt-existing}) or IMPORTED ({@code spec.imports})
   */
  ChangeOutcome adopt(Change change, DesiredConnection desired, Outcome outcome) {
    if (change.remoteIds().size() != 1) {
      throw new FlowformException(
          "cannot adopt one of "
              + change.remoteIds().size()
              + " connections named \""
              + desired.name()
              + "\" ("
              + String.join(", ", change.remoteIds())
              + ")",
          "`flowform import --env "
              + recorder.current().environment()
              + " "
              + change.address()
              + " ID` the right one");
    }
    String id = change.remoteIds().get(0);
    RemoteConnection remote =
        api.get(id)
            .orElseThrow(
                () ->
                    new FlowformException("connection " + id + " no longer exists", "plan again"));
    if (outcome != Outcome.IMPORTED && !desired.name().equals(remote.name())) {
      throw new FlowformException(
          "connection "
              + id
              + " is not named \""
              + desired.name()
              + "\", so flowform will not adopt it; nothing was sent",
          "plan again: the plan that chose it is out of date or was altered");
    }
    if (!NameLookup.sameSpec(remote.connectionSpec(), desired.connectionSpec())) {
      throw new FlowformException(
          "connection " + id + " has another connection spec, so it cannot be adopted",
          "give the manifest another spec.name, or delete that connection");
    }
    if (recorder.ownedByOther(id, change.address())) {
      throw new FlowformException(
          "connection " + id + " is already recorded for another address", "plan again");
    }
    recorder.record(change.address(), ResourceRecords.adopted(remote, desired, clock.instant()));
    String verb = outcome == Outcome.IMPORTED ? "imported" : "adopted";
    return new ChangeOutcome(change, outcome, id, verb + " the existing connection " + id, null);
  }
}
