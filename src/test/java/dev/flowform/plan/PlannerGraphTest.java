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
import dev.flowform.model.RemoteResource;
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

  /** The manifests with these {@code spec.imports}, {@code address: id}. */
  private DesiredState importing(Map<String, String> imports, DesiredResource... resources) {
    DesiredState connections = Fixtures.importing(imports, base);
    return DesiredState.of(
        connections.environment(), List.of(base), Fixtures.DIGEST, List.of(resources));
  }

  /** {@code applied}'s state without the mapping set and the dataflow. */
  private State withoutMappingAndFlow(DesiredResource s, DesiredResource m, DesiredResource f) {
    State all = applied(s, m, f);
    return all.without(MAPPING).without(FLOW);
  }

  @Test
  void aDeclaredImportOfPipelineResourcesIsPlannedFromWhatTheRefreshReadByTheirIds() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    String mappingId = "0000000000000000000000000000000a";
    String flowId = "00000000-0000-0000-0000-00000000000f";
    RemoteView read =
        new RemoteView(Map.of(), Set.of(), Map.of())
            .withResources(
                Map.of(
                    MAPPING,
                    new RemoteResource(
                        mappingId, "\"m\"", null, m.attributes(), new TreeMap<>(), null),
                    FLOW,
                    new RemoteResource(
                        flowId,
                        "\"f\"",
                        "Contacts hourly",
                        new TreeMap<>(
                            Map.of("/name", "Contacts hourly", "/scheduleParams/frequency", "day")),
                        new TreeMap<>(
                            Map.of(
                                "/sourceConnectionIds/0",
                                "00000000-0000-0000-0000-000000000001",
                                "/transformations/1/params/mappingId",
                                mappingId)),
                        null)),
                Set.of(),
                Set.of());

    Plan plan =
        new Planner()
            .plan(
                importing(Map.of(MAPPING, mappingId, FLOW, flowId), s, m, f),
                Optional.of(withoutMappingAndFlow(s, m, f)),
                read,
                PlanOptions.DEFAULTS);

    Change mapping = change(plan, MAPPING);
    assertEquals(Action.IMPORT, mapping.action());
    assertEquals(mappingId, mapping.id());
    assertEquals(List.of(), mapping.attributes());
    Change flow = change(plan, FLOW);
    assertEquals(Action.IMPORT, flow.action());
    assertEquals(Reason.IMPORT_DECLARED, flow.reason());
    assertEquals(flowId, flow.id());
    assertEquals("Dataflow", flow.kind());
    assertEquals(
        List.of(AttributeChange.plain("/scheduleParams/frequency", "day", "hour")),
        flow.attributes());
  }

  @Test
  void aDeclaredImportOfAnIdThePlatformHasNoResourceOfThatKindForIsAnError() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");
    String missing = "00000000-0000-0000-0000-0000000000ff";
    RemoteView read =
        new RemoteView(Map.of(), Set.of(), Map.of())
            .withResources(Map.of(), Set.of(), Set.of(missing));

    DiagnosticsException e =
        assertThrows(
            DiagnosticsException.class,
            () ->
                new Planner()
                    .plan(
                        importing(Map.of(FLOW, missing), s, m, f),
                        Optional.of(applied(s, m, f).without(FLOW)),
                        read,
                        PlanOptions.DEFAULTS));

    String message = e.diagnostics().all().get(0).message();
    assertTrue(message.contains("no Dataflow " + missing), message);
  }

  @Test
  void aDeclaredImportOfAPipelineResourceStateHasUnderThatIdIsANoop() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");

    Plan plan =
        plan(
            importing(Map.of(FLOW, "00000000-0000-0000-0000-00000000000f"), s, m, f),
            Optional.of(applied(s, m, f)),
            PlanOptions.DEFAULTS);

    assertEquals(Action.NOOP, change(plan, FLOW).action());
  }

  @Test
  void aDeclaredImportOfAPipelineAddressStateHasUnderAnotherIdIsAnError() {
    DesiredResource s = source("Hubspot.Contacts");
    DesiredResource m = mapping("Vid");
    DesiredResource f = flow("hour");

    assertThrows(
        DiagnosticsException.class,
        () ->
            plan(
                importing(Map.of(FLOW, "00000000-0000-0000-0000-0000000000ee"), s, m, f),
                Optional.of(applied(s, m, f)),
                PlanOptions.DEFAULTS));
  }
}
