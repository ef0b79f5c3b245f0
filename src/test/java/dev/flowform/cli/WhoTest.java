package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who lock rows and state history name: never {@code unknown@localhost} when the OS knows. */
class WhoTest {
  @Test
  void fallsBackToTheOperatingSystemsUserAndHost() {
    assertEquals("runner@build-7", Settings.who(Map.of(), "runner", () -> "build-7"));
  }

  @Test
  void namesTheCiJobWhereOneIsKnown() {
    assertEquals(
        "ci@host (GitHub run 42)",
        Settings.who(
            Map.of("USER", "ci", "HOSTNAME", "host", "GITHUB_RUN_ID", "42"), "x", () -> "y"));
    assertEquals(
        "ci@host (https://gitlab.example/p/-/jobs/9)",
        Settings.who(
            Map.of(
                "USER",
                "ci",
                "HOSTNAME",
                "host",
                "CI_JOB_URL",
                "https://gitlab.example/p/-/jobs/9"),
            "x",
            () -> "y"));
  }

  @Test
  void controlCharactersOfTheUserHostAndJobAreDropped() {
    assertEquals(
        "ev[31mil]0;pwned@build-7 (GitHub run 42)",
        Settings.who(
            Map.of(
                "USER", "ev\u001b[31mil\u001b]0;pwned\u0007",
                "HOSTNAME", "build-\r\n7",
                "GITHUB_RUN_ID", "4\u202e2"),
            "x",
            () -> "y"));
  }
}
