package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.apply.ChangeOutcome;
import dev.flowform.apply.Outcome;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import dev.flowform.testing.HandClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

  private final HandClock clock = HandClock.at("2026-11-28T10:00:00Z");
  private final StringWriter text = new StringWriter();

  private ProgressLines progress(ProgressMode mode, int total) {
    return new ProgressLines(new PrintWriter(text, true), clock, mode, total);
  }

  private static Change change(String address) {
    return new Change(address, Action.CREATE, Reason.NEW, null, null, "n", List.of(), List.of());
  }

  private static ChangeOutcome created(String address) {
    return new ChangeOutcome(change(address), Outcome.CREATED, "id-" + address, null, null);
  }

  private static ChangeOutcome failed(String address) {
    return new ChangeOutcome(change(address), Outcome.FAILED, null, "HTTP 500", "retry");
  }

  @Test
  void inALogPrintsEachChangeAndASummaryOnlyOnceFiveSecondsHavePassed() {
    ProgressLines lines = progress(ProgressMode.LOG, 3);
    lines.onStart(change("a"));
    clock.advance(Duration.ofSeconds(2));
    lines.onDone(change("a"), created("a"));
    assertFalse(text.toString().contains("Progress:"), text.toString());

    clock.advance(Duration.ofSeconds(3));
    lines.onDone(change("b"), failed("b"));
    clock.advance(Duration.ofSeconds(1));
    lines.onDone(change("c"), created("c"));

    assertEquals(
        List.of(
            "a: created (id id-a)",
            "b: failed: HTTP 500",
            "Progress: 2/3 done, 1 failed, 5s elapsed, 0.4/s",
            "c: created (id id-c)"),
        text.toString().lines().toList());
    assertFalse(text.toString().contains("\r"));
  }

  @Test
  void aChangeNotStartedSaysNotStartedOnce() {
    ProgressLines lines = progress(ProgressMode.LOG, 1);
    ChangeOutcome cancelled =
        new ChangeOutcome(
            change("a"),
            Outcome.NOT_STARTED,
            null,
            "not started: the apply was cancelled",
            "run apply again to finish the plan");

    lines.onDone(change("a"), cancelled);

    assertEquals(
        List.of("a: not started: the apply was cancelled"), text.toString().lines().toList());
  }

  @Test
  void inALogASlowChangeStillGetsASummaryOnTheTimersTick() {
    ProgressLines lines = progress(ProgressMode.LOG, 1);
    lines.onStart(change("slow"));
    clock.advance(Duration.ofSeconds(4));
    lines.tick();
    assertEquals("", text.toString());

    clock.advance(Duration.ofSeconds(2));
    lines.tick();
    lines.tick();

    assertEquals(
        List.of("Progress: 0/1 done, 0 failed, 6s elapsed, 0.0/s"),
        text.toString().lines().toList());
  }

  @Test
  void quietIgnoresTheTimer() {
    ProgressLines lines = progress(ProgressMode.QUIET, 1);
    clock.advance(Duration.ofSeconds(30));
    lines.tick();
    assertEquals("", text.toString());
  }

  @Test
  void onATerminalRewritesALiveLineAndPrintsChangesAboveIt() {
    ProgressLines lines = progress(ProgressMode.LIVE, 2);
    lines.onStart(change("a"));
    assertEquals("\r[0/2 done, 0 failed, 0s elapsed, -]", text.toString());

    clock.advance(Duration.ofSeconds(4));
    lines.onDone(change("a"), created("a"));
    String afterOne = text.toString();
    assertTrue(afterOne.contains("\ra: created (id id-a)\n"), afterOne);
    assertTrue(afterOne.endsWith("\r[1/2 done, 0 failed, 4s elapsed, 0.3/s]"), afterOne);

    lines.finish();
    String blank = " ".repeat("[1/2 done, 0 failed, 4s elapsed, 0.3/s]".length());
    assertTrue(text.toString().endsWith("\r" + blank + "\r"), text.toString());
  }

  @Test
  void quietPrintsNothing() {
    ProgressLines lines = progress(ProgressMode.QUIET, 1);
    lines.onStart(change("a"));
    clock.advance(Duration.ofSeconds(30));
    lines.onDone(change("a"), failed("a"));
    lines.finish();
    assertEquals("", text.toString());
  }

  @Test
  void theModeFollowsQuietThenTheTerminal() {
    assertEquals(ProgressMode.QUIET, ProgressMode.of(true, true));
    assertEquals(ProgressMode.LIVE, ProgressMode.of(false, true));
    assertEquals(ProgressMode.LOG, ProgressMode.of(false, false));
  }
}
