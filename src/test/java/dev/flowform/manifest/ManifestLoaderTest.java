package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.StateLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  @TempDir Path work;

  private static final String DEV =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: dev}
      spec:
        sandbox: dev
        orgId: ${env:ORG}
        credentials:
          clientId: ${env:AEP_ID}
          clientSecret: ${env:AEP_SECRET}
        variables: {region: eu}
      """;
  private static final String PROD =
      """
      apiVersion: flowform/v1
      kind: Environment
      metadata: {name: prod}
      spec:
        sandbox: prod
        orgId: ${env:PROD_ORG}
        state: ../../state/prod.json
        credentials: {accessToken: "${env:PROD_TOKEN}", apiKey: "${env:PROD_KEY}"}
      """;

  private static String connection(String name, String environments, String secret) {
    return """
    apiVersion: flowform/v1
    kind: HubSpotConnection
    metadata:
      name: %s
      environments: %s
    spec:
      name: HubSpot %s (${var:region})
      auth:
        params:
          clientId: client-%s
          clientSecret: %s
          accessToken: ${file:token.txt}
          refreshToken: ${env:REFRESH}
    """
        .formatted(name, environments, name, name, secret);
  }

  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "ORG",
              "O@AdobeOrg",
              "AEP_ID",
              "id",
              "AEP_SECRET",
              "aep-secret",
              "SECRET",
              "hs-secret",
              "REFRESH",
              "hs-refresh"));

  private void write(String path, String text) throws IOException {
    Path file = work.resolve("manifests").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void standardLayout() throws IOException {
    write("environments/dev.yaml", DEV);
    write("environments/prod.yaml", PROD);
    write("connections/a.yaml", connection("a", "[dev, prod]", "${env:SECRET}"));
    write("connections/b.yml", connection("b", "[prod]", "${env:PROD_ONLY_SECRET}"));
    write("connections/token.txt", "hs-access\n");
  }

  private LoadResult load(String environment, Resolution resolution) {
    return new ManifestLoader(work, env)
        .load(Path.of("manifests"), Optional.ofNullable(environment), resolution);
  }

  @Test
  void buildsTheSelectedEnvironmentsDesiredStateWithResolvedReferences() throws IOException {
    standardLayout();
    LoadResult result = load("dev", Resolution.STRICT);
    assertEquals(List.of(), result.diagnostics().all());
    DesiredState desired = result.desired().orElseThrow();
    assertEquals(List.of("a"), List.copyOf(desired.connections().keySet()));
    DesiredConnection a = desired.connection("a").orElseThrow();
    assertEquals("HubSpot a (eu)", a.name());
    assertEquals(ConnectionSpecRef.HUBSPOT, a.connectionSpec());
    assertEquals("Basic Authentication", a.authSpecName());
    assertEquals(Map.of("clientId", "client-a"), a.params());
    assertEquals("hs-secret", a.secrets().get("clientSecret").reveal());
    assertEquals("${env:SECRET}", a.secrets().get("clientSecret").reference());
    assertEquals("hs-access", a.secrets().get("accessToken").reveal());
    assertEquals("manifests/connections/a.yaml:1:1", a.position().toString());
    assertEquals("O@AdobeOrg", desired.environment().orgId());
  }

  @Test
  void yamlMergeKeysBringInWhatTheMappingDoesNotWriteItselfFirstMergeWinning() throws IOException {
    write("environments/dev.yaml", DEV);
    write("connections/token.txt", "hs-access\n");
    write(
        "connections/a.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata: {name: a}
        spec:
          name: HubSpot a
          auth:
            params:
              <<:
                - {clientId: first, clientSecret: "${env:SECRET}"}
                - {clientId: second, accessToken: "${file:token.txt}"}
              clientSecret: ${env:REFRESH}
              refreshToken: ${env:REFRESH}
        """);
    LoadResult result = load("dev", Resolution.STRICT);
    assertEquals(List.of(), result.diagnostics().all());
    DesiredConnection a = result.desired().orElseThrow().connection("a").orElseThrow();
    assertEquals(Map.of("clientId", "first"), a.params());
    assertEquals("${env:REFRESH}", a.secrets().get("clientSecret").reference());
    assertEquals("hs-access", a.secrets().get("accessToken").reveal());
  }

  @Test
  void aManifestLinkedInFromElsewhereIsReadLikeAnyOther() throws IOException {
    write("environments/dev.yaml", DEV);
    Path shared = work.resolve("shared/a.yaml");
    Files.createDirectories(shared.getParent());
    Files.writeString(shared, connection("a", "[dev]", "${env:SECRET}"));
    Files.createDirectories(work.resolve("manifests/connections"));
    Files.createSymbolicLink(work.resolve("manifests/connections/a.yaml"), shared);
    LoadReport report =
        new ManifestLoader(work, env)
            .report(Path.of("manifests"), Optional.of("dev"), Resolution.STRUCTURE);
    assertEquals(List.of(), report.result().diagnostics().all());
    assertEquals(1, report.connections());
  }

  @Test
  void aMappingMergedIntoItselfIsAnErrorNotACrash() throws IOException {
    write("environments/dev.yaml", DEV);
    write(
        "connections/a.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata: &m {name: a, <<: *m}
        spec: {name: HubSpot a}
        """);
    List<String> errors =
        load("dev", Resolution.STRUCTURE).diagnostics().errors().map(Diagnostic::format).toList();
    assertTrue(
        errors.contains(
            "manifests/connections/a.yaml:3:24: error: alias *m merges a mapping into itself"),
        errors.toString());
  }

  @Test
  void aDevRunDoesNotNeedProdsSecrets() throws IOException {
    standardLayout();
    LoadResult result = load("dev", Resolution.STRICT);
    assertFalse(result.diagnostics().hasErrors(), result.diagnostics().toString());
    EnvironmentConfig prod = result.environments().get(1);
    assertEquals("prod", prod.name());
    assertEquals("${env:PROD_ORG}", prod.orgId());
    Credentials.AccessToken token = (Credentials.AccessToken) prod.credentials().orElseThrow();
    assertFalse(token.resolved());
    assertEquals("${env:PROD_TOKEN}", token.accessToken().reference());
  }

  @Test
  void theDefaultStateLivesBesideTheManifestsFolderAndAGivenOneBesideItsFile() throws IOException {
    standardLayout();
    List<EnvironmentConfig> environments = load("dev", Resolution.STRICT).environments();
    assertEquals(
        new StateLocation.File(work.resolve(".flowform/dev.state.json")),
        environments.get(0).state());
    assertEquals(
        new StateLocation.File(work.resolve("state/prod.json")), environments.get(1).state());
  }

  @Test
  void leniencyTurnsUnresolvedSecretsIntoUnresolvedValuesButNothingElse() throws IOException {
    standardLayout();
    env.remove("SECRET");
    env.remove("AEP_SECRET");
    LoadResult lenient = load("dev", Resolution.LENIENT_SECRETS);
    assertEquals(List.of(), lenient.diagnostics().all());
    DesiredState desired = lenient.desired().orElseThrow();
    assertFalse(desired.connection("a").orElseThrow().secretsResolved());
    assertFalse(desired.environment().credentials().orElseThrow().resolved());

    env.remove("ORG");
    List<String> errors =
        load("dev", Resolution.LENIENT_SECRETS)
            .diagnostics()
            .errors()
            .map(Diagnostic::format)
            .toList();
    assertEquals(
        List.of(
            "manifests/environments/dev.yaml:6:10: error: ${env:ORG}: environment variable ORG is"
                + " not set"),
        errors);
  }

  @Test
  void offlineKeepsEveryUnavailableReferenceUnresolvedAndSaysWhich() throws IOException {
    standardLayout();
    write(
        "environments/dev.yaml",
        DEV.replace("region: eu", "region: \"${env:REGION}\"")
            .replace("sandbox: dev", "sandbox: ${env:SANDBOX}\n  allowedEnv: [REGION, SANDBOX]"));
    write(
        "connections/a.yaml",
        connection("a", "[dev, prod]", "${env:SECRET}")
            .replace("client-a", "${env:FLOWFORM_VAR_CLIENT}"));
    Files.delete(work.resolve("manifests/connections/token.txt"));
    env.remove("SECRET");
    env.remove("AEP_SECRET");
    env.remove("ORG");
    env.put("SANDBOX", "");

    LoadResult offline = load("dev", Resolution.OFFLINE);

    assertEquals(List.of(), offline.diagnostics().all());
    DesiredState desired = offline.desired().orElseThrow();
    EnvironmentConfig dev = desired.environment();
    assertEquals(java.util.Set.of("/sandbox", "/orgId", "/variables/region"), dev.unresolved());
    assertFalse(dev.resolved(EnvironmentConfig.ORG_ID));
    assertTrue(dev.resolved(EnvironmentConfig.ENDPOINT));
    assertFalse(dev.credentials().orElseThrow().resolved());
    DesiredConnection a = desired.connection("a").orElseThrow();
    assertEquals(java.util.Set.of("/name", "/auth/params/clientId"), a.unresolved());
    assertFalse(a.secrets().get("clientSecret").isResolved());
    assertFalse(a.secrets().get("accessToken").isResolved());
    assertTrue(a.secrets().get("refreshToken").isResolved());
    assertTrue(load("dev", Resolution.LENIENT_SECRETS).diagnostics().hasErrors());
  }

  @Test
  void offlineStillRefusesAnUndefinedVariableAndAMalformedReference() throws IOException {
    standardLayout();
    write(
        "connections/a.yaml",
        connection("a", "[dev, prod]", "${env:SECRET}")
            .replace("client-a", "${var:typo}")
            .replace("${env:REFRESH}", "${env:REFRESH"));
    env.remove("SECRET");

    List<String> errors =
        load("dev", Resolution.OFFLINE).diagnostics().errors().map(Diagnostic::message).toList();

    assertTrue(
        errors.stream().anyMatch(e -> e.contains("variable typo is not defined")),
        errors.toString());
    assertTrue(errors.contains("unterminated reference"), errors.toString());
  }

  @Test
  void aFileOutsideTheProjectIsAnErrorInEveryResolutionWhileAMissingOneIsToleratedOffline()
      throws IOException {
    standardLayout();
    write(
        "connections/a.yaml",
        connection("a", "[dev, prod]", "${env:SECRET}")
            .replace("${file:token.txt}", "${file:../../../elsewhere/token}"));
    write(
        "connections/c.yaml",
        connection("c", "[dev]", "${env:SECRET}").replace("token.txt", "missing.txt"));

    for (Resolution resolution :
        List.of(Resolution.STRICT, Resolution.LENIENT_SECRETS, Resolution.OFFLINE)) {
      List<String> errors =
          load("dev", resolution).diagnostics().errors().map(Diagnostic::message).toList();
      assertTrue(
          errors.stream().anyMatch(e -> e.contains("the path leads outside the project")),
          resolution + ": " + errors);
    }
    List<String> offline =
        load("dev", Resolution.OFFLINE).diagnostics().errors().map(Diagnostic::message).toList();
    assertTrue(offline.stream().noneMatch(e -> e.contains("missing.txt")), offline.toString());
  }

  @Test
  void anEmptyEnvironmentVariableIsAMissingSecretThatLeniencyTolerates() throws IOException {
    standardLayout();
    env.put("SECRET", "");
    LoadResult lenient = load("dev", Resolution.LENIENT_SECRETS);
    assertEquals(List.of(), lenient.diagnostics().all());
    assertFalse(lenient.desired().orElseThrow().connection("a").orElseThrow().secretsResolved());
    assertTrue(load("dev", Resolution.STRICT).diagnostics().hasErrors());
  }

  @Test
  void aSecretOfOneToThreeCharactersIsAnErrorNamingTheFieldNeverTheValue() throws IOException {
    standardLayout();
    env.put("SECRET", "q7z");
    env.put("AEP_SECRET", "k");
    write("connections/token.txt", "x9\n");

    for (Resolution resolution : List.of(Resolution.STRICT, Resolution.LENIENT_SECRETS)) {
      List<Diagnostic> errors = load("dev", resolution).diagnostics().errors().toList();
      String shown = errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
      assertTrue(
          shown.contains(
              "spec.auth.params.clientSecret: ${env:SECRET} reads a secret shorter than 4"
                  + " characters"),
          shown);
      assertTrue(shown.contains("spec.auth.params.accessToken: ${file:token.txt}"), shown);
      assertTrue(shown.contains("spec.credentials.clientSecret: ${env:AEP_SECRET}"), shown);
      assertFalse(shown.contains("q7z") || shown.contains("x9"), shown);
    }
  }

  @Test
  void strictModeRefusesAnUnresolvedSecret() throws IOException {
    standardLayout();
    env.remove("SECRET");
    LoadResult result = load("dev", Resolution.STRICT);
    assertTrue(result.diagnostics().hasErrors());
    assertTrue(result.desired().isEmpty());
  }

  @Test
  void theDigestNamesReferencesNotValuesAndFollowsTheManifests() throws IOException {
    standardLayout();
    String digest = load("dev", Resolution.STRICT).desired().orElseThrow().manifestDigest();
    assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
    env.put("SECRET", "rotated");
    assertEquals(digest, load("dev", Resolution.STRICT).desired().orElseThrow().manifestDigest());
    write(
        "connections/a.yaml",
        connection("a", "[dev, prod]", "${env:SECRET}") + "  description: new\n");
    assertNotEquals(
        digest, load("dev", Resolution.STRICT).desired().orElseThrow().manifestDigest());
  }

  @Test
  void structureModeResolvesNothingAndBuildsNoDesiredState() throws IOException {
    standardLayout();
    LoadResult result =
        new ManifestLoader(work, Map.of())
            .load(Path.of("manifests"), Optional.empty(), Resolution.STRUCTURE);
    assertEquals(List.of(), result.diagnostics().all());
    assertTrue(result.desired().isEmpty());
    assertEquals(2, result.environments().size());
  }

  @Test
  void theOnlyEnvironmentIsSelectedWhenNoneIsNamed() throws IOException {
    write("environments/dev.yaml", DEV);
    write("connections/a.yaml", connection("a", "[dev]", "${env:SECRET}"));
    write("connections/token.txt", "hs-token");
    assertEquals("dev", load(null, Resolution.STRICT).desired().orElseThrow().environment().name());
  }

  @Test
  void readsSeveralDocumentsPerFileAndSkipsEmptyOnes() throws IOException {
    write(
        "all.yaml",
        "---\n" + DEV + "---\n# nothing\n---\n" + connection("a", "[dev]", "${env:SECRET}"));
    write("token.txt", "hs-token");
    LoadResult result = load("dev", Resolution.STRICT);
    assertEquals(List.of(), result.diagnostics().all());
    assertEquals(1, result.desired().orElseThrow().connections().size());
  }

  @Test
  void aLiteralSecretIsOnlyAWarningForTheEmbeddedEmulator() throws IOException {
    write(
        "environments/local.yaml",
        "apiVersion: flowform/v1\nkind: Environment\nmetadata: {name: local}\n"
            + "spec: {sandbox: local, orgId: L@AdobeOrg, endpoint: embedded}\n");
    write(
        "connections/demo.yaml",
        connection("demo", "[local]", "fake-secret").replace("${var:region}", "x"));
    write("connections/token.txt", "hs-token");
    LoadResult result = load("local", Resolution.STRICT);
    assertEquals(
        List.of(
            "manifests/connections/demo.yaml:11:21: warning: spec.auth.params.clientSecret is a"
                + " literal secret (tolerated for the embedded emulator only) (use ${env:NAME} or"
                + " ${file:PATH} for real secrets)"),
        result.diagnostics().all().stream().map(Diagnostic::format).toList());
    DesiredConnection demo = result.desired().orElseThrow().connection("demo").orElseThrow();
    assertEquals("fake-secret", demo.secrets().get("clientSecret").reveal());
    assertEquals("(literal)", demo.secrets().get("clientSecret").reference());
    assertTrue(result.desired().get().environment().endpoint().embedded());
  }

  @Test
  void aMissingFolderIsAnError() {
    assertEquals(
        "manifests: error: manifests folder manifests not found (give another with --dir)",
        load("dev", Resolution.STRICT).diagnostics().all().get(0).format());
  }
}
