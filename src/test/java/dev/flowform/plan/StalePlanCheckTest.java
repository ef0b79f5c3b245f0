package dev.flowform.plan;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.desired;
import static dev.flowform.testing.StateFixtures.recorded;
import static dev.flowform.testing.StateFixtures.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.model.Endpoint;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StalePlanCheckTest {
  private final Planner planner = new Planner();
  private final DesiredConnection a = connection("a").name("new name").build();
  private final Optional<State> state =
      state(Map.of("a", recorded(connection("a").build(), "id-a")));
  private final SavedPlan saved = SavedPlan.of(plan(desired(a), state));

  @Test
  void aPlanMadeFromTheSameStateManifestsAndSecretsIsFresh() {
    assertDoesNotThrow(() -> StalePlanCheck.check(saved, state, plan(desired(a), state)));
  }

  @Test
  void aPlanIsStaleWhenTheSerialMoved() {
    Optional<State> moved = state.map(s -> s.with("b", recorded(connection("b").build(), "id-b")));

    assertStale("the state moved from serial 7 to 8", moved, plan(desired(a), moved));
  }

  @Test
  void aPlanIsStaleWhenTheLineageMoved() {
    State s = state.orElseThrow();
    Optional<State> other =
        Optional.of(
            new State(
                s.formatVersion(),
                "another-lineage",
                s.serial(),
                s.environment(),
                s.sandbox(),
                s.orgId(),
                s.endpoint(),
                s.fingerprintSalt(),
                s.resources()));

    assertStale("lineage", other, plan(desired(a), other));
  }

  @Test
  void aPlanIsStaleWhenTheStateIsGone() {
    assertStale("lineage", Optional.empty(), plan(desired(a), Optional.empty()));
  }

  @Test
  void aPlanIsStaleWhenASecretNoLongerMatches() {
    DesiredConnection rotated =
        connection("a").name("new name").secret("accessToken", "TOPSECRET-rotated").build();

    FlowformException e =
        assertStale(
            "the secret accessToken of connection \"a\"", state, plan(desired(rotated), state));

    assertTrue(
        !e.getMessage().contains("TOPSECRET") && !e.getMessage().contains("sha256"),
        e.getMessage());
  }

  @Test
  void aPlanIsStaleWhenTheManifestsMoved() {
    DesiredState moved =
        new DesiredState(Fixtures.environment(), desired(a).connections(), "sha256:other");

    assertStale("the manifests changed", state, plan(moved, state));
  }

  @Test
  void aPlanCannotBeCheckedWithoutItsSecrets() {
    DesiredConnection offline = connection("a").name("new name").unresolved("clientSecret").build();

    FlowformException e =
        assertThrows(
            FlowformException.class,
            () -> StalePlanCheck.check(saved, state, plan(desired(offline), state)));
    assertTrue(
        e.getMessage().contains("it was made without some secrets (a/auth/params/clientSecret"),
        e.getMessage());
  }

  @Test
  void aPlanForAnotherEnvironmentIsRefused() {
    Plan other = plan(desired(a), state);
    Plan prod =
        new Plan(
            "prod",
            "prod",
            other.lineage(),
            other.serial(),
            other.manifestDigest(),
            other.secretFingerprints(),
            other.changes(),
            List.of(),
            false,
            other.orgId(),
            other.endpoint());

    assertStale("made for environment dev (sandbox dev), not prod", state, prod);
  }

  @Test
  void aPlanMadeWithoutStateIsRefusedForAnotherOrgOrEndpoint() {
    SavedPlan fresh = SavedPlan.of(plan(desired(a), Optional.empty()));
    EnvironmentConfig dev = Fixtures.environment();
    EnvironmentConfig otherOrg = Fixtures.environment("ORG2@AdobeOrg", dev.endpoint());
    EnvironmentConfig otherEndpoint =
        Fixtures.environment(
            dev.orgId(),
            Endpoint.of("https://platform-stage.adobe.io/data/foundation/flowservice"));

    for (EnvironmentConfig moved : List.of(otherOrg, otherEndpoint)) {
      DesiredState now = new DesiredState(moved, desired(a).connections(), Fixtures.DIGEST);
      FlowformException e =
          assertThrows(
              FlowformException.class,
              () -> StalePlanCheck.check(fresh, Optional.empty(), plan(now, Optional.empty())));
      assertTrue(e.getMessage().contains("it was made for org ORG1@AdobeOrg"), e.getMessage());
    }
    assertDoesNotThrow(
        () -> StalePlanCheck.check(fresh, Optional.empty(), plan(desired(a), Optional.empty())));
  }

  private FlowformException assertStale(String why, Optional<State> current, Plan fresh) {
    FlowformException e =
        assertThrows(FlowformException.class, () -> StalePlanCheck.check(saved, current, fresh));
    assertTrue(e.getMessage().startsWith("stale plan: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertTrue(
        e.hint().contains("flowform plan --env " + fresh.environment() + " --out"), e.hint());
    return e;
  }

  private Plan plan(DesiredState desired, Optional<State> recorded) {
    return planner.plan(desired, recorded, RemoteView.OFFLINE, PlanOptions.DEFAULTS);
  }
}
