package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.UnknownOutcomeException;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.KindCalls;
import dev.flowform.kinds.Written;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Creates one pipeline resource without ever making a duplicate, with the promises of connections:
 * a pending record before each POST, a lost answer looked up (by name, or by content) through the
 * settling window before anything is sent again, an id recorded the moment it is known.
 */
final class ResourceCreator {
  private final StateRecorder recorder;
  private final Clock clock;
  private final int maxAttempts;
  private final Settling settling;
  private final EarlierPost earlierPost;

  ResourceCreator(
      StateRecorder recorder,
      Clock clock,
      int maxAttempts,
      Settling settling,
      Duration createTimeout) {
    this.recorder = recorder;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.settling = settling;
    this.earlierPost = new EarlierPost(createTimeout, settling, clock);
  }

  /**
   * @param calls the kind's calls
   * @param lookupFirst look for an earlier attempt's resource before any POST
   * @param postedOutcome what to report when this call POSTs (CREATED, or REPLACED)
   */
  Landing create(
      Change change,
      KindCalls calls,
      DesiredResource desired,
      boolean lookupFirst,
      Outcome postedOutcome) {
    Map<String, Dependency> dependencies = Dependencies.of(recorder, desired);
    if (lookupFirst || change.reason() == Reason.PENDING_RECOVERY) {
      Optional<RemoteResource> found = single(calls, desired, dependencies);
      Optional<ResourceState> pending =
          recorder.resource(change.address()).filter(ResourceState::isPending);
      if (found.isEmpty() && pending.isPresent()) {
        // an earlier run's POST may still land: look until it no longer can
        found =
            earlierPost.waitOut(
                pending.get().updatedAt(), () -> single(calls, desired, dependencies));
      }
      if (found.isPresent()) {
        return adopt(
            change, desired, dependencies, found.get(), "an earlier create had landed: adopted it");
      }
    }
    UnknownOutcomeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Written written;
      // pending right before each POST goes out (in its request slot), stamped with its time,
      // for a rerun that must wait it out
      try {
        written =
            calls.create(
                desired,
                dependencies,
                () ->
                    recorder.record(
                        change.address(),
                        record(desired, dependencies, ResourceStatus.PENDING, null)));
      } catch (UnknownOutcomeException e) {
        last = e;
        Optional<RemoteResource> found =
            settling.lookFor(() -> single(calls, desired, dependencies));
        if (found.isPresent()) {
          return adopt(
              change, desired, dependencies, found.get(), "the create's answer was lost: found it");
        }
        continue;
      }
      if (!recorder.claim(written.id(), change.address())) {
        return twinTaken(change, desired, dependencies, calls, written);
      }
      // its worker goes on: the outcome counts once this record is durable (see Landing)
      return new Landing(
          ChangeOutcome.of(change, postedOutcome, written.id()),
          writtenRecord(change, desired, dependencies, written));
    }
    throw new FlowformException(
        "the create's outcome stayed unknown after "
            + maxAttempts
            + " attempts ("
            + last.getMessage()
            + ") and nothing of its kind matching it appeared; state keeps it pending",
        "run apply again: it looks for it before sending anything");
  }

  /**
   * What this create made was adopted meanwhile by another address looking for its own lost create
   * by content (they are alike): this one takes that other's, which is still unclaimed.
   */
  private Landing twinTaken(
      Change change,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      KindCalls calls,
      Written written) {
    Optional<RemoteResource> twin = settling.lookFor(() -> single(calls, desired, dependencies));
    if (twin.isEmpty()) {
      throw new FlowformException(
          change.address()
              + " was created as "
              + written.id()
              + ", which "
              + recorder.ownerOf(written.id(), change.address())
              + " took as its own meanwhile, and no other like it appeared; state keeps it pending",
          "run apply again: it looks for it before sending anything");
    }
    return adopt(
        change, desired, dependencies, twin.get(), "its twin was taken by another: took that one");
  }

  /**
   * The one candidate no other address owns, claimed for this one. Several with a name is an error
   * that lists them; several without one (a mapping set found by its content) are alike, so the
   * oldest unclaimed one is taken: each worker looking for such a twin gets its own.
   */
  private Optional<RemoteResource> single(
      KindCalls calls, DesiredResource desired, Map<String, Dependency> dependencies) {
    List<RemoteResource> candidates =
        calls.find(desired, dependencies).stream()
            .filter(r -> !recorder.ownedByOther(r.id(), desired.address()))
            .toList();
    if (candidates.size() > 1 && desired.name() != null) {
      throw new FlowformException(
          candidates.size()
              + " resources could be "
              + desired.address()
              + " ("
              + String.join(", ", candidates.stream().map(RemoteResource::id).toList())
              + "): flowform does not choose",
          "import the right one with flowform import, and delete the others");
    }
    return candidates.stream().filter(r -> recorder.claim(r.id(), desired.address())).findFirst();
  }

  private Landing adopt(
      Change change,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      RemoteResource found,
      String message) {
    ResourceState adopted =
        ResourceState.resource(
            desired.kind(),
            ResourceStatus.CREATED,
            found.id(),
            found.etag(),
            desired.name(),
            merged(desired.attributes(), found.attributes()),
            Dependencies.ids(desired, dependencies),
            found.outputs(),
            clock.instant(),
            clock.instant());
    recorder.record(change.address(), adopted);
    return Landing.now(new ChangeOutcome(change, Outcome.ADOPTED, found.id(), message, null));
  }

  private static SortedMap<String, String> merged(
      SortedMap<String, String> wanted, SortedMap<String, String> found) {
    SortedMap<String, String> out = new TreeMap<>(wanted);
    found.forEach(
        (pointer, value) -> {
          if (out.containsKey(pointer)) {
            out.put(pointer, value);
          }
        });
    return out;
  }

  /** Queues the record of what was written; running the answer waits until it is durable. */
  private Runnable writtenRecord(
      Change change,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      Written written) {
    return recorder
        .recordLater(
            change.address(), record(desired, dependencies, ResourceStatus.CREATED, written))
        .thrownAs(e -> unrecorded(change, written, e));
  }

  private static FlowformException unrecorded(Change change, Written written, RuntimeException e) {
    return new FlowformException(
        change.address()
            + " exists as "
            + written.id()
            + " but its id could not be recorded: "
            + e.getMessage()
            + "; state keeps it pending",
        "fix the state's location, then apply again: it finds it before sending anything",
        e);
  }

  private ResourceState record(
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      ResourceStatus status,
      Written written) {
    return ResourceState.resource(
        desired.kind(),
        status,
        written == null ? null : written.id(),
        written == null ? null : written.etag(),
        desired.name(),
        desired.attributes(),
        Dependencies.ids(desired, dependencies),
        written == null ? null : written.outputs(),
        clock.instant(),
        clock.instant());
  }
}
