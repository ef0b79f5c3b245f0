package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import dev.flowform.model.PostgresUrl;
import dev.flowform.model.StateLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spec.state} as a file path or a PostgreSQL URL. */
class StateLocationTest {
  @TempDir Path work;

  private LoadResult load(String state, Map<String, String> env) throws IOException {
    return load(state, env, secret -> {});
  }

  private LoadResult load(String state, Map<String, String> env, Consumer<String> secrets)
      throws IOException {
    Path dir = work.resolve("manifests");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("dev.yaml"),
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: dev
        spec:
          sandbox: dev
          orgId: ORG@AdobeOrg
          endpoint: embedded
          state: %s
        """
            .formatted(state));
    return new ManifestLoader(work, env, List.of(), secrets)
        .load(dir, Optional.of("dev"), Resolution.STRICT);
  }

  @Test
  void aPostgresUrlNamesTheDatabaseWithLibpqVariablesFillingIn() throws IOException {
    LoadResult loaded =
        load(
            "postgresql://flowform@db.example.com/infra?key=marketing-dev",
            Map.of("PGPASSWORD", "pg-secret-1", "PGPORT", "6543"));

    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().all().toString());
    PostgresUrl url = ((StateLocation.Postgres) loaded.environments().get(0).state()).url();
    assertEquals("db.example.com:6543/infra", url.location());
    assertEquals("marketing-dev", url.key());
    assertEquals("pg-secret-1", url.password());
    assertEquals(
        work.resolve(".flowform/dev.emulator.json"), loaded.environments().get(0).emulatorData());
  }

  @Test
  void theKeyDefaultsToTheEnvironmentsName() throws IOException {
    LoadResult loaded = load("postgresql://flowform@db.example.com/infra", Map.of());

    assertEquals(
        "dev", ((StateLocation.Postgres) loaded.environments().get(0).state()).url().key());
  }

  @Test
  void aMalformedUrlIsAnErrorAtItsPositionThatNeverShowsThePassword() throws IOException {
    LoadResult loaded =
        load("postgresql://flowform:pg-secret-2@db.example.com:54x2/infra", Map.of());

    String shown =
        loaded.diagnostics().all().stream().map(Diagnostic::format).collect(Collectors.joining());
    assertTrue(shown.contains("manifests/dev.yaml:9:10: error: spec.state URL: port"), shown);
    assertFalse(shown.contains("pg-secret-2"), shown);
    assertTrue(loaded.environments().get(0).state() instanceof StateLocation.Unusable);
  }

  @Test
  void aUrlLeavingTheUserToPgUserIsValidUntilItsEnvironmentIsSelected() throws IOException {
    Path dir = work.resolve("manifests");
    load("postgresql://db.example.com/infra", Map.of());
    Files.writeString(
        dir.resolve("local.yaml"),
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: local
        spec:
          sandbox: local
          orgId: ORG@AdobeOrg
          endpoint: embedded
        """);

    LoadResult all =
        new ManifestLoader(work, Map.of(), List.of(), secret -> {})
            .load(dir, Optional.empty(), Resolution.STRUCTURE);
    LoadResult selected = load("postgresql://db.example.com/infra", Map.of());

    assertFalse(all.diagnostics().hasErrors(), all.diagnostics().all().toString());
    String shown =
        selected.diagnostics().all().stream().map(Diagnostic::format).collect(Collectors.joining());
    assertTrue(shown.contains("no user name"), shown);
    assertTrue(shown.contains("PGUSER"), shown);
  }

  @Test
  void aPathStaysAFileBesideTheDocument() throws IOException {
    LoadResult loaded = load("../state/dev.json", Map.of());

    assertEquals(
        new StateLocation.File(work.resolve("state/dev.json")),
        loaded.environments().get(0).state());
    assertEquals(
        work.resolve("state/dev.emulator.json"), loaded.environments().get(0).emulatorData());
  }

  @Test
  void aLiteralPasswordInTheUrlIsAnErrorAndAReferenceIsNot() throws IOException {
    LoadResult literal = load("postgresql://flowform:pg-secret-3@db.example.com/infra", Map.of());
    LoadResult referenced =
        load(
            "postgresql://flowform:${env:PG_PW}@db.example.com/infra",
            Map.of("PG_PW", "pg-secret-4"));

    String shown =
        literal.diagnostics().all().stream().map(Diagnostic::format).collect(Collectors.joining());
    assertTrue(shown.contains("the password in spec.state is sensitive"), shown);
    assertFalse(shown.contains("pg-secret-3"), shown);
    assertFalse(referenced.diagnostics().hasErrors(), referenced.diagnostics().all().toString());
    assertEquals(
        "pg-secret-4",
        ((StateLocation.Postgres) referenced.environments().get(0).state()).url().password());
  }

  @Test
  void aUserNameGivenAsAReferenceIsNotTakenForALiteralPassword() throws IOException {
    LoadResult both =
        load(
            "postgresql://${env:DB_USER}:${env:PG_PW}@db.example.com/infra",
            Map.of("DB_USER", "flowform", "PG_PW", "pg-secret-7"));
    LoadResult userOnly =
        load("postgresql://${env:DB_USER}@db.example.com/infra", Map.of("DB_USER", "flowform"));
    LoadResult literalAfterReference =
        load(
            "postgresql://${env:DB_USER}:pg-secret-8@db.example.com/infra",
            Map.of("DB_USER", "flowform"));

    assertFalse(both.diagnostics().hasErrors(), both.diagnostics().all().toString());
    PostgresUrl url = ((StateLocation.Postgres) both.environments().get(0).state()).url();
    assertEquals("flowform", url.user());
    assertEquals("pg-secret-7", url.password());
    assertFalse(userOnly.diagnostics().hasErrors(), userOnly.diagnostics().all().toString());
    String shown =
        literalAfterReference.diagnostics().all().stream()
            .map(Diagnostic::format)
            .collect(Collectors.joining());
    assertTrue(shown.contains("the password in spec.state is sensitive"), shown);
  }

  @Test
  void aSystemSchemaInTheUrlIsAValidationError() throws IOException {
    LoadResult loaded =
        load("postgresql://flowform@db.example.com/infra?schema=information_schema", Map.of());

    String shown =
        loaded.diagnostics().all().stream().map(Diagnostic::format).collect(Collectors.joining());
    assertTrue(loaded.diagnostics().hasErrors(), shown);
    assertTrue(
        shown.contains("schema 'information_schema' is a system schema of PostgreSQL"), shown);
  }

  @Test
  void thePasswordOfAStateUrlIsASecretTheRunLearns() throws IOException {
    List<String> fromUrl = new ArrayList<>();
    List<String> fromLibpq = new ArrayList<>();

    load(
        "postgresql://flowform:${env:PG_PW}@db.example.com/infra",
        Map.of("PG_PW", "pg-secret-5"),
        fromUrl::add);
    load(
        "postgresql://flowform@db.example.com/infra",
        Map.of("PGPASSWORD", "pg-secret-6"),
        fromLibpq::add);

    assertTrue(fromUrl.contains("pg-secret-5"), fromUrl.toString());
    assertTrue(fromLibpq.contains("pg-secret-6"), fromLibpq.toString());
  }
}
