package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.testing.FakeFlowService;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import dev.flowform.testing.StateFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplierRecoveryTest {
  private final DesiredConnection a = connection("a").build();
  private final ResourceState pendingA =
      ResourceRecords.pending(a, Fixtures.SALT, Fixtures.CLOCK.instant());
  private final Harness run = new Harness(StateFixtures.empty().with("a", pendingA));
  private final Change recoverA = create("a", Reason.PENDING_RECOVERY, a.name(), List.of());

  @Test
  void pendingRecoveryAdoptsTheSingleConnectionOfItsName() {
    String id = run.api.seed(a.name());

    ApplyResult result = run.apply(desired(a), recoverA);

    assertEquals(Outcome.ADOPTED, result.outcomes().get(0).outcome());
    assertEquals(0, run.api.calls("create"));
    assertEquals(id, run.resource("a").id());
    assertEquals(run.api.connection(id).orElseThrow().etag(), run.resource("a").etag());
    assertEquals(ResourceStatus.CREATED, run.persisted().resource("a").orElseThrow().status());
  }

  @Test
  void pendingRecoveryCreatesWhenNoConnectionHasItsName() {
    ApplyResult result = run.apply(desired(a), recoverA);

    assertEquals(Outcome.CREATED, result.outcomes().get(0).outcome());
    assertEquals(1, run.api.calls("findByName"));
    assertEquals(1, run.api.calls("create"));
    assertEquals(run.api.named(a.name()).get(0).id(), run.resource("a").id());
  }

  @Test
  void pendingRecoveryStopsAndListsTheIdsWhenSeveralHaveItsName() {
    String first = run.api.seed(a.name());
    String second = run.api.seed(a.name());

    ApplyResult result = run.apply(desired(a), recoverA);

    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.message().contains(first) && outcome.message().contains(second));
    assertTrue(outcome.hint().contains("flowform import --env dev a"));
    assertEquals(0, run.api.calls("create"));
    assertTrue(run.persisted().resource("a").orElseThrow().isPending());
  }

  @Test
  void pendingRecoveryLooksUpTheNameThePendingCreateWasSentWithThenRenamesItToTheManifest() {
    DesiredConnection renamed = connection("a").name("HubSpot renamed").build();
    String id = run.api.seed(a.name());

    ApplyResult result =
        run.apply(
            desired(renamed), create("a", Reason.PENDING_RECOVERY, renamed.name(), List.of()));

    assertEquals(Outcome.ADOPTED, result.outcomes().get(0).outcome());
    assertEquals(id, run.resource("a").id());
    assertEquals(0, run.api.calls("create"));
    assertEquals(1, run.api.calls("update"));
    assertEquals(renamed.name(), run.api.connection(id).orElseThrow().name());
    assertEquals(renamed.name(), run.resource("a").name());
  }

  @Test
  void neverAdoptsAConnectionRecordedForAnotherAddress() {
    Harness twoRecords = new Harness();
    String othersId = twoRecords.api.seed(a.name());
    ResourceState other = pendingA.withCreated(othersId, "\"e\"", Fixtures.CLOCK.instant());
    State start = StateFixtures.empty().with("a", pendingA).with("b", other);
    Harness run2 = new Harness(start);
    String seededAgain = run2.api.seed(a.name());
    assertEquals(othersId, seededAgain);

    ApplyResult result = run2.apply(desired(a), recoverA);

    assertEquals(Outcome.CREATED, result.outcomes().get(0).outcome());
    assertEquals(2, run2.api.named(a.name()).size());
    assertTrue(!othersId.equals(run2.resource("a").id()));
    assertEquals(othersId, run2.resource("b").id());
  }

  @Test
  void adoptsTheSingleExistingConnectionThePlanChoseWithoutPostingThenAlignsItToTheManifest() {
    Harness fresh = new Harness();
    String id = fresh.api.seed(a.name());
    String seededEtag = fresh.api.connection(id).orElseThrow().etag();

    ApplyResult result =
        fresh.apply(desired(a), create("a", Reason.EXISTS_REMOTELY, a.name(), List.of(id)));

    assertEquals(Outcome.ADOPTED, result.outcomes().get(0).outcome());
    assertEquals(0, fresh.api.calls("create"));
    assertEquals(1, fresh.api.calls("get"));
    assertEquals(1, fresh.api.calls("update"));
    RemoteConnection remote = fresh.api.connection(id).orElseThrow();
    ResourceState recorded = fresh.resource("a");
    assertEquals(id, recorded.id());
    assertEquals(remote.etag(), recorded.etag());
    assertTrue(!seededEtag.equals(recorded.etag()), "the etag of the aligning PATCH");
    assertEquals(a.params().get("clientId"), recorded.params().get("clientId"));
    assertEquals(a.secrets().keySet(), recorded.secretFingerprints().keySet());
    FakeFlowService.PatchCall patch = fresh.api.patches().get(0);
    assertEquals(seededEtag, patch.ifMatch());
    assertTrue(
        patch.operations().stream()
            .anyMatch(
                op -> op.path().equals("/auth/params") && a.revealedParams().equals(op.value())),
        patch.operations().toString());
  }
}
