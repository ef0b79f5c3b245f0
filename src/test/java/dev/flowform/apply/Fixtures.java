package dev.flowform.apply;

import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.ConnectionSpecRef;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.Endpoint;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.Secret;
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
final class Fixtures {
  static final String SECRET_MARK = "TOPSECRET";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  static DesiredConnection connection(String address) {
    return connection(address, "HubSpot " + address, "client-" + address, "v1");
  }

  /** {@code secretVersion} changes every secret value, as a rotation would. */
  static DesiredConnection connection(
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
        secrets);
  }

  static DesiredState desired(DesiredConnection... connections) {
    EnvironmentConfig env =
        new EnvironmentConfig(
            "dev",
            SourcePosition.ofFile("environments/dev.yaml"),
            "dev",
            "org@AdobeOrg",
            Endpoint.inProcess(),
            Path.of("dev.state.json"),
            Optional.empty(),
            Map.of());
    return DesiredState.of(env, Arrays.asList(connections), "sha256:digest");
  }

  static State emptyState() {
    return State.empty("dev", "dev", "org@AdobeOrg", "embedded", "salt");
  }

  static Plan plan(State state, Change... changes) {
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

  static Change create(DesiredConnection c) {
    return change(c.address(), Action.CREATE, Reason.NEW, null, null, c.name(), List.of());
  }

  static Change change(
      String address,
      Action action,
      Reason reason,
      String id,
      String etag,
      String name,
      List<String> remoteIds) {
    return new Change(address, action, reason, id, etag, name, List.of(), remoteIds);
  }

  static ApplyOptions options() {
    return ApplyOptions.defaults(CLOCK).withSettling(Settling.NONE);
  }
}
