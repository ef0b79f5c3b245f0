package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metadata.movedFrom and spec.imports, checked across documents before anything is planned. */
class DeclarationRulesTest {
  private static final String ID = "2fce94c1-5ad1-4d5e-8f6b-3c2a1b0e9d87";

  @TempDir Path work;

  private static String environment(String imports) {
    return """
        apiVersion: flowform/v1
        kind: Environment
        metadata: {name: dev}
        spec:
          sandbox: dev
          orgId: O@AdobeOrg
          endpoint: embedded
        """
        + imports;
  }

  private static String connection(String name, String movedFrom) {
    return """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata:
          name: %s
          movedFrom: %s
        spec:
          name: HubSpot %s
          auth:
            params:
              clientId: client
              clientSecret: ${env:S}
              accessToken: ${env:S}
              refreshToken: ${env:S}
        """
        .formatted(name, movedFrom, name);
  }

  private List<String> errors(String environment, String... connections) throws IOException {
    Path dir = work.resolve("manifests");
    Files.createDirectories(dir.resolve("connections"));
    Files.writeString(dir.resolve("dev.yaml"), environment);
    for (int i = 0; i < connections.length; i++) {
      Files.writeString(dir.resolve("connections/c" + i + ".yaml"), connections[i]);
    }
    LoadResult result =
        new ManifestLoader(work, Map.of("S", "secret"))
            .load(Path.of("manifests"), Optional.of("dev"), Resolution.STRICT);
    return result.diagnostics().errors().map(Diagnostic::format).toList();
  }

  @Test
  void aMoveFromAnOldAddressIsAcceptedAndReachesTheDesiredConnection() throws IOException {
    Path dir = work.resolve("manifests");
    assertEquals(List.of(), errors(environment(""), connection("crm", "[sales, old-sales]")));
    DesiredState desired =
        new ManifestLoader(work, Map.of("S", "secret"))
            .load(Path.of("manifests"), Optional.of("dev"), Resolution.STRICT)
            .orThrow();
    assertEquals(
        List.of("sales", "old-sales"), desired.connection("crm").orElseThrow().movedFrom());
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void aMoveOntoAnAddressThatIsStillDeclaredIsAnError() throws IOException {
    List<String> errors =
        errors(environment(""), connection("crm", "[sales]"), connection("sales", "[]"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("an address that still exists"), errors.get(0));
    assertTrue(errors.get(0).startsWith("manifests/connections/c0.yaml:5:"), errors.get(0));
  }

  @Test
  void aCycleOfMovesIsAnError() throws IOException {
    List<String> errors = errors(environment(""), connection("a", "[b]"), connection("b", "[a]"));
    assertTrue(errors.stream().allMatch(e -> e.contains("cycle")), errors.toString());
    assertEquals(2, errors.size());
    assertTrue(errors(environment(""), connection("a", "[a]")).get(0).contains("cycle"));
  }

  @Test
  void twoConnectionsClaimingOneOldAddressIsAnError() throws IOException {
    List<String> errors =
        errors(environment(""), connection("a", "[old]"), connection("b", "[old]"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("'old' is claimed by two connections"), errors.get(0));
  }

  @Test
  void anImportOfAnAddressNoConnectionHasIsAnError() throws IOException {
    List<String> errors =
        errors(environment("  imports:\n    crn: " + ID + "\n"), connection("crm", "[]"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("did you mean 'crm'?"), errors.get(0));
    assertTrue(errors.get(0).startsWith("manifests/dev.yaml:9:10"), errors.get(0));
  }

  @Test
  void anImportThatIsNotAUuidIsAnError() throws IOException {
    List<String> errors =
        errors(environment("  imports:\n    crm: not-an-id\n"), connection("crm", "[]"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("must be a UUID"), errors.get(0));
  }

  @Test
  void oneIdImportedTwiceIsAnError() throws IOException {
    List<String> errors =
        errors(
            environment("  imports:\n    a: " + ID + "\n    b: " + ID + "\n"),
            connection("a", "[]"),
            connection("b", "[]"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("to both 'a' and 'b'"), errors.get(0));
  }

  @Test
  void declaredImportsReachTheEnvironment() throws IOException {
    errors(environment("  imports:\n    crm: " + ID.toUpperCase() + "\n"), connection("crm", "[]"));
    DesiredState desired =
        new ManifestLoader(work, Map.of("S", "secret"))
            .load(Path.of("manifests"), Optional.of("dev"), Resolution.STRICT)
            .orThrow();
    assertEquals(ID, desired.environment().importOf("crm").orElseThrow().id());
  }
}
