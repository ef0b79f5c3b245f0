package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.testing.FakeFlowService.CreateFault;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplierCreateTest {
  private final Harness run = new Harness();
  private final DesiredConnection a = connection("a").build();
  private final DesiredConnection b = connection("b").build();

  @Test
  void firstApplyCreatesEveryConnectionAndRecordsItsIdAndEtag() {
    ApplyResult result = run.apply(desired(a, b), create(a), create(b));

    assertTrue(result.succeeded());
    assertEquals(2, result.counts().get(Outcome.CREATED));
    assertEquals(2, run.api.connections().size());
    for (RemoteConnection remote : run.api.connections()) {
      String address = remote.name().equals(a.name()) ? "a" : "b";
      ResourceState recorded = run.persisted().resource(address).orElseThrow();
      assertEquals(ResourceStatus.CREATED, recorded.status());
      assertEquals(remote.id(), recorded.id());
      assertEquals(remote.etag(), recorded.etag());
      assertEquals(Fixtures.CLOCK.instant(), recorded.createdAt());
    }
  }

  @Test
  void recordsTheAddressAsPendingBeforeThePostIsSent() {
    List<ResourceState> seenAtPost = new ArrayList<>();
    run.api.onCreate(
        request -> seenAtPost.add(run.store.read().orElseThrow().resources().get("a")));

    run.apply(desired(a), create(a));

    assertEquals(1, seenAtPost.size());
    ResourceState pending = seenAtPost.get(0);
    assertEquals(ResourceStatus.PENDING, pending.status());
    assertNull(pending.id());
    assertEquals(a.name(), pending.name());
    assertEquals(a.params(), pending.params());
    assertEquals(
        List.of("accessToken", "clientSecret", "refreshToken"),
        List.copyOf(pending.secretFingerprints().keySet()));
    List<State> history = run.store.history();
    assertEquals(ResourceStatus.PENDING, history.get(0).resource("a").orElseThrow().status());
    assertEquals(ResourceStatus.CREATED, history.get(1).resource("a").orElseThrow().status());
  }

  @Test
  void sendsEveryParamWithTheSecretsMarkedSensitive() {
    run.apply(desired(a), create(a));

    String id = run.resource("a").id();
    assertEquals(a.revealedParams(), run.api.paramsReceived(id));
  }

  @Test
  void adoptsACreateThatLandedButWhoseAnswerWasLostWithoutADuplicate() {
    run.api.script(CreateFault.LAND_THEN_UNKNOWN);

    ApplyResult result = run.apply(desired(a), create(a));

    assertEquals(Outcome.ADOPTED, result.outcomes().get(0).outcome());
    assertEquals(1, run.api.named(a.name()).size());
    assertEquals(1, run.api.calls("create"));
    assertEquals(run.api.named(a.name()).get(0).id(), run.resource("a").id());
    assertEquals(ResourceStatus.CREATED, run.resource("a").status());
  }

  @Test
  void sendsAgainOnceWhenTheLookupShowsAnUnknownCreateDidNotLand() {
    run.api.script(CreateFault.UNKNOWN_NOT_LANDED);

    ApplyResult result = run.apply(desired(a), create(a));

    assertEquals(Outcome.CREATED, result.outcomes().get(0).outcome());
    assertEquals(2, run.api.calls("create"));
    assertEquals(1, run.api.calls("findByName"));
    assertEquals(1, run.api.named(a.name()).size());
    assertEquals(run.api.named(a.name()).get(0).id(), run.resource("a").id());
  }

  @Test
  void givesUpKeepingThePendingRecordWhenTheOutcomeStaysUnknown() {
    int attempts = ApplyOptions.DEFAULT_MAX_CREATE_ATTEMPTS;
    CreateFault[] faults = new CreateFault[attempts];
    java.util.Arrays.fill(faults, CreateFault.UNKNOWN_NOT_LANDED);
    run.api.script(faults);

    ApplyResult result = run.apply(desired(a), create(a));

    ChangeOutcome outcome = result.outcomes().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.message().contains("pending"), outcome.message());
    assertEquals(attempts, run.api.calls("create"));
    assertEquals(attempts, run.api.calls("findByName"));
    assertTrue(run.persisted().resource("a").orElseThrow().isPending());
    assertFalse(result.succeeded());
  }

  @Test
  void reportsAFailedCreateAndCarriesOnWithTheOthers() {
    run.api.failNext(
        "create",
        FlowServiceException.builder(400, "Invalid spec id")
            .code("1413-400")
            .requestId("req-1")
            .hint("hint")
            .build());

    ApplyResult result =
        run.apply(desired(a, b), Fixtures.options().parallelism(1).build(), create(a), create(b));

    assertEquals(Outcome.FAILED, result.outcomes().get(0).outcome());
    assertTrue(result.outcomes().get(0).message().contains("1413-400"));
    assertEquals(Outcome.CREATED, result.outcomes().get(1).outcome());
    assertEquals(1, result.failures().size());
    assertTrue(run.persisted().resource("b").orElseThrow().id() != null);
  }

  @Test
  void pausesLongerBeforeEachLookupThatFollowsAnUnknownOutcome() {
    List<Duration> pauses = new java.util.ArrayList<>();
    Settling recorded = new Settling(Duration.ofMillis(500), pauses::add);
    run.api.script(CreateFault.UNKNOWN_NOT_LANDED, CreateFault.UNKNOWN_NOT_LANDED);

    ApplyResult result =
        run.apply(desired(a), Fixtures.options().settling(recorded).build(), create(a));

    assertEquals(Outcome.CREATED, result.outcomes().get(0).outcome());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), pauses);
    assertEquals(3, run.api.calls("create"));
    assertEquals(2, run.api.calls("findByName"));
  }
}
