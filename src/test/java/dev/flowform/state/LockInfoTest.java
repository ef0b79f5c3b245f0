package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A lock's holder as another run wrote it, printed to whoever waits for the lock. */
class LockInfoTest {
  @Test
  void theHolderIsDescribedWithoutTheControlCharactersItsWriterPutThere() {
    LockInfo info =
        new LockInfo(
            "id-1\u001b[8m",
            "apply\u0007",
            "mallory\u001b]0;owned\u0007@host",
            42,
            "0.1.0",
            Instant.parse("2026-01-02T03:04:05Z"),
            "/state.json");

    assertEquals(
        "apply (id id-1[8m, mallory]0;owned@host, pid 42, flowform 0.1.0, since"
            + " 2026-01-02T03:04:05Z)",
        info.describe());
  }
}
