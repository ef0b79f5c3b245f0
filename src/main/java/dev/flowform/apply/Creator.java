package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.ConnectionRequest;
import dev.flowform.flowservice.CreatedConnection;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.UnknownOutcomeException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates one connection without ever making a duplicate: records it as pending before the POST,
 * and whenever a create may have landed unseen (an interrupted run, an unknown outcome) looks the
 * name up first and adopts the single match instead of sending again.
 */
final class Creator {
  private final FlowServiceApi api;
  private final StateRecorder recorder;
  private final NameLookup lookup;
  private final Clock clock;
  private final int maxAttempts;
  private final Settling settling;
  private final EarlierPost earlierPost;

  Creator(
      FlowServiceApi api, StateRecorder recorder, Clock clock, int maxAttempts, Settling settling) {
    this.settling = settling;
    this.api = api;
    this.recorder = recorder;
    this.lookup = new NameLookup(api, recorder);
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.earlierPost = new EarlierPost(api.createTimeout(), settling, clock);
  }

  /**
   * @param lookupFirst look the name up before any POST (the pending record's name, if there is
   *     one)
   * @param postedOutcome what to report when this call POSTs (CREATED, or REPLACED)
   * @throws Throttled when a 429 got past the client's retries; state is consistent, run again
   */
  Landing create(
      Change change, DesiredConnection desired, boolean lookupFirst, Outcome postedOutcome) {
    String address = change.address();
    if (lookupFirst) {
      Optional<ResourceState> pending = recorder.resource(address).filter(ResourceState::isPending);
      String name = pending.map(ResourceState::name).orElse(desired.name());
      Optional<RemoteConnection> found = throttledAs(true, () -> lookup(address, name, desired));
      if (found.isEmpty() && pending.isPresent()) {
        found = waitOutEarlierPost(pending.get(), () -> lookup(address, name, desired));
      }
      if (found.isPresent()) {
        ResourceState base = pending.orElseGet(() -> pendingRecord(desired));
        return Landing.now(
            adopt(change, base, found.get(), "an earlier create had landed: adopted it"));
      }
    }
    ResourceState pending = pendingRecord(desired);
    return post(change, desired, pending, lookupFirst, postedOutcome);
  }

  /**
   * A pending record's POST went out at its {@code updatedAt} (each POST rewrites it just before it
   * is sent): see {@link EarlierPost}.
   */
  private Optional<RemoteConnection> waitOutEarlierPost(
      ResourceState pending, Supplier<Optional<RemoteConnection>> lookup) {
    return earlierPost.waitOut(pending.updatedAt(), () -> throttledAs(true, lookup));
  }

  private Landing post(
      Change change,
      DesiredConnection desired,
      ResourceState pending,
      boolean lookedUp,
      Outcome postedOutcome) {
    ConnectionRequest request = request(desired);
    UnknownOutcomeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      boolean mustLookUp = lookedUp || last != null;
      CreatedConnection created;
      try {
        // the pending record right before each POST goes out, stamped with its time
        created =
            throttledAs(
                mustLookUp,
                () ->
                    api.create(
                        request, () -> recorder.record(change.address(), pendingRecord(desired))));
      } catch (UnknownOutcomeException e) {
        last = e;
        Optional<RemoteConnection> found =
            settling.lookFor(
                () -> throttledAs(true, () -> lookup(change.address(), desired.name(), desired)));
        if (found.isPresent()) {
          return Landing.now(
              adopt(change, pending, found.get(), "the create's answer was lost: found it"));
        }
        continue;
      } catch (RuntimeException e) {
        refused(change, desired, e);
        throw e;
      }
      // its worker goes on: the outcome counts once this record is durable (see Landing)
      return new Landing(
          ChangeOutcome.of(change, postedOutcome, created.id()),
          createdRecord(change, pending, created));
    }
    throw new FlowformException(
        "the create's outcome stayed unknown after "
            + maxAttempts
            + " attempts ("
            + last.getMessage()
            + ") and no connection of its name appeared within "
            + settling.window().toMillis()
            + " ms of each; state keeps it pending",
        "run apply again: it looks the name up before sending anything");
  }

  private Optional<RemoteConnection> lookup(String address, String name, DesiredConnection d) {
    return lookup.single(address, name, d.connectionSpec());
  }

  private ChangeOutcome adopt(
      Change change, ResourceState pending, RemoteConnection remote, String message) {
    createdRecord(change, pending, new CreatedConnection(remote.id(), remote.etag())).run();
    return new ChangeOutcome(change, Outcome.ADOPTED, remote.id(), message, null);
  }

  /** Queues the record of what was created; running the answer waits until it is durable. */
  private Runnable createdRecord(Change change, ResourceState pending, CreatedConnection created) {
    return recorder
        .recordLater(change.address(), pending.withCreated(created.id(), created.etag(), now()))
        .thrownAs(e -> unrecorded(created, e));
  }

  private static FlowformException unrecorded(CreatedConnection created, RuntimeException e) {
    return new FlowformException(
        "connection "
            + created.id()
            + " exists but its id could not be recorded: "
            + e.getMessage()
            + "; state keeps it pending",
        "fix the state file's location, then apply again: it finds the connection by name",
        e);
  }

  /**
   * A POST the platform answered with an error (a 4xx, or a 429 past the retries) surely did not
   * land: its pending record loses the time it was sent, so the next run does not wait it out.
   */
  private void refused(Change change, DesiredConnection desired, RuntimeException e) {
    boolean definite =
        e instanceof dev.flowform.flowservice.FlowServiceException f
            && !(e instanceof UnknownOutcomeException)
            && f.status() >= 400
            && f.status() < 500;
    if (!definite) {
      return;
    }
    try {
      recorder.record(change.address(), pendingRecord(desired).notInFlight());
    } catch (RuntimeException ignored) {
      // the record keeps its time: the next run waits it out, which is safe
    }
  }

  private ResourceState pendingRecord(DesiredConnection desired) {
    return ResourceRecords.pending(desired, recorder.current().fingerprintSalt(), now());
  }

  private Instant now() {
    return clock.instant();
  }

  static ConnectionRequest request(DesiredConnection desired) {
    return new ConnectionRequest(
        desired.name(),
        desired.description(),
        desired.connectionSpec(),
        desired.authSpecName(),
        desired.revealedParams(),
        desired.secrets().keySet(),
        desired.paramTypes());
  }

  private static <T> T throttledAs(boolean lookupFirst, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (LimitedFlowService.isThrottled(e)) {
        throw new Throttled(lookupFirst, false, e);
      }
      throw e;
    }
  }
}
