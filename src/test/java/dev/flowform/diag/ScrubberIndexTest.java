package dev.flowform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scrubber's index is built once per batch of secrets, not once per secret. */
class ScrubberIndexTest {
  private static final int SECRETS = 40_000;

  /** A realistic token: a shared prefix (as HubSpot's {@code pat-} tokens have), then noise. */
  static String token(int i) {
    return "pat-na1-" + Integer.toHexString(i * 0x9E3779B1) + "-" + (i * 7919L) + "-x";
  }

  @Test
  void fortyThousandSecretsAddedInARowAreIndexedOnceAndEveryOneIsScrubbed() {
    Scrubber scrubber = new Scrubber();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60), // generous: the work is counted below, not timed
        () -> {
          for (int i = 0; i < SECRETS; i++) {
            scrubber.add(token(i));
          }
          String text = "a " + token(0) + " b " + token(SECRETS / 2) + " c " + token(SECRETS - 1);
          assertEquals("a (sensitive) b (sensitive) c (sensitive)", scrubber.scrub(text));
        });
    assertEquals(1, scrubber.builds(), "one index build for the whole batch");
  }

  @Test
  void aSecretAddedAfterAScrubIsIndexedAtTheNextScrub() {
    Scrubber scrubber = new Scrubber();
    scrubber.add(token(1));
    assertEquals("(sensitive)", scrubber.scrub(token(1)));
    scrubber.add(token(2));
    scrubber.add(token(3));

    assertEquals("(sensitive) (sensitive)", scrubber.scrub(token(2) + " " + token(3)));
    assertEquals(2, scrubber.builds());
  }

  @Test
  void addingASecretAlreadyKnownBuildsNothing() {
    Scrubber scrubber = new Scrubber();
    scrubber.add(token(1));
    scrubber.scrub("x");
    scrubber.add(token(1));
    scrubber.scrub("x");

    assertEquals(1, scrubber.builds());
  }
}
