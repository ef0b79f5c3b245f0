package dev.flowform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.cli.CliRun;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform echoes secrets back (its body, query string and headers, in errors), and a full
 * workflow runs against it in every output form: nothing flowform prints or writes holds a secret
 * in any encoding.
 */
class SecretLeakIT {
  private static final String IMS_TOKEN = "ims-TOKEN/echoed+back=0042";

  @TempDir Path root;
  private EchoingPlatform platform;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> written = new ArrayList<>();

  @BeforeEach
  void project() throws IOException {
    platform = new EchoingPlatform(IMS_TOKEN);
    env.put("AEP_CLIENT_ID", "echo-client");
    env.put("AEP_CLIENT_SECRET", "p8e-AEP/client+secret=echo");
    env.put("HS_CLIENT_SECRET", "hs-SECRET/client+secret \"q\"");
    env.put("HS_ACCESS_TOKEN", "hs-SECRET-access/token+0002");
    env.put("HUBSPOT_REFRESH", "hs-SECRET-refresh token 0003");
    write(
        "manifests/environments/echo.yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata: {name: echo}
        spec:
          sandbox: dev
          orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
          endpoint: %s
          credentials:
            clientId: ${env:AEP_CLIENT_ID}
            clientSecret: ${env:AEP_CLIENT_SECRET}
            imsEndpoint: %s
        """
            .formatted(platform.endpoint(), platform.ims()));
    write(
        "manifests/connections/crm.yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata: {name: crm}
        spec:
          name: HubSpot CRM
          description: refreshed with ${env:HUBSPOT_REFRESH}
          auth:
            params:
              clientId: hubspot-app-crm
              clientSecret: ${env:HS_CLIENT_SECRET}
              accessToken: ${file:../../.secrets/access-token}
              refreshToken: ${env:HUBSPOT_REFRESH}
        """);
    write(".secrets/access-token", env.get("HS_ACCESS_TOKEN") + "\n");
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private CliRun run(String... args) {
    CliRun run = CliRun.run(root, env, args);
    written.add(String.join(" ", args) + "\n" + run.out() + "\n" + run.err());
    return run;
  }

  /** Every secret of the run, each in the forms a leak scanner looks for. */
  private Map<String, String> forms() {
    List<String> secrets =
        List.of(
            env.get("AEP_CLIENT_SECRET"),
            env.get("HS_CLIENT_SECRET"),
            env.get("HS_ACCESS_TOKEN"),
            env.get("HUBSPOT_REFRESH"),
            IMS_TOKEN);
    Map<String, String> forms = new LinkedHashMap<>();
    for (String secret : secrets) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      forms.put(secret, "plain");
      forms.put(Base64.getEncoder().encodeToString(bytes), "base64 of " + secret);
      forms.put(Base64.getUrlEncoder().encodeToString(bytes), "base64url of " + secret);
      forms.put(url, "URL-encoded " + secret);
      forms.put(url.replace("+", "%20"), "percent-encoded " + secret);
      forms.put(HexFormat.of().formatHex(bytes), "hex of " + secret);
      StringBuilder escaped = new StringBuilder();
      secret.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
      forms.put(escaped.toString(), "\\u-escaped " + secret);
    }
    return forms;
  }

  /** Every stream the runs printed and every file under the project, scanned for every form. */
  private void assertNothingLeaked() throws IOException {
    List<String> texts = new ArrayList<>(written);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(root.resolve(".secrets")))
              .toList();
    }
    for (Path file : files) {
      texts.add(root.relativize(file) + "\n" + Files.readString(file));
    }
    for (String text : texts) {
      forms()
          .forEach(
              (form, what) ->
                  assertFalse(
                      text.contains(form),
                      what + " leaked in:\n" + text.substring(0, Math.min(text.length(), 4000))));
    }
  }

  @Test
  void anEchoedCreateBodyAndItsHeadersAreScrubbedInTextJsonAndTheTrace() throws IOException {
    platform.echo(EchoingPlatform.Echo.CREATE_BODY_AND_HEADERS);

    CliRun text = run("apply", "--env", "echo", "--auto-approve");
    CliRun json = run("apply", "--env", "echo", "--auto-approve", "--output", "json");
    CliRun verbose = run("apply", "--env", "echo", "--auto-approve", "--verbose");

    assertNothingLeaked();
    assertEquals(1, text.exitCode(), text.err());
    assertTrue(text.err().contains("cannot parse"), text.err());
    assertTrue(text.err().contains("(sensitive)"), text.err());
    assertTrue(json.out().contains("cannot parse"), json.out());
    assertTrue(json.out().contains("(sensitive)"), json.out());
    assertTrue(verbose.err().contains("<-- 400 POST"), verbose.err());
  }

  @Test
  void anEchoedQueryStringAndHeadersAreScrubbedInMarkdownJsonAndTheTrace() throws IOException {
    platform.echo(EchoingPlatform.Echo.LIST_HEADERS);

    CliRun markdown = run("plan", "--env", "echo", "--output", "markdown");
    CliRun json = run("plan", "--env", "echo", "--output", "json", "--verbose");
    platform.echo(EchoingPlatform.Echo.IMS_FORM);
    CliRun ims = run("plan", "--env", "echo", "--output", "markdown", "--verbose");

    assertNothingLeaked();
    assertEquals(1, markdown.exitCode(), markdown.err());
    assertEquals(1, json.exitCode(), json.err());
    assertTrue(json.err().contains("Authorization=Bearer (sensitive)"), json.err());
    assertEquals(1, ims.exitCode(), ims.err());
    assertTrue(ims.err().contains("client_secret=(sensitive)"), ims.err());
  }

  @Test
  void aFullWorkflowWritesNoSecretInAnyFileOrStream() throws IOException {
    assertEquals(0, run("validate", "--env", "echo").exitCode());
    for (String output : List.of("text", "json", "markdown")) {
      assertEquals(0, run("plan", "--env", "echo", "--output", output, "--verbose").exitCode());
    }
    assertEquals(
        0, run("plan", "--env", "echo", "--refresh=false", "--output", "markdown").exitCode());
    assertEquals(0, run("plan", "--env", "echo", "--out", "saved.plan").exitCode());
    CliRun applied = run("apply", "saved.plan", "--verbose");
    assertEquals(0, applied.exitCode(), applied.err());
    run("state", "list", "--env", "echo");
    run("state", "show", "crm", "--env", "echo");
    run("status");
    assertTrue(Files.exists(root.resolve("saved.plan")));
    assertNothingLeaked();
    assertTrue(
        String.join("\n", written).contains("refreshed with (sensitive)"),
        "a description from the source of a secret is a secret too");
  }
}
