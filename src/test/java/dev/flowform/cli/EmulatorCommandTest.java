package dev.flowform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
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
            "--seed=7");
    assertEquals(0, code, err.toString());
    EmulatorConfig config = seen.get();
    assertEquals(dir.resolve("state/emulator.json"), config.dataFile().orElseThrow());
    assertEquals(Duration.ofMillis(25), config.latency());
    assertEquals(0.3, config.faults().errorRate(), 1e-9);
    assertEquals(0.1, config.faults().rate(FaultKind.TIMEOUT_AFTER_LANDING), 1e-9);
    assertEquals(5, config.faults().rateLimit());
    assertEquals("ci", config.clientId().orElseThrow());
    assertEquals(7, config.seed());
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
          "--client-secret"
        }) {
      assertTrue(run.out().contains(option), run.out());
    }
  }
}
