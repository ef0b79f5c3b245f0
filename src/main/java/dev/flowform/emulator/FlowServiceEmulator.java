package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Flow Service connections API and Adobe IMS, on loopback. Start it with
 * {@link #start(EmulatorConfig)}, point a client at {@link #flowServiceUrl()} and {@link
 * #imsUrl()}, and close it when done. The other public methods are for tests.
 *
 * <p>It serves {@code POST/GET /connections} (a list answers pages of {@link
 * EmulatorConfig#pageSize()} connections, or {@code limit} up to {@link
 * EmulatorConfig#maxPageSize()}, {@value EmulatorConfig#DEFAULT_MAX_PAGE_SIZE} by default: a larger
 * {@code limit} is clamped), {@code GET/PATCH/DELETE /connections/{id}}, {@code GET
 * /connections/{id}/test}, {@code GET /connectionSpecs} and {@code GET /connectionSpecs/{id}}.
 * Calls for a sandbox it does not know answer {@code 2100-404}, for an org it does not serve {@code
 * 2000-401} (see {@link EmulatorConfig#sandboxes()} and {@link EmulatorConfig#orgIds()}).
 *
 * <p>It also serves the whole ingestion pipeline: {@code /sourceConnections}, {@code
 * /targetConnections} and {@code /flows} (POST, GET, list, PATCH, DELETE, as {@code /connections}),
 * {@code POST /flows/{id}/action?op=enable|disable}, {@code GET /flowSpecs} and {@code GET
 * /flowSpecs/{id}} ({@code CRMToAEP}), {@code GET /runs?property=flowId==ID}, and Data Prep's
 * {@code /mappingSets} under {@link #DATA_PREP_PATH}, with the platform's referential rules: a
 * create naming a missing id is refused ({@code 400}), and so is deleting what a live resource
 * still names ({@code 1418-400}, {@code 1447-400}). Runs are synthetic, one per schedule tick; to
 * make a flow's runs fail, put {@value Runs#FAIL_MARKER} in its name (this works the same embedded,
 * from tests and in {@code flowform emulator}).
 */
public final class FlowServiceEmulator implements AutoCloseable {
  /** Where the Flow Service lives on a host, as on {@code platform.adobe.io}. */
  public static final String FLOW_SERVICE_PATH = "/data/foundation/flowservice";

  /** Where Data Prep lives on a host, beside the Flow Service: its {@code /mappingSets}. */
  public static final String DATA_PREP_PATH = "/data/foundation/conversion";

  /** Where IMS issues tokens, as on {@code ims-na1.adobelogin.com}. */
  public static final String IMS_PATH = "/ims/token/v3";

  private static final int THREADS = 64;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConnectionStore store;
  private final ResourceStore resources;
  private final TokenRegistry tokens;
  private final FaultInjector faults;
  private final RequestCounter counter;
  private final EmulatorConfig config;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FlowServiceEmulator(
      HttpServer server,
      ExecutorService executor,
      ConnectionStore store,
      ResourceStore resources,
      TokenRegistry tokens,
      FaultInjector faults,
      RequestCounter counter,
      EmulatorConfig config) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.resources = resources;
    this.tokens = tokens;
    this.faults = faults;
    this.counter = counter;
    this.config = config;
  }

  /**
   * Loads the data file (if any) and starts serving.
   *
   * @throws FlowformException when the port is taken or the data file cannot be read
   */
  public static FlowServiceEmulator start(EmulatorConfig config) {
    ObjectMapper mapper = new ObjectMapper();
    Random seeded = new Random(config.seed());
    Ids ids = new Ids(new Random(seeded.nextLong()));
    FaultInjector faults = new FaultInjector(config.faults(), new Random(seeded.nextLong()));
    Persistence persistence =
        new Persistence(config.dataFile().map(path -> new DataFile(path, mapper)), ids);
    ConnectionStore store = new ConnectionStore(persistence, ids, config.clock());
    ResourceStore resources = new ResourceStore(persistence, store, ids, config.clock(), mapper);
    TokenRegistry tokens = new TokenRegistry(ids, config.clock(), config.tokenLifetime());
    RequestCounter counter = new RequestCounter();
    HttpServer server = bind(config.port());
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + FLOW_SERVICE_PATH;
    ConnectionsApi connections = new ConnectionsApi(store, resources, faults, mapper, config, base);
    GatewayChecks gateway = new GatewayChecks(tokens, config.sandboxes(), config.orgIds());
    RateLimiter rateLimiter = new RateLimiter(config.faults().rateLimit(), config.clock());
    Route flowService =
        new FlowServiceRoute(
            gateway,
            rateLimiter,
            connections,
            new ConnectionSpecsApi(mapper),
            Pipeline.apis(resources, faults, mapper, ids, config, base));
    Route dataPrep =
        new DataPrepRoute(
            gateway,
            rateLimiter,
            new MappingSetsApi(
                new MappingSetRules(mapper), resources, faults, mapper, ids, config));
    Route ims = new ImsHandler(tokens, config.clientId(), config.clientSecret(), mapper);
    server.createContext(
        FLOW_SERVICE_PATH, new RouteHandler(flowService, mapper, ids, counter, config.latency()));
    server.createContext(
        DATA_PREP_PATH, new RouteHandler(dataPrep, mapper, ids, counter, config.latency()));
    server.createContext(IMS_PATH, new RouteHandler(ims, mapper, ids, counter, config.latency()));
    server.createContext(
        "/", new RouteHandler(new NoRoute(), mapper, ids, counter, java.time.Duration.ZERO));
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    server.start();
    return new FlowServiceEmulator(
        server, executor, store, resources, tokens, faults, counter, config);
  }

  /** {@code http://127.0.0.1:PORT/data/foundation/flowservice}. */
  public URI flowServiceUrl() {
    return URI.create("http://127.0.0.1:" + port() + FLOW_SERVICE_PATH);
  }

  /** {@code http://127.0.0.1:PORT/data/foundation/conversion}. */
  public URI dataPrepUrl() {
    return URI.create("http://127.0.0.1:" + port() + DATA_PREP_PATH);
  }

  /** {@code http://127.0.0.1:PORT/ims/token/v3}. */
  public URI imsUrl() {
    return URI.create("http://127.0.0.1:" + port() + IMS_PATH);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EmulatorConfig config() {
    return config;
  }

  /** The connections of a sandbox, of every org, in creation order. */
  public List<EmulatedConnection> connections(String sandbox) {
    return store.all().stream().filter(c -> c.sandbox().equals(sandbox)).toList();
  }

  /** The connections of one org's sandbox, in creation order. */
  public List<EmulatedConnection> connections(String orgId, String sandbox) {
    return store.list(new Scope(orgId, sandbox));
  }

  /**
   * The pipeline resources of a sandbox (source and target connections, flows, mapping sets), of
   * every org, in creation order.
   */
  public List<EmulatedResource> resources(String sandbox) {
    return resources.all().stream().filter(r -> r.sandbox().equals(sandbox)).toList();
  }

  /** The pipeline resources of one kind in a sandbox, of every org, in creation order. */
  public List<EmulatedResource> resources(ResourceKind kind, String sandbox) {
    return resources(sandbox).stream().filter(r -> r.kind() == kind).toList();
  }

  /**
   * Creates a connection directly, as someone outside flowform would have (no faults, no checks).
   */
  public EmulatedConnection addConnection(
      String orgId, String sandbox, String name, Map<String, String> params) {
    return store.create(
        new Scope(orgId, sandbox),
        new NewConnection(
            name,
            null,
            ConnectionSpecs.HUBSPOT_ID,
            ConnectionSpecs.HUBSPOT_VERSION,
            ConnectionSpecs.HUBSPOT_BASIC.name(),
            params),
        "emulator");
  }

  /** Deletes a connection directly, as if deleted outside flowform; false when unknown. */
  public boolean removeConnection(String id) {
    return store.remove(id);
  }

  /**
   * Requests received so far, keyed like {@code "POST /data/foundation/flowservice/connections"}.
   */
  public Map<String, Long> requestCounts() {
    return counter.snapshot();
  }

  /** Requests received with this method on this path template, like {@code /connections/{id}}. */
  public long requestCount(String method, String flowServicePath) {
    return counter.get(method, FLOW_SERVICE_PATH + flowServicePath);
  }

  /** Every token issued so far is treated as expired from now on (401013). */
  public void expireTokens() {
    tokens.expireAll();
  }

  /** A valid token for this client, without asking IMS (for the access-token form). */
  public String issueToken(String clientId) {
    return tokens.issue(clientId);
  }

  /** The next {@code times} calls of {@code operation} fail with {@code kind}. */
  public void injectFaults(Operation operation, FaultKind kind, int times) {
    faults.script(operation, kind, times);
  }

  /** Stops serving; idempotent. Connections persist in the data file, if there is one. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * The JDK server writes a response's headers and body in two TCP segments; with Nagle's algorithm
   * on, the body then waits for the client's delayed ACK (40 ms on Linux loopback), more than the
   * latency the emulator is asked to add. This property turns Nagle off for every JDK HTTP server
   * of the process; it is read once, when the first one starts, so it is set before that (and left
   * alone when the user chose a value with {@code -D}).
   */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private static HttpServer bind(int port) {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (BindException e) {
      throw new FlowformException(
          "the emulator cannot listen on port " + port + ": " + e.getMessage(),
          "another program uses it; choose another port, or 0 for a free one");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "flowform-emulator-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
