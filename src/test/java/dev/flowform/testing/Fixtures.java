package dev.flowform.testing;

import dev.flowform.apply.ApplyOptions;
import dev.flowform.apply.Settling;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.Endpoint;
import dev.flowform.model.RemoteConnection;
import dev.flowform.model.StateLocation;
import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.plan.Reason;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one family of test fixtures, with {@link ConnectionBuilder} and {@link StateFixtures}: the
 * environment {@code dev}, its connections, states and plans. Every secret value holds {@link
 * #SECRET_MARK}, so a test can prove it appears nowhere.
 */
public final class Fixtures {
  public static final String SECRET_MARK = "TOPSECRET";
  public static final String SECRET_VERSION = "q7Zx";
  public static final String SALT = "00112233445566778899aabbccddeeff";
  public static final String LINEAGE = "5b0c3c1e-7a4c-4f1e-9d55-2a8c2d1e9f00";
  public static final String DIGEST = "sha256:feedc0de";
  public static final String ORG = "ORG1@AdobeOrg";
  public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  private Fixtures() {}

  /** The environment {@code dev} of org {@link #ORG} at the default endpoint. */
  public static EnvironmentConfig environment() {
    return environment(ORG, Endpoint.of(Endpoint.DEFAULT_URL));
  }

  /** The environment {@code dev} moved to another org or endpoint. */
  public static EnvironmentConfig environment(String orgId, Endpoint endpoint) {
    return new EnvironmentConfig(
        "dev",
        SourcePosition.ofFile("manifests/environments/dev.yaml"),
        "dev",
        orgId,
        endpoint,
        new StateLocation.File(Path.of(".flowform", "dev.state.json")),
        Path.of(".flowform", "dev.emulator.json"),
        Optional.empty(),
        Map.of("region", "eu"),
        Set.of());
  }

  /** A connection with distinctive secret values, which must never appear in any output. */
  public static ConnectionBuilder connection(String address) {
    return new ConnectionBuilder(address);
  }

  /** The secret value {@link #connection} gives {@code param} of {@code address}. */
  public static String secretValue(String address, String param) {
    return secretValue(address, param, SECRET_VERSION);
  }

  /** {@code version} tells rotated values apart. */
  public static String secretValue(String address, String param, String version) {
    return SECRET_MARK + "-" + address + "-" + param + "-" + version;
  }

  public static DesiredState desired(DesiredConnection... connections) {
    return DesiredState.of(environment(), Arrays.asList(connections), DIGEST);
  }

  /** A plan of these changes on {@code state} (made for no particular org and endpoint). */
  public static Plan plan(State state, Change... changes) {
    return plan(state.serial() == 0 ? null : state.lineage(), state.serial(), List.of(changes));
  }

  public static Plan plan(String lineage, long serial, List<Change> changes) {
    return plan(lineage, serial, changes, List.of());
  }

  /** With the references of the secrets it was made without. */
  public static Plan plan(String lineage, long serial, List<Change> changes, List<String> missing) {
    return planFor("dev", lineage, serial, changes, missing);
  }

  /** A plan of another environment (its sandbox of the same name). */
  public static Plan planFor(
      String environment, String lineage, long serial, List<Change> changes, List<String> missing) {
    return new Plan(
        environment,
        environment,
        lineage,
        serial,
        DIGEST,
        new TreeMap<>(),
        changes,
        missing,
        false,
        null,
        null);
  }

  public static Change create(DesiredConnection c) {
    return Change.unrecorded(
        c.address(), Action.CREATE, Reason.NEW, c.name(), List.of(), List.of());
  }

  /** A change of the connection recorded as {@code id} with {@code etag} (no attributes). */
  public static Change change(
      String address, Action action, Reason reason, String id, String etag) {
    return new Change(address, action, reason, id, etag, null, List.of(), List.of());
  }

  /** A delete of the connection recorded as {@code id} (null: a pending record). */
  public static Change delete(String address, Reason reason, String id) {
    return change(address, Action.DELETE, reason, id, null);
  }

  /** A create for {@code reason} that found these connections of its name. */
  public static Change create(String address, Reason reason, String name, List<String> found) {
    return Change.unrecorded(address, Action.CREATE, reason, name, List.of(), found);
  }

  /** The defaults with no pause before a lookup; change more, then build. */
  public static ApplyOptions.Builder options() {
    return ApplyOptions.builder(CLOCK).settling(new Settling(Duration.ZERO, duration -> {}));
  }

  public static RemoteConnection remote(String id, String name, String description) {
    return new RemoteConnection(
        id,
        StateFixtures.etagOf(id, 2),
        name,
        description,
        ConnectionSpecRef.HUBSPOT,
        "enabled",
        DesiredConnection.DEFAULT_AUTH_SPEC,
        Map.of("clientId", "client-id"));
  }

  /** A refresh that found the recorded connection of {@code address} as {@code connection}. */
  public static RemoteView found(String address, RemoteConnection connection) {
    return new RemoteView(Map.of(address, connection), Set.of(), Map.of());
  }

  public static RemoteView namesFound(String name, RemoteConnection... found) {
    return new RemoteView(Map.of(), Set.of(), Map.of(name, List.of(found)));
  }
}
