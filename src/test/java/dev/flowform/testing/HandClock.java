package dev.flowform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that moves only when a test says so; safe to read from several threads. */
public final class HandClock extends Clock {
  private volatile Instant now;

  public HandClock(Instant start) {
    this.now = start;
  }

  public static HandClock at(String instant) {
    return new HandClock(Instant.parse(instant));
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
