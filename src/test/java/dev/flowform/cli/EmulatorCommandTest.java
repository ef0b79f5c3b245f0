package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.emulator.EchoPart;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.Operation;
import dev.flowform.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();

  private int run(ServeUntil serveUntil, String... args) {
    Terminal terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader("")),
            false);
    CliContext context = new CliContext(terminal, Map.of(), dir, Fixtures.CLOCK);
    CommandLine command = new CommandLine(new EmulatorCommand(context, serveUntil));
    command.setOut(terminal.out());
    command.setErr(terminal.err());
    command.setExecutionExceptionHandler(new ErrorReporter());
    return command.execute(args);
  }

  private HttpResponse<String> token(URI ims) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(ims)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=ci&client_secret=s"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void printsBothUrlsServesUntilToldToStopThenClosesAndExitsZero() {
    AtomicReference<URI> ims = new AtomicReference<>();
    AtomicReference<Integer> status = new AtomicReference<>();
    int code =
        run(
            (emulator, onStop) -> {
              ims.set(emulator.imsUrl());
              try {
                status.set(token(emulator.imsUrl()).statusCode());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            },
            "--port",
            "0");
    assertEquals(0, code, err.toString());
    assertEquals(200, status.get());
    int port = ims.get().getPort();
    String printed = out.toString();
    assertTrue(
        printed.contains("Flow Service: http://127.0.0.1:" + port + "/data/foundation/flowservice"),
        printed);
    assertTrue(printed.contains("IMS: http://127.0.0.1:" + port + "/ims/token/v3"), printed);
    assertTrue(printed.contains("Emulator stopped."), printed);
    assertThrows(ConnectException.class, () -> token(ims.get()));
  }

  @Test
  void learnsItsSandboxesFromTheManifestsAndAnswersAnyWithoutThem() throws IOException {
    AtomicReference<EmulatorConfig> seen = new AtomicReference<>();
    assertEquals(0, run((emulator, onStop) -> seen.set(emulator.config()), "--port=0"));
    assertEquals(Set.of(), seen.get().sandboxes());
    assertTrue(out.toString().contains("Sandboxes: any"), out.toString());

    Path environments = dir.resolve("infra/environments");
    Files.createDirectories(environments);
    for (String name : new String[] {"dev", "prod"}) {
      Files.writeString(
          environments.resolve(name + ".yaml"),
          """
          apiVersion: flowform/v1
          kind: Environment
          metadata:
            name: %1$s
          spec:
            sandbox: %1$s-sandbox
            orgId: ${env:AEP_ORG_ID}
            endpoint: embedded
          """
              .formatted(name));
    }
    assertEquals(
        0, run((emulator, onStop) -> seen.set(emulator.config()), "--port=0", "--dir=infra"));
    assertEquals(Set.of("dev-sandbox", "prod-sandbox"), seen.get().sandboxes());
    assertTrue(out.toString().contains("Sandboxes: dev-sandbox, prod-sandbox"), out.toString());
  }

  @Test
  void mapsEveryOptionOntoTheEmulatorsConfig() {
    AtomicReference<EmulatorConfig> seen = new AtomicReference<>();
    int code =
        run(
            (emulator, onStop) -> seen.set(emulator.config()),
            "--port=0",
            "--data=state/emulator.json",
            "--latency=25",
            "--error-rate=0.3",
            "--rate-limit=5",
            "--client-id=ci",
            "--client-secret=not-shown",
            "--seed=7",
            "--sandboxes=prod,dev",
            "--orgs=5C13ABCD@AdobeOrg",
            "--search-lag=1500ms",
            "--echo-rate=0.2",
            "--echo=Body,query",
            "--fault-operations=create,update",
            "--max-page-size=50");
    assertEquals(0, code, err.toString());
    EmulatorConfig config = seen.get();
    assertEquals(dir.resolve("state/emulator.json"), config.dataFile().orElseThrow());
    assertEquals(Duration.ofMillis(25), config.latency());
    assertEquals(0.5, config.faults().errorRate(), 1e-9);
    assertEquals(0.1, config.faults().rate(FaultKind.TIMEOUT_AFTER_LANDING), 1e-9);
    assertEquals(5, config.faults().rateLimit());
    assertEquals(Duration.ofMillis(1500), config.faults().searchLag());
    assertEquals(0.2, config.faults().rate(FaultKind.ECHO_REQUEST), 1e-9);
    assertEquals(Set.of(EchoPart.BODY, EchoPart.QUERY), config.faults().echoed());
    assertEquals(Set.of(Operation.CREATE, Operation.UPDATE), config.faults().operations());
    assertEquals(50, config.maxPageSize());
    assertEquals("ci", config.clientId().orElseThrow());
    assertEquals(7, config.seed());
    assertEquals(Set.of("prod", "dev"), config.sandboxes());
    assertEquals(Set.of("5C13ABCD@AdobeOrg"), config.orgIds());
    assertTrue(out.toString().contains("Data: state/emulator.json"), out.toString());
    assertFalse(out.toString().contains("not-shown"), out.toString());
    assertFalse(config.toString().contains("not-shown"), config.toString());
  }

  @Test
  void persistsToTheDataFileWhileServing() {
    int code =
        run(
            (emulator, onStop) ->
                emulator.addConnection(
                    "org@AdobeOrg",
                    "dev",
                    "kept",
                    Map.of(
                        "clientId",
                        "a",
                        "clientSecret",
                        "b",
                        "accessToken",
                        "c",
                        "refreshToken",
                        "d")),
            "--port=0",
            "--data=emulator.json");
    assertEquals(0, code, err.toString());
    assertTrue(Files.exists(dir.resolve("emulator.json")));
  }

  @Test
  void refusesAnErrorRateAboveOne() {
    int code = run((emulator, onStop) -> {}, "--port=0", "--error-rate=1.5");
    assertEquals(ExitCode.ERROR, code);
    assertTrue(err.toString().contains("--error-rate"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void refusesASandboxNameThatCannotExist() {
    int code = run((emulator, onStop) -> {}, "--port=0", "--sandboxes=prod,Dev Box");
    assertEquals(ExitCode.ERROR, code);
    assertTrue(err.toString().contains("'Dev Box' is not a sandbox name"), err.toString());
  }

  @Test
  void withoutSandboxesOrOrgsAnyIsServedInPagesOfAtMostTheDefaultSize() {
    AtomicReference<EmulatorConfig> seen = new AtomicReference<>();
    assertEquals(0, run((emulator, onStop) -> seen.set(emulator.config()), "--port=0"));
    assertTrue(seen.get().sandboxes().isEmpty());
    assertTrue(seen.get().orgIds().isEmpty());
    assertEquals(EmulatorConfig.DEFAULT_MAX_PAGE_SIZE, seen.get().maxPageSize());
  }

  @Test
  void aMaxPageSizeBelowTheDefaultPageSizeAlsoShrinksThePages() {
    AtomicReference<EmulatorConfig> seen = new AtomicReference<>();
    assertEquals(
        0, run((emulator, onStop) -> seen.set(emulator.config()), "--port=0", "--max-page-size=5"));
    assertEquals(5, seen.get().pageSize());
    assertEquals(ExitCode.ERROR, run((emulator, onStop) -> {}, "--port=0", "--max-page-size=0"));
  }

  @Test
  void refusesAnEchoRateThatWithTheErrorRateExceedsOne() {
    int code = run((emulator, onStop) -> {}, "--port=0", "--error-rate=0.6", "--echo-rate=0.5");
    assertEquals(ExitCode.ERROR, code);
    assertTrue(err.toString().contains("--echo-rate"), err.toString());
  }

  @Test
  void refusesAnUnknownEchoPartOrOperationNamingTheKnownOnes() {
    assertEquals(ExitCode.ERROR, run((emulator, onStop) -> {}, "--port=0", "--echo=cookies"));
    assertTrue(err.toString().contains("body, query, headers"), err.toString());
    assertEquals(
        ExitCode.ERROR, run((emulator, onStop) -> {}, "--port=0", "--fault-operations=explore"));
    assertTrue(err.toString().contains("create, read, list, update, delete"), err.toString());
  }

  @Test
  void refusesAClientIdWithoutItsSecret() {
    int code = run((emulator, onStop) -> {}, "--port=0", "--client-id=ci");
    assertEquals(ExitCode.ERROR, code);
    assertTrue(err.toString().contains("--client-secret"), err.toString());
  }

  @Test
  void isRegisteredOnTheCommandLineWithItsOptions() {
    CliRun run = CliRun.run(dir, Map.of(), "emulator", "--help");
    assertEquals(0, run.exitCode(), run.err());
    for (String option :
        new String[] {
          "--port",
          "--data",
          "--latency",
          "--error-rate",
          "--rate-limit",
          "--client-id",
          "--client-secret",
          "--sandboxes",
          "--orgs",
          "--search-lag",
          "--echo-rate",
          "--echo",
          "--fault-operations",
          "--max-page-size"
        }) {
      assertTrue(run.out().contains(option), run.out());
    }
  }
}
