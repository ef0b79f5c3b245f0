package dev.flowform.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An attribute flowform now decides at plan time (a dataflow's flow spec id), which records written
 * before hold only as an output: such a record is compared by its output, so it plans no change.
 */
class FormerOutputsPlanTest {
  private static final String FLOW = "dataflow.contacts";
  private static final String CRM_TO_AEP = "14518937-270c-4525-bdec-c2ba7cce3860";
  private static final String OTHER = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";

  private static DesiredResource flow() {
    return new DesiredResource(
            "Dataflow",
            FLOW,
            SourcePosition.ofFile("manifests/p.yaml"),
            "Contacts hourly",
            new TreeMap<>(Map.of("/name", "Contacts hourly")),
            List.of(),
            Set.of("/flowSpec"),
            Set.of(),
            List.of())
        .withAttribute("/flowSpec/id", CRM_TO_AEP, "flowSpecId");
  }

  /** A record of the dataflow as apply wrote it when it chose the flow spec itself. */
  private static State recordedWithOutput(String flowSpecId) {
    TreeMap<String, ResourceState> resources = new TreeMap<>();
    resources.put(
        FLOW,
        ResourceState.resource(
            "Dataflow",
            ResourceStatus.CREATED,
            "00000000-0000-0000-0000-00000000000f",
            "\"e\"",
            "Contacts hourly",
            new TreeMap<>(Map.of("/name", "Contacts hourly")),
            new TreeMap<>(),
            new TreeMap<>(Map.of("flowSpecId", flowSpecId, "flowSpecName", "CRMToAEP")),
            Fixtures.T0,
            Fixtures.T0));
    return new State(
        State.FORMAT_VERSION,
        Fixtures.LINEAGE,
        3,
        "dev",
        "dev",
        Fixtures.ORG,
        "x",
        Fixtures.SALT,
        resources);
  }

  private static Change planned(State state, PlanOptions options) {
    DesiredState desired =
        DesiredState.of(Fixtures.environment(), List.of(), Fixtures.DIGEST, List.of(flow()));
    return new Planner()
        .plan(desired, Optional.of(state), RemoteView.OFFLINE, options).changes().stream()
            .filter(c -> c.address().equals(FLOW))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void aRecordHoldingTheChosenFlowSpecAsAnOutputPlansNoChange() {
    Change change = planned(recordedWithOutput(CRM_TO_AEP), PlanOptions.DEFAULTS);

    assertEquals(Action.NOOP, change.action(), change.attributes().toString());
  }

  @Test
  void aRecordWhoseOutputIsAnotherFlowSpecIsReplaced() {
    Change change = planned(recordedWithOutput(OTHER), new PlanOptions(true, false, false, false));

    assertEquals(Action.REPLACE, change.action());
    assertTrue(
        change.attributes().contains(AttributeChange.plain("/flowSpec/id", OTHER, CRM_TO_AEP)),
        change.attributes().toString());
  }
}
