package dev.flowform.cli;

import dev.flowform.diag.FlowformException;
import dev.flowform.emulator.EchoPart;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FaultKind;
import dev.flowform.emulator.Faults;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.emulator.Operation;
import dev.flowform.run.EmulatorSandboxes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowform emulator}: serves the Flow Service emulator and IMS on loopback. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Flow Service emulator (and an IMS token endpoint) on 127.0.0.1 until"
          + " interrupted (Ctrl+C)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform emulator --port 8080",
      "  flowform emulator --port 0 --data emulator.json --latency 50 --rate-limit 20",
      "  flowform emulator --error-rate 0.1 --search-lag 2s",
      "  flowform emulator --echo-rate 0.2 --echo body,headers --fault-operations create,update",
      "  flowform emulator --client-id ci --client-secret \"$EMULATOR_SECRET\"",
      "  flowform emulator --sandboxes prod,dev --orgs 5C13ABCD@AdobeOrg"
    })
final class EmulatorCommand implements Callable<Integer> {
  private final CliContext context;
  private final ServeUntil serveUntil;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "manifests",
      description =
          "Learn the sandboxes from the Environment manifests here, when --sandboxes is not given"
              + " (default: ${DEFAULT-VALUE}; none there: any sandbox).")
  Path dir;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "8080",
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "Keep connections in this JSON file (default: in memory only).")
  Path data;

  @Option(
      names = "--latency",
      paramLabel = "MS",
      defaultValue = "0",
      description = "Milliseconds added to every request (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(
      names = "--error-rate",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Fraction of connection calls that fail, split evenly: 504 after the change landed,"
              + " 503 and 429 before (default: ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(
      names = "--echo-rate",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Fraction of connection calls answered 400 with a message that repeats the request"
              + " verbatim (see --echo), as some gateways do: to test that a client scrubs the"
              + " secrets it sent from what it shows (default: ${DEFAULT-VALUE}).")
  double echoRate;

  @Option(
      names = "--echo",
      paramLabel = "PART",
      split = ",",
      description = "What those answers repeat: body, query, headers (default: all three).")
  List<String> echoParts = new ArrayList<>();

  @Option(
      names = "--fault-operations",
      paramLabel = "OP",
      split = ",",
      description =
          "The calls --error-rate and --echo-rate apply to: create, read, list, update, delete"
              + " (default: all).")
  List<String> faultOperations = new ArrayList<>();

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Flow Service requests per second; more answer 429 (default: 0, no limit).")
  int rateLimit;

  @Option(
      names = "--search-lag",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "0s",
      description =
          "A new connection is missing from list answers (filtered or not) for this long after"
              + " its creation, like 1s or 500ms; reading it by id sees it at once"
              + " (default: ${DEFAULT-VALUE}).")
  Duration searchLag;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "Grant IMS tokens only to this client id (default: any).")
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "S",
      description = "... and this client secret (required with --client-id).")
  String clientSecret;

  @Option(
      names = "--max-page-size",
      paramLabel = "N",
      defaultValue = "" + EmulatorConfig.DEFAULT_MAX_PAGE_SIZE,
      description =
          "The most connections one list answer holds; a larger limit is clamped to it and the"
              + " rest follows _links.next (default: ${DEFAULT-VALUE}; without a limit, pages of "
              + EmulatorConfig.DEFAULT_PAGE_SIZE
              + ").")
  int maxPageSize;

  @Option(
      names = "--sandboxes",
      paramLabel = "NAME",
      split = ",",
      description =
          "The only sandboxes that exist, like prod,dev; calls for another answer 2100-404"
              + " (default: those the manifests in --dir name).")
  List<String> sandboxes = new ArrayList<>();

  @Option(
      names = "--orgs",
      paramLabel = "ORG",
      split = ",",
      description =
          "The only org ids tokens have access to; calls for another answer 2000-401"
              + " (default: any org).")
  List<String> orgs = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of ids and fault draws, to repeat a run (default: random).")
  Long seed;

  EmulatorCommand(CliContext context) {
    this(context, new UntilSignalled(Runtime.getRuntime()));
  }

  EmulatorCommand(CliContext context, ServeUntil serveUntil) {
    this.context = context;
    this.serveUntil = serveUntil;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = context.terminal().out();
    EmulatorConfig config = config();
    FlowServiceEmulator emulator = FlowServiceEmulator.start(config);
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            emulator.close();
            out.println("Emulator stopped.");
            out.flush();
          }
        };
    try {
      out.println("Flow Service: " + emulator.flowServiceUrl());
      out.println("IMS: " + emulator.imsUrl());
      out.println(
          "Data: " + config.dataFile().map(context::display).orElse("in memory (not persisted)"));
      out.println(
          "Sandboxes: "
              + (config.sandboxes().isEmpty()
                  ? "any"
                  : String.join(", ", new java.util.TreeSet<>(config.sandboxes()))));
      out.println(
          config.clientId().isPresent()
              ? "Tokens: only for client id " + config.clientId().get()
              : "Tokens: for any client id and secret");
      out.println("Press Ctrl+C to stop.");
      out.flush();
      serveUntil.await(emulator, stop);
    } finally {
      stop.run();
    }
    return ExitCode.OK;
  }

  EmulatorConfig config() {
    if (latencyMillis < 0) {
      throw new FlowformException("--latency must be 0 or more milliseconds");
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new FlowformException("--error-rate must be a fraction from 0 to 1, like 0.2");
    }
    if (!(echoRate >= 0 && echoRate <= 1 - errorRate)) {
      throw new FlowformException(
          "--echo-rate must be a fraction from 0 to 1, like 0.05, and with --error-rate at most 1");
    }
    if (rateLimit < 0) {
      throw new FlowformException("--rate-limit must be 0 (no limit) or more requests per second");
    }
    if ((clientId == null) != (clientSecret == null)) {
      throw new FlowformException(
          "--client-id and --client-secret go together", "give both, or neither to grant any");
    }
    EmulatorConfig.Builder config =
        EmulatorConfig.builder()
            .port(port)
            .latency(Duration.ofMillis(latencyMillis))
            .faults(faults())
            .seed(seed != null ? seed : new SecureRandom().nextLong())
            .clock(context.clock())
            .maxPageSize(maxPageSize)
            .sandboxes(
                sandboxes.isEmpty()
                    ? EmulatorSandboxes.fromManifests(context.workDir(), context.env(), dir)
                    : Set.copyOf(sandboxes))
            .orgIds(Set.copyOf(orgs));
    if (data != null) {
      config.dataFile(context.workDir().resolve(data).normalize());
    }
    if (clientId != null) {
      config.client(clientId, clientSecret);
    }
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new FlowformException("the emulator cannot start: " + e.getMessage());
    }
  }

  private Faults faults() {
    Faults faults =
        Faults.errorRate(errorRate)
            .with(FaultKind.ECHO_REQUEST, echoRate)
            .withRateLimit(rateLimit)
            .withSearchLag(searchLag);
    if (!echoParts.isEmpty()) {
      List<EchoPart> parts = values(EchoPart.class, "--echo", echoParts);
      faults = faults.echoing(parts.get(0), parts.toArray(EchoPart[]::new));
    }
    if (!faultOperations.isEmpty()) {
      List<Operation> operations = values(Operation.class, "--fault-operations", faultOperations);
      faults = faults.onlyFor(operations.get(0), operations.toArray(Operation[]::new));
    }
    return faults;
  }

  /** The constants {@code names} name, in any case; a clear error for an unknown one. */
  private static <E extends Enum<E>> List<E> values(
      Class<E> type, String option, List<String> names) {
    List<E> values = new ArrayList<>();
    for (String name : names) {
      try {
        values.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        List<String> known =
            EnumSet.allOf(type).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw new FlowformException(
            option + ": '" + name + "' is not one of " + String.join(", ", known));
      }
    }
    return values;
  }
}
