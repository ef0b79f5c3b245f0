package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.change;
import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.delete;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.flowservice.PatchOperation;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.Action;
import dev.flowform.plan.Reason;
import dev.flowform.state.ResourceState;
import dev.flowform.testing.FakeFlowService.PatchCall;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import dev.flowform.testing.StateFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplierUpdateDeleteTest {
  private final Harness run = new Harness();
  private final DesiredConnection a = connection("a").build();
  private ResourceState created;

  @BeforeEach
  void createA() {
    run.apply(desired(a), create(a));
    created = run.resource("a");
  }

  @Test
  void updateSendsOnePatchWithTheRecordedEtagAndRecordsTheNewOne() {
    DesiredConnection changed = connection("a").name("HubSpot renamed").rotated("v2").build();

    ApplyResult result =
        run.apply(
            desired(changed),
            change("a", Action.UPDATE, Reason.MANIFEST_CHANGED, created.id(), created.etag()));

    assertEquals(Outcome.UPDATED, result.outcomes().get(0).outcome());
    List<PatchCall> patches = run.api.patches();
    assertEquals(1, patches.size());
    assertEquals(created.etag(), patches.get(0).ifMatch());
    assertEquals(
        List.of("/name", "/auth/params"),
        patches.get(0).operations().stream().map(PatchOperation::path).toList());
    ResourceState updated = run.resource("a");
    assertEquals(run.api.connection(created.id()).orElseThrow().etag(), updated.etag());
    assertNotEquals(created.etag(), updated.etag());
    assertEquals("HubSpot renamed", updated.name());
    assertNotEquals(created.secretFingerprints(), updated.secretFingerprints());
    assertEquals(updated, run.persisted().resource("a").orElseThrow());
  }

  @Test
  void anEtagMismatchTellsTheUserToRefresh() {
    DesiredConnection changed = connection("a").name("HubSpot renamed").build();

    ApplyResult result =
        run.apply(
            desired(changed),
            change("a", Action.UPDATE, Reason.MANIFEST_CHANGED, created.id(), "\"stale\""));

    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.hint().contains("flowform refresh"), outcome.hint());
    assertEquals(created, run.resource("a"));
  }

  @Test
  void deleteRemovesTheConnectionAndItsRecord() {
    ApplyResult result =
        run.apply(desired(), delete("a", Reason.REMOVED_FROM_MANIFESTS, created.id()));

    assertEquals(Outcome.DELETED, result.outcomes().get(0).outcome());
    assertTrue(run.api.connection(created.id()).isEmpty());
    assertTrue(run.persisted().resource("a").isEmpty());
  }

  @Test
  void aConnectionUsedByDataflowsIsKeptAndExplained() {
    run.api.markUsedByFlows(created.id());

    ApplyResult result = run.apply(desired(), delete("a", Reason.DESTROY, created.id()));

    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.message().contains("dataflows"), outcome.message());
    assertEquals(created, run.persisted().resource("a").orElseThrow());
  }

  @Test
  void replaceDeletesThenCreatesAgain() {
    ApplyResult result =
        run.apply(
            desired(a),
            change("a", Action.REPLACE, Reason.SPEC_CHANGED, created.id(), created.etag()));

    assertEquals(Outcome.REPLACED, result.outcomes().get(0).outcome());
    assertTrue(run.api.connection(created.id()).isEmpty());
    assertEquals(1, run.api.named(a.name()).size());
    assertEquals(run.api.named(a.name()).get(0).id(), run.resource("a").id());
  }

  @Test
  void deletingAPendingRecordDeletesTheSingleConnectionOfItsName() {
    DesiredConnection b = connection("b").build();
    Harness pending =
        new Harness(
            StateFixtures.empty()
                .with("b", ResourceRecords.pending(b, Fixtures.SALT, Fixtures.CLOCK.instant())));
    String landed = pending.api.seed(b.name());

    ApplyResult result = pending.apply(desired(), delete("b", Reason.DESTROY, null));

    assertEquals(Outcome.DELETED, result.outcomes().get(0).outcome());
    assertEquals(landed, result.outcomes().get(0).id());
    assertTrue(pending.api.connections().isEmpty());
    assertTrue(pending.persisted().resource("b").isEmpty());
  }

  @Test
  void aPendingRecordsDeleteNeverDeletesAConnectionRecordedForAnotherAddress() {
    DesiredConnection b = connection("b").build();
    Harness both =
        new Harness(
            StateFixtures.empty()
                .with("a", created)
                .with("b", ResourceRecords.pending(b, Fixtures.SALT, Fixtures.CLOCK.instant())));
    String othersId = both.api.seed(a.name());
    assertEquals(created.id(), othersId);

    ApplyResult result =
        both.apply(desired(a), delete("b", Reason.REMOVED_FROM_MANIFESTS, othersId));

    assertEquals(Outcome.FAILED, result.outcomes().get(0).outcome());
    assertTrue(result.outcomes().get(0).message().contains("\"a\""));
    assertEquals(0, both.api.calls("delete"));
    assertTrue(both.api.connection(othersId).isPresent());
    assertTrue(both.persisted().resource("b").orElseThrow().isPending());
  }
}
