package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path root;

  @Test
  void scaffoldsAProjectThatValidatesAndAppliesLocallyWithoutAnySetup() throws IOException {
    CliRun init = CliRun.run(root, Map.of(), "init");
    assertEquals(0, init.exitCode(), init.err());
    assertTrue(Files.isRegularFile(root.resolve("manifests/environments/local.yaml")));
    assertTrue(Files.isRegularFile(root.resolve("manifests/environments/dev.yaml")));
    assertTrue(Files.isRegularFile(root.resolve("manifests/connections/example-hubspot.yaml")));
    String ignored = Files.readString(root.resolve(".gitignore"));
    for (String line : new String[] {".flowform/", "*.state.json.backup", ".secrets/"}) {
      assertTrue(ignored.lines().anyMatch(line::equals), line);
    }

    CliRun validate = CliRun.run(root, Map.of(), "validate", "--env", "local");
    assertEquals(0, validate.exitCode(), validate.out() + validate.err());
    CliRun apply = CliRun.run(root, Map.of(), "apply", "--env", "local", "--auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    assertTrue(apply.out().contains("1 created"), apply.out());
  }

  @Test
  void theDevEnvironmentValidatesOnceItsVariablesAreSet() {
    assertEquals(0, CliRun.run(root, Map.of(), "init").exitCode());
    Map<String, String> env =
        Map.of(
            "AEP_ORG_ID", "5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg",
            "AEP_CLIENT_ID", "client",
            "AEP_CLIENT_SECRET", "secret-value");
    CliRun validate = CliRun.run(root, env, "validate", "--env", "dev");
    assertEquals(0, validate.exitCode(), validate.out() + validate.err());
  }

  @Test
  void writesTheSecretsForTheOwnerOnly() throws IOException {
    CliRun init = CliRun.run(root, Map.of(), "init");

    assertEquals(0, init.exitCode(), init.err());
    try (java.util.stream.Stream<Path> secrets = Files.list(root.resolve(".secrets"))) {
      for (Path secret : secrets.toList()) {
        assertEquals(
            "rw-------",
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(secret)),
            secret.toString());
      }
    }
    assertEquals(
        "rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(root.resolve(".secrets"))));
  }

  @Test
  void refusesToOverwriteAnythingAndWritesNothing() throws IOException {
    Path local = root.resolve("manifests/environments/local.yaml");
    Files.createDirectories(local.getParent());
    Files.writeString(local, "mine\n");

    CliRun init = CliRun.run(root, Map.of(), "init");

    assertEquals(1, init.exitCode());
    assertTrue(init.err().contains("manifests/environments/local.yaml"), init.err());
    assertEquals("mine\n", Files.readString(local));
    assertTrue(Files.notExists(root.resolve("manifests/environments/dev.yaml")));
    assertTrue(Files.notExists(root.resolve(".gitignore")));
  }

  @Test
  void extendsAnExistingGitignoreOnce() throws IOException {
    Files.writeString(root.resolve(".gitignore"), "target/");
    assertEquals(0, CliRun.run(root, Map.of(), "init").exitCode());
    String ignored = Files.readString(root.resolve(".gitignore"));
    assertTrue(ignored.startsWith("target/\n"), ignored);
    assertTrue(ignored.contains("\n.flowform/\n"), ignored);
  }
}
