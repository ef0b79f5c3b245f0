package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest cannot print the job's environment into a pull-request comment (issue 23, defect 6):
 * in fields that are printed, {@code ${env:NAME}} reads only {@code FLOWFORM_VAR_*} names and those
 * the Environment lists in {@code spec.allowedEnv}; secret fields keep reading any name.
 */
class PrintedEnvIT {
  private static final String TOKEN = "ghp_JobTokenNeverPrinted0123456789";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    ws.setEnv("GITHUB_TOKEN", TOKEN);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aDescriptionReadingTheJobTokenIsRefusedAndTheTokenNeverPrinted() {
    ws.connection("marketing-hubspot", "HubSpot marketing", "${env:GITHUB_TOKEN}");

    CliRun plan = ws.run("plan", "--env", "test", "--refresh=false", "--output", "markdown");
    CliRun status = ws.run("status");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("GITHUB_TOKEN may not be read here"), plan.err());
    assertTrue(plan.err().contains("spec.allowedEnv"), plan.err());
    assertTrue(plan.err().contains("connections/marketing-hubspot.yaml:"), plan.err());
    assertFalse((plan.out() + plan.err()).contains(TOKEN));
    assertEquals(1, status.exitCode(), status.out() + status.err());
    assertFalse((status.out() + status.err()).contains(TOKEN));
    assertEquals(0, Sent.changes(emulator));
  }

  @Test
  void aVariableOfTheEnvironmentReadingTheJobTokenIsRefused() {
    ws.writeEnvironment("test", Workspace.SANDBOX, "  variables:\n    team: ${env:GITHUB_TOKEN}\n");
    ws.connection("marketing-hubspot", "HubSpot marketing (${var:team})");

    CliRun plan = ws.run("plan", "--env", "test", "--refresh=false");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("GITHUB_TOKEN may not be read here"), plan.err());
    assertFalse((plan.out() + plan.err()).contains(TOKEN));
  }

  @Test
  void prefixedAndListedNamesArePrintedAndSecretFieldsReadAnyName() throws Exception {
    ws.setEnv("FLOWFORM_VAR_TEAM", "growth");
    ws.setEnv("COST_CENTER", "cc-42");
    ws.writeEnvironment("test", Workspace.SANDBOX, "  allowedEnv: [COST_CENTER]\n");
    ws.connection(
        "marketing-hubspot",
        "HubSpot marketing (${env:FLOWFORM_VAR_TEAM})",
        "Billed to ${env:COST_CENTER}");

    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");

    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("HubSpot marketing (growth)"), apply.out());
    assertTrue(apply.out().contains("Billed to cc-42"), apply.out());
    assertTrue(Files.readString(ws.stateFile()).contains("Billed to cc-42"));
  }

  @Test
  void allowedEnvAcceptsOnlyVariableNames() {
    ws.writeEnvironment("test", Workspace.SANDBOX, "  allowedEnv: [\"${env:X}\"]\n");
    ws.connection("marketing-hubspot", "HubSpot marketing");

    CliRun validate = ws.run("validate", "--env", "test");

    assertEquals(1, validate.exitCode(), validate.out() + validate.err());
    assertTrue(validate.err().contains("allowedEnv"), validate.err());
  }
}
