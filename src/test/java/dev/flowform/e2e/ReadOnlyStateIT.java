package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.PostgresUrl;
import dev.flowform.testing.PostgresExtension;
import dev.flowform.testing.TestSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only PostgreSQL recipe of docs/ci.md against the suite's real server (issue 23, defects
 * 3 to 5): the URL names no user, each job sets PGUSER and PGPASSWORD; a role with USAGE on the
 * schema and SELECT on its tables runs plan --lock=false, status and state list; the hints say what
 * a read-only role needs and what a missing password needs; status with an unreachable database
 * marks that column and shows the rest.
 */
@ExtendWith(PostgresExtension.class)
class ReadOnlyStateIT {
  private static final String READER_PASSWORD = "r3ad-only:pw";

  @TempDir Path dir;
  private FlowServiceEmulator emulator;
  private Workspace ws;
  private String reader;
  private TestSchema schema;

  @AfterEach
  void stop() throws SQLException {
    if (emulator != null) {
      emulator.close();
    }
    if (reader != null) {
      schema.execute("DROP SCHEMA IF EXISTS %s CASCADE", "DROP ROLE IF EXISTS " + reader);
    }
  }

  /** Applied by the read/write role, as the apply job does: PGUSER and PGPASSWORD. */
  private void applied(TestSchema schema) {
    this.schema = schema;
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    ws = new Workspace(dir, emulator);
    PostgresUrl admin = schema.parsedUrl("test");
    ws.setEnv("PGUSER", admin.user());
    ws.setEnv("PGPASSWORD", schema.password());
    ws.writeEnvironment("test", Workspace.SANDBOX, "  state: \"" + url(admin) + "\"\n");
    ws.connection("marketing-hubspot", "HubSpot marketing");
    CliRun apply = ws.run("apply", "--env", "test", "--auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
  }

  /** The state URL as the recipe writes it: no user, no password. */
  private String url(PostgresUrl admin) {
    return "postgresql://"
        + admin.host()
        + ":"
        + admin.port()
        + "/"
        + admin.database()
        + "?schema="
        + schema.name()
        + "&key=test";
  }

  /** A read-only role, and the job's variables switched to it. */
  private void readOnlyRole(String... grants) throws SQLException {
    reader = "ro_" + schema.name();
    schema.execute("CREATE ROLE " + reader + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
    for (String grant : grants) {
      schema.execute(grant.replace("ROLE", reader));
    }
    ws.setEnv("PGUSER", reader);
    ws.setEnv("PGPASSWORD", READER_PASSWORD);
  }

  @Test
  void aReadOnlyRoleAsDocumentedPlansShowsStatusAndListsState(TestSchema schema)
      throws SQLException {
    applied(schema);
    readOnlyRole(
        "GRANT USAGE ON SCHEMA %s TO ROLE", "GRANT SELECT ON ALL TABLES IN SCHEMA %s TO ROLE");

    CliRun plan = ws.run("plan", "--env", "test", "--lock=false", "--detailed-exitcode");
    CliRun status = ws.run("status", "--detailed-exitcode");
    CliRun list = ws.run("state", "list", "--env", "test");

    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertEquals(0, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("in sync"), status.out());
    assertEquals(0, list.exitCode(), list.out() + list.err());
    assertTrue(list.out().contains("marketing-hubspot"), list.out());
  }

  @Test
  void selectWithoutUsageIsDeniedWithAHintForAReadOnlyRole(TestSchema schema) throws SQLException {
    applied(schema);
    readOnlyRole("GRANT SELECT ON ALL TABLES IN SCHEMA %s TO ROLE");

    CliRun plan = ws.run("plan", "--env", "test", "--lock=false", "--refresh=false");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("USAGE on schema " + schema.name()), plan.err());
    assertTrue(plan.err().contains("SELECT on its tables"), plan.err());
  }

  @Test
  void aMissingPasswordSaysWhereAPasswordComesFrom(TestSchema schema) {
    applied(schema);
    ws.env().remove("PGPASSWORD");
    ws.setEnv("PGPASSFILE", dir.resolve("no-pgpass").toString());

    CliRun plan = ws.run("plan", "--env", "test", "--refresh=false");

    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("PGPASSWORD"), plan.err());
    assertTrue(plan.err().contains("~/.pgpass"), plan.err());
    assertFalse(plan.err().contains("check that the server is running"), plan.err());
  }

  @Test
  void statusWithAnUnreachableDatabaseMarksThatColumnAndShowsTheRest(TestSchema schema) {
    applied(schema);
    ws.writeEnvironment(
        "other",
        "other",
        "  state: \"postgresql://127.0.0.1:1/nowhere?key=other&connect_timeout=2\"\n");

    CliRun status = ws.run("status");

    assertEquals(1, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("OTHER (unreadable)"), status.out());
    assertTrue(
        status.out().matches("(?s).*marketing-hubspot\\s+unreadable\\s+in sync.*"), status.out());
    assertTrue(status.err().contains("environment \"other\""), status.err());
  }
}
