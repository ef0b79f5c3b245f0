package dev.flowform.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.DiagnosticsException;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.state.ResourceState;
import dev.flowform.state.ResourceStatus;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The planner over a pipeline's dependency graph: pure, from manifests and state. */
class PlannerGraphTest {
  private static final SourcePosition AT = SourcePosition.ofFile("manifests/p.yaml");
  private static final String SOURCE = "source.contacts";
  private static final String MAPPING = "mapping.contacts";
  private static final String FLOW = "dataflow.contacts";

  private final DesiredConnection base = Fixtures.connection("hubspot-main").build();

  private static DesiredResource source(String path) {
    return new DesiredResource(
        "SourceConnection",
        SOURCE,
        AT,
        "Contacts",
        new TreeMap<>(Map.of("/name", "Contacts", "/params/path", path)),
        List.of(
            new ResourceReference(
                "/baseConnectionId",
                "hubspot-main",
                Set.of("HubSpotConnection"),
                AT,
                true,
                false,
                "hubspot-main")),
        Set.of("/params", "/baseConnectionId"),
        Set.of(),
        List.of());
  }

  private static DesiredResource mapping(String from) {
    return new DesiredResource(
        "MappingSet",
        MAPPING,
        AT,
        null,
        new TreeMap<>(Map.of("/mappings/0/source", from)),
        List.of(),
        Set.of(),
        Set.of(),
        List.of());
  }

  private static DesiredResource flow(String frequency) {
    return new DesiredResource(
        "Dataflow",
        FLOW,
        AT,
        "Contacts hourly",
        new TreeMap<>(Map.of("/name", "Contacts hourly", "/scheduleParams/frequency", frequency)),
        List.of(
            new ResourceReference(
                "/sourceConnectionIds/0",
                "contacts",
                Set.of("SourceConnection"),
                AT,
                true,
                false,
                SOURCE),
            new ResourceReference(
                "/transformations/1/params/mappingId",
                "contacts",
                Set.of("MappingSet"),
                AT,
                false,
                true,
                MAPPING)),
        Set.of("/sourceConnectionIds/0"),
        Set.of(),
        List.of());
  }

  private DesiredState desired(DesiredResource... resources) {
    return DesiredState.of(
        Fixtures.environment(), List.of(base), Fixtures.DIGEST, List.of(resources));
  }

  private static ResourceState recorded(
      DesiredResource r, String id, Map<String, String> dependsOn) {
    return ResourceState.resource(
        r.kind(),
        ResourceStatus.CREATED,
        id,
        "\"e-" + id + "\"",
        r.name(),
        r.attributes(),
        new TreeMap<>(dependsOn),
        null,
        Fixtures.T0,
        Fixtures.T0);
  }

  private State applied(DesiredResource s, DesiredResource m, DesiredResource f) {
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    resources.put(
        "hubspot-main",
        new ResourceState(
            "HubSpotConnection",
            ResourceStatus.CREATED,
            "00000000-0000-0000-0000-00000000000b",
            "\"b\"",
            base.name(),
            base.description(),
            base.connectionSpec(),
            base.authSpecName(),
            base.params(),
            dev.flowform.plan.Fingerprints.ofAll(Fixtures.SALT, base.secrets()),
            Fixtures.T0,
            Fixtures.T0));
    resources.put(
        SOURCE,
        recorded(
            s,
            "00000000-0000-0000-0000-00000000000s".replace('s', '1'),
            Map.of("hubspot-main", "00000000-0000-0000-0000-00000000000b")));
    resources.put(MAPPING, recorded(m, "0000000000000000000000000000000a", Map.of()));
    resources.put(
        FLOW,
        recorded(
            f,
            "00000000-0000-0000-0000-00000000000f",
            Map.of(
                SOURCE,
                "00000000-0000-0000-0000-000000000001",
                MAPPING,
                "0000000000000000000000000000000a")));
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

  private Plan plan(DesiredState desired, Optional<State> state, PlanOptions options) {
    return new Planner().plan(desired, state, RemoteView.OFFLINE, options);
  }

  private static Change change(Plan plan, String address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aNewPipelineIsCreatedWithIdsKnownOnlyAfterApply() {
    Plan plan =
        plan(
            desired(source("Hubspot.Contacts"), mapping("Vid"), flow("hour")),
            Optional.empty(),
            PlanOptions.DEFAULTS);

    Change flow = change(plan, FLOW);
    assertEquals(Action.CREATE, flow.action());
    assertEquals(List.of(SOURCE, MAPPING), flow.dependsOn());
    assertTrue(
        flow.attributes()
            .contains(
                AttributeChange.plain(
                    "/sourceConnectionIds/0", null, ResourcePlans.KNOWN_AFTER_APPLY)),
        flow.attributes().toString());
    assertEquals("Dataflow", flow.kind());
  }

  @Test
  void anUnchangedPipelinePlansNoChanges() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    Plan plan = plan(desired(s, m, f), Optional.of(applied(s, m, f)), PlanOptions.DEFAULTS);

    assertTrue(
        plan.changes().stream().allMatch(c -> c.action() == Action.NOOP),
        plan.changes().toString());
  }

  @Test
  void aScheduleChangeIsAnUpdateOfTheDataflowAlone() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    Plan plan =
        plan(
            desired(s, m, flow("day")),
            Optional.of(applied(s, m, flow("hour"))),
            PlanOptions.DEFAULTS);

    assertEquals(Action.UPDATE, change(plan, FLOW).action());
    assertEquals(Action.NOOP, change(plan, SOURCE).action());
  }

  @Test
  void aMappingChangeUpdatesTheMappingSetAndMovesTheDataflowToItsNewVersion() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource f = flow("hour");
    Plan plan =
        plan(
            desired(s, mapping("Id"), f),
            Optional.of(applied(s, mapping("Vid"), f)),
            PlanOptions.DEFAULTS);

    assertEquals(Action.UPDATE, change(plan, MAPPING).action());
    Change flow = change(plan, FLOW);
    assertEquals(Action.UPDATE, flow.action());
    assertEquals(Reason.DEPENDENCY_UPDATED, flow.reason());
  }

  @Test
  void aPathChangeReplacesTheSourceAndDragsTheDataflowAlong() {
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    Plan plan =
        plan(
            desired(source("Hubspot.Companies"), m, f),
            Optional.of(applied(source("Hubspot.Contacts"), m, f)),
            new PlanOptions(true, false, false, false));

    assertEquals(Action.REPLACE, change(plan, SOURCE).action());
    assertEquals(Reason.FORCES_REPLACEMENT, change(plan, SOURCE).reason());
    assertEquals(Action.REPLACE, change(plan, FLOW).action());
    assertEquals(Reason.DEPENDENCY_REPLACED, change(plan, FLOW).reason());
    assertEquals(Action.NOOP, change(plan, MAPPING).action());
  }

  @Test
  void aReplacementWithoutAllowReplaceIsAnErrorNamingTheAttribute() {
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                plan(
                    desired(source("Hubspot.Companies"), m, f),
                    Optional.of(applied(source("Hubspot.Contacts"), m, f)),
                    PlanOptions.DEFAULTS));

    assertTrue(
        e.getMessage().contains("/params/path cannot change in place")
            || e.diagnostics().toString().contains("/params/path cannot change in place"),
        e.diagnostics().toString());
  }

  @Test
  void destroyDeletesEveryPipelineResource() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    Plan plan = plan(desired(s, m, f), Optional.of(applied(s, m, f)), PlanOptions.DESTROY);

    assertEquals(4, plan.changes().stream().filter(c -> c.action() == Action.DELETE).count());
    assertEquals("Dataflow", change(plan, FLOW).kind());
  }

  @Test
  void aTargetTakesItsDependenciesAlong() {
    Plan plan =
        plan(
            desired(source("Hubspot.Contacts"), mapping("Vid"), flow("hour")),
            Optional.empty(),
            PlanOptions.DEFAULTS.targeting(List.of(FLOW), List.of()));

    assertEquals(
        Set.of("hubspot-main", SOURCE, MAPPING, FLOW),
        plan.changes().stream().map(Change::address).collect(java.util.stream.Collectors.toSet()));
  }
}
