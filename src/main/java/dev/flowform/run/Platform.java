package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.FlowServiceClients;
import dev.flowform.flowservice.FlowServiceConfig;
import dev.flowform.flowservice.ImsCredentials;
import dev.flowform.flowservice.Sleeper;
import dev.flowform.flowservice.TokenSource;
import dev.flowform.manifest.Credentials;
import dev.flowform.manifest.EnvironmentConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The Flow Service of one environment, opened for one run: AEP over HTTPS, or the embedded emulator
 * started in-process on a loopback port and persisted beside the state. Either way flowform talks
 * HTTP through the same client, so the embedded emulator exercises the real code path.
 */
public final class Platform implements AutoCloseable {
  private static final String EMBEDDED_CLIENT_ID = "flowform-embedded";

  private final FlowServiceApi api;
  private final Optional<FlowServiceEmulator> emulator;

  private Platform(FlowServiceApi api, Optional<FlowServiceEmulator> emulator) {
    this.api = api;
    this.emulator = emulator;
  }

  /**
   * Opens the environment's Flow Service.
   *
   * @param trace where {@code --verbose} writes its HTTP trace, if anywhere
   *     <p>The embedded emulator is seeded afresh each run: it keeps the connections of earlier
   *     runs in its data file, so its ids must never repeat an earlier sequence.
   * @throws FlowformException when the credentials did not resolve (an offline run)
   */
  public static Platform open(
      EnvironmentConfig environment,
      String userAgent,
      Optional<PrintWriter> trace,
      Clock clock,
      Scrubber scrubber) {
    return open(
        environment,
        userAgent,
        trace,
        clock,
        new Tuning(
            FlowServiceConfig.DEFAULT_LIST_PAGE_SIZE, FlowServiceConfig.DEFAULT_CALL_TIMEOUT),
        scrubber);
  }

  /**
   * What the environment of the process may tune of the client.
   *
   * @param listPageSize the {@code limit} asked for when a sandbox is listed
   * @param callTimeout the longest one call may take
   */
  public record Tuning(int listPageSize, java.time.Duration callTimeout) {

    /** From {@code FLOWFORM_LIST_PAGE_SIZE} and {@code FLOWFORM_REQUEST_TIMEOUT}. */
    public static Tuning from(java.util.Map<String, String> env) {
      return new Tuning(ListPageSize.from(env), RequestTimeout.from(env));
    }
  }

  public static Platform open(
      EnvironmentConfig environment,
      String userAgent,
      Optional<PrintWriter> trace,
      Clock clock,
      Tuning tuning,
      Scrubber scrubber) {
    if (environment.endpoint().embedded()) {
      return openEmbedded(environment, userAgent, trace, clock, tuning, scrubber);
    }
    Credentials credentials =
        environment
            .credentials()
            .filter(Credentials::resolved)
            .orElseThrow(
                () ->
                    new FlowformException(
                        "the credentials of environment '"
                            + environment.name()
                            + "' did not resolve, so flowform cannot reach AEP",
                        "set the environment variables or files its credentials refer to"));
    URI base = URI.create(environment.endpoint().url());
    return new Platform(
        connect(environment, base, credentials, userAgent, trace, clock, tuning, scrubber),
        Optional.empty());
  }

  private static Platform openEmbedded(
      EnvironmentConfig environment,
      String userAgent,
      Optional<PrintWriter> trace,
      Clock clock,
      Tuning tuning,
      Scrubber scrubber) {
    FlowServiceEmulator emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .dataFile(environment.emulatorData())
                .seed(new SecureRandom().nextLong())
                .sandboxes(Set.of(environment.sandbox()))
                .orgIds(environment.orgId() == null ? Set.of() : Set.of(environment.orgId()))
                .build());
    Credentials credentials =
        environment
            .credentials()
            .filter(Credentials::resolved)
            .orElse(embeddedCredentials(emulator));
    try {
      FlowServiceApi api =
          connect(
              environment,
              emulator.flowServiceUrl(),
              credentials,
              userAgent,
              trace,
              clock,
              tuning,
              scrubber);
      return new Platform(api, Optional.of(emulator));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static Credentials embeddedCredentials(FlowServiceEmulator emulator) {
    return new Credentials.ClientCredentials(
        dev.flowform.manifest.Secret.resolved("embedded", EMBEDDED_CLIENT_ID),
        dev.flowform.manifest.Secret.resolved("embedded", "embedded"),
        Credentials.DEFAULT_SCOPES,
        emulator.imsUrl().toString());
  }

  private static FlowServiceApi connect(
      EnvironmentConfig environment,
      URI base,
      Credentials credentials,
      String userAgent,
      Optional<PrintWriter> trace,
      Clock clock,
      Tuning tuning,
      Scrubber scrubber) {
    FlowServiceConfig config =
        FlowServiceConfig.builder(
                base,
                environment.orgId(),
                environment.sandbox(),
                credentials.apiKey().reveal(),
                userAgent)
            .listPageSize(tuning.listPageSize())
            .timeouts(
                FlowServiceConfig.DEFAULT_CONNECT_TIMEOUT,
                FlowServiceConfig.DEFAULT_READ_TIMEOUT,
                tuning.callTimeout())
            .build();
    FlowServiceClients clients =
        new FlowServiceClients(config, trace, Sleeper.THREAD, new SecureRandom(), clock);
    return clients.api(new ScrubbedTokens(tokens(clients, credentials), scrubber));
  }

  private static TokenSource tokens(FlowServiceClients clients, Credentials credentials) {
    if (credentials instanceof Credentials.AccessToken given) {
      return TokenSource.fixed(given.accessToken().reveal());
    }
    Credentials.ClientCredentials client = (Credentials.ClientCredentials) credentials;
    return clients.imsTokens(
        new ImsCredentials(
            URI.create(client.imsEndpoint()),
            client.clientId().reveal(),
            client.clientSecret().reveal(),
            client.scopes()));
  }

  public FlowServiceApi api() {
    return api;
  }

  @Override
  public void close() {
    emulator.ifPresent(FlowServiceEmulator::close);
  }
}
