package dev.flowform.apply;

import dev.flowform.state.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pending record of one create attempt, stamped with the time its POST goes out. It is written
 * before the create waits for a request slot, so that the write never holds one; right before the
 * POST it is written again when the wait made it older than {@link #SLACK}, and before every
 * resend. A POST thus always leaves within {@code SLACK} of the time its record says, and a rerun
 * waits that much longer for it ({@link EarlierPost}). When the create is given up before anything
 * was sent ({@link NotSent}), {@link #withdraw} puts back the record it replaced. Used by the one
 * worker that runs the attempt.
 */
final class PendingStamp {
  /** How long after its record's time a POST may still leave without a new stamp. */
  static final Duration SLACK = Duration.ofSeconds(1);

  private final StateRecorder recorder;
  private final String address;
  private final Clock clock;
  private final Function<Instant, ResourceState> record;
  private final Optional<ResourceState> replaced;
  private Instant stamped;
  private int sends;

  private PendingStamp(
      StateRecorder recorder,
      String address,
      Clock clock,
      Function<Instant, ResourceState> record) {
    this.recorder = recorder;
    this.address = address;
    this.clock = clock;
    this.record = record;
    this.replaced = recorder.resource(address);
  }

  /**
   * Writes the pending record of {@code address} now; returns once it is durable.
   *
   * @param record the pending record stamped with a given time
   */
  static PendingStamp write(
      StateRecorder recorder,
      String address,
      Clock clock,
      Function<Instant, ResourceState> record) {
    PendingStamp stamp = new PendingStamp(recorder, address, clock, record);
    stamp.stamp();
    return stamp;
  }

  /** Runs right before each POST: stamps again when this is a resend or the stamp is too old. */
  void beforeEachSend() {
    boolean resend = sends++ > 0;
    if (resend || Duration.between(stamped, clock.instant()).compareTo(SLACK) > 0) {
      stamp();
    }
  }

  /** Nothing was sent: state gets back what it held before this attempt's record. */
  void withdraw() {
    replaced.ifPresentOrElse(
        before -> recorder.record(address, before), () -> recorder.forget(address));
  }

  private void stamp() {
    Instant at = clock.instant();
    recorder.record(address, record.apply(at));
    stamped = at;
  }
}
