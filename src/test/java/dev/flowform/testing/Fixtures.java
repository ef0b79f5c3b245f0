package dev.flowform.testing;

import dev.flowform.apply.ApplyOptions;
import dev.flowform.apply.Settling;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.Secret;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.Endpoint;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.Reason;
import dev.flowform.state.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Desired connections, states and plans for applier tests; every secret value is marked. */
public final class Fixtures {
  public static final String SECRET_MARK = "TOPSECRET";
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  public static DesiredConnection connection(String address) {
    return connection(address, "HubSpot " + address, "client-" + address, "v1");
  }

  /** {@code secretVersion} changes every secret value, as a rotation would. */
  public static DesiredConnection connection(
      String address, String name, String clientId, String secretVersion) {
    TreeMap<String, Secret> secrets = new TreeMap<>();
    for (String key : List.of("clientSecret", "accessToken", "refreshToken")) {
      secrets.put(
          key,
          Secret.resolved(
              "${env:" + key + "}", SECRET_MARK + "-" + address + "-" + key + "-" + secretVersion));
    }
    return new DesiredConnection(
        address,
        SourcePosition.ofFile("connections/" + address + ".yaml"),
        name,
        "about " + address,
        ConnectionSpecRef.HUBSPOT,
        DesiredConnection.DEFAULT_AUTH_SPEC,
        new TreeMap<>(Map.of("clientId", clientId)),
        secrets,
        java.util.Set.of());
  }

  public static DesiredState desired(DesiredConnection... connections) {
    EnvironmentConfig env =
        new EnvironmentConfig(
            "dev",
            SourcePosition.ofFile("environments/dev.yaml"),
            "dev",
            "org@AdobeOrg",
            Endpoint.inProcess(),
            Path.of("dev.state.json"),
            Optional.empty(),
            Map.of(),
            java.util.Set.of());
    return DesiredState.of(env, Arrays.asList(connections), "sha256:digest");
  }

  public static State emptyState() {
    return State.empty("dev", "dev", "org@AdobeOrg", "embedded", "salt");
  }

  public static Plan plan(State state, Change... changes) {
    return new Plan(
        "dev",
        "dev",
        state.serial() == 0 ? null : state.lineage(),
        state.serial(),
        "sha256:digest",
        new TreeMap<>(),
        List.of(changes),
        List.of(),
        false);
  }

  public static Change create(DesiredConnection c) {
    return change(c.address(), Action.CREATE, Reason.NEW, null, null, c.name(), List.of());
  }

  public static Change change(
      String address,
      Action action,
      Reason reason,
      String id,
      String etag,
      String name,
      List<String> remoteIds) {
    return new Change(address, action, reason, id, etag, name, List.of(), remoteIds);
  }

  /** The defaults with no pause before a lookup; change more, then build. */
  public static ApplyOptions.Builder options() {
    return ApplyOptions.builder(CLOCK).settling(Settling.NONE);
  }
}
