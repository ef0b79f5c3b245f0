package dev.flowform.emulator;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** Ids, etags, request ids and tokens, from one seeded random so a run is repeatable. */
final class Ids {
  private final Random random;

  Ids(Random random) {
    this.random = random;
  }

  /** A version 4 UUID. */
  synchronized String uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** An etag like Adobe's, quotes included: {@code "d403848a-0000-0200-0000-5e978f7b0000"}. */
  synchronized String etag(Instant now) {
    return String.format(
        "\"%08x-0000-0200-0000-%08x0000\"", random.nextInt(), (int) now.getEpochSecond());
  }

  /** An opaque bearer token. */
  synchronized String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "emulator-" + HexFormat.of().formatHex(bytes);
  }
}
