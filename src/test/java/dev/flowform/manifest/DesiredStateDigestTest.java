package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DesiredStateDigestTest {
  @Test
  void aLaterDigestIsMadeOnceAndOnlyWhenAskedFor() {
    AtomicInteger made = new AtomicInteger();
    DesiredState.Digest digest =
        DesiredState.Digest.later(() -> "sha256:" + made.incrementAndGet());
    assertEquals(0, made.get());
    assertEquals("sha256:1", digest.value());
    assertEquals("sha256:1", digest.value());
    assertEquals(1, made.get());
  }

  @Test
  void digestsAreEqualWhenTheirValuesAre() {
    assertEquals(DesiredState.Digest.of("sha256:a"), DesiredState.Digest.later(() -> "sha256:a"));
    assertEquals(
        DesiredState.Digest.of("sha256:a").hashCode(),
        DesiredState.Digest.later(() -> "sha256:a").hashCode());
    assertNotEquals(DesiredState.Digest.of("sha256:a"), DesiredState.Digest.of("sha256:b"));
  }
}
