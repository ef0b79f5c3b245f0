package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.SECRET_MARK;
import static dev.flowform.testing.Fixtures.change;
import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.Action;
import dev.flowform.plan.Reason;
import dev.flowform.state.State;
import dev.flowform.testing.FakeFlowService.CreateFault;
import dev.flowform.testing.Harness;
import org.junit.jupiter.api.Test;

class ApplierSecretsTest {
  private final Harness run = new Harness();

  @Test
  void noSecretValueReachesAnyPersistedStateOrOutcome() {
    DesiredConnection a = connection("a").build();
    DesiredConnection b = connection("b").build();
    run.api.script(CreateFault.LAND_THEN_UNKNOWN, CreateFault.UNKNOWN_NOT_LANDED);
    ApplyResult created = run.apply(desired(a, b), create(a), create(b));
    DesiredConnection rotated = connection("a").rotated("v2").build();
    String id = run.resource("a").id();
    ApplyResult updated =
        run.apply(
            desired(rotated, b),
            change("a", Action.UPDATE, Reason.MANIFEST_CHANGED, id, run.resource("a").etag()));

    assertTrue(created.succeeded() && updated.succeeded());
    assertTrue(run.api.paramsReceived(id).values().stream().anyMatch(v -> v.contains(SECRET_MARK)));
    for (State state : run.store.history()) {
      String written = state.toString();
      assertFalse(written.contains(SECRET_MARK), written);
      state
          .resources()
          .values()
          .forEach(r -> assertEquals(3, r.secretFingerprints().size(), r.toString()));
    }
    String outcomes = created.outcomes().toString() + updated.outcomes();
    assertFalse(outcomes.contains(SECRET_MARK));
    assertFalse(run.api.patches().toString().contains(SECRET_MARK));
  }
}
