package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.KindCalls;
import dev.flowform.kinds.Recorded;
import dev.flowform.kinds.Written;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.registry.Kinds;
import dev.flowform.state.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Applies one change of a pipeline resource through its kind's calls: creates (through {@link
 * ResourceCreator}), updates in place, imports and deletes, each recorded the moment it is done.
 */
final class ResourceRunner {
  private final Kinds kinds;
  private final PlatformResources platform;
  private final StateRecorder recorder;
  private final Clock clock;
  private final ResourceCreator creator;

  ResourceRunner(
      Kinds kinds,
      PlatformResources platform,
      StateRecorder recorder,
      Clock clock,
      int maxAttempts,
      Settling settling,
      Duration createTimeout) {
    this.kinds = kinds;
    this.platform = platform;
    this.recorder = recorder;
    this.clock = clock;
    this.creator = new ResourceCreator(recorder, clock, maxAttempts, settling, createTimeout);
  }

  /** Creates it (see {@link ResourceCreator}). */
  Landing create(
      Change change, DesiredResource desired, boolean lookupFirst, Outcome postedOutcome) {
    return creator.create(change, calls(change), desired, lookupFirst, postedOutcome);
  }

  ChangeOutcome update(Change change, DesiredResource desired) {
    ResourceState was = recorded(change);
    Map<String, Dependency> dependencies = Dependencies.of(recorder, desired);
    List<String> changed =
        change.attributes().stream()
            .map(AttributeChange::path)
            .map(p -> p.endsWith(" (version)") ? p.substring(0, p.length() - 10) : p)
            .toList();
    Written written =
        calls(change)
            .update(
                new Recorded(
                    was.id(),
                    change.etag() != null ? change.etag() : was.etag(),
                    was.attributes(),
                    was.outputs()),
                desired,
                dependencies,
                changed);
    recorder.record(
        change.address(),
        was.withUpdate(
            written.etag(),
            desired.name(),
            desired.attributes(),
            Dependencies.ids(desired, dependencies),
            written.outputs(),
            clock.instant()));
    return ChangeOutcome.of(change, Outcome.UPDATED, was.id());
  }

  /**
   * {@code spec.imports} of a pipeline resource: reads the declared id through the kind (an id of
   * another kind is not found there) and records it as the platform holds it; nothing is sent. The
   * next plan updates what differs from the manifest.
   */
  ChangeOutcome importExisting(Change change, DesiredResource desired) {
    String id = change.remoteIds().isEmpty() ? change.id() : change.remoteIds().get(0);
    if (id == null) {
      throw new FlowformException(change.address() + ": the import has no id", "plan again");
    }
    String label = kinds.label(change.kind());
    RemoteResource remote =
        calls(change)
            .read(id)
            .orElseThrow(
                () ->
                    new FlowformException(
                        change.address() + ": the platform has no " + label + " " + id,
                        "check the id in spec.imports: it is the " + label + "'s own id"));
    if (!recorder.claim(remote.id(), change.address())) {
      throw new FlowformException(
          label
              + " "
              + id
              + " is already recorded as "
              + recorder.ownerOf(remote.id(), change.address()),
          "a resource is managed under one address; flowform state mv moves it");
    }
    recorder.record(change.address(), ResourceRecords.imported(desired, remote, clock.instant()));
    return new ChangeOutcome(
        change, Outcome.IMPORTED, remote.id(), "imported the existing " + label + " " + id, null);
  }

  /** Deletes the resource on the platform; state keeps the record until {@link #forget}. */
  void deleteRemote(Change change) {
    String id =
        change.id() != null
            ? change.id()
            : recorder.resource(change.address()).map(ResourceState::id).orElse(null);
    if (id != null) {
      calls(change).delete(id);
    }
  }

  ChangeOutcome delete(Change change) {
    deleteRemote(change);
    recorder.forget(change.address());
    return ChangeOutcome.of(change, Outcome.DELETED, change.id());
  }

  private KindCalls calls(Change change) {
    return kinds
        .of(change.kind())
        .orElseThrow(() -> new FlowformException("unknown kind " + change.kind()))
        .calls(platform);
  }

  private ResourceState recorded(Change change) {
    return recorder
        .resource(change.address())
        .filter(r -> r.id() != null)
        .orElseThrow(
            () -> new FlowformException(change.address() + " has no id in state", "plan again"));
  }

  /** What each reference's address holds now: it was made (or kept) before this change started. */
  /** What was wanted, with whatever the platform showed in its place (it may differ). */
}
