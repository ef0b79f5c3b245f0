package dev.flowform.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The connection and flow specs flowform knows: those of the project's {@code specs/} folder, and
 * HubSpot's built in. Immutable.
 */
public final class Catalog {
  private final Map<String, ConnectorSpec> byName;
  private final Map<String, ConnectorSpec> byId;
  private final List<FlowSpec> flowSpecs;
  private final boolean flowSpecsPulled;

  private Catalog(
      Collection<ConnectorSpec> connectors, List<FlowSpec> flowSpecs, boolean flowSpecsPulled) {
    Map<String, ConnectorSpec> names = new LinkedHashMap<>();
    Map<String, ConnectorSpec> ids = new LinkedHashMap<>();
    connectors.stream()
        .sorted(Comparator.comparing(ConnectorSpec::name))
        .forEach(
            c -> {
              names.put(c.name().toLowerCase(Locale.ROOT), c);
              ids.put(c.id(), c);
            });
    this.byName = Map.copyOf(names);
    this.byId = Map.copyOf(ids);
    this.flowSpecs = List.copyOf(flowSpecs);
    this.flowSpecsPulled = flowSpecsPulled;
  }

  /** The built-in specs only (HubSpot's, and CRMToAEP). */
  public static Catalog builtIn() {
    return of(List.of(), List.of());
  }

  /**
   * These specs, over the built-in ones (a pulled HubSpot spec or CRMToAEP wins over the built-in
   * one).
   */
  public static Catalog of(List<ConnectorSpec> connectors, List<FlowSpec> flowSpecs) {
    Map<String, ConnectorSpec> all = new LinkedHashMap<>();
    all.put(BuiltInSpecs.HUBSPOT.id(), BuiltInSpecs.HUBSPOT);
    connectors.forEach(c -> all.put(c.id(), c));
    Map<String, FlowSpec> flows = new LinkedHashMap<>();
    flows.put(BuiltInSpecs.CRM_TO_AEP.id(), BuiltInSpecs.CRM_TO_AEP);
    flowSpecs.forEach(f -> flows.put(f.id(), f));
    List<FlowSpec> sorted =
        flows.values().stream().sorted(Comparator.comparing(FlowSpec::name)).toList();
    return new Catalog(all.values(), sorted, !flowSpecs.isEmpty());
  }

  /** The connector of that spec name ({@code salesforce}), case-insensitively. */
  public Optional<ConnectorSpec> connector(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The connector of that spec id. */
  public Optional<ConnectorSpec> connectorById(String id) {
    return id == null
        ? Optional.empty()
        : Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** Every connector's spec name, sorted. */
  public List<String> connectorNames() {
    return byName.values().stream().map(ConnectorSpec::name).sorted().toList();
  }

  public List<FlowSpec> flowSpecs() {
    return flowSpecs;
  }

  /** True when the project's catalog has flow specs of its own (a pull wrote them). */
  public boolean flowSpecsPulled() {
    return flowSpecsPulled;
  }

  /** The flow specs that carry data from that source spec into that target spec. */
  public List<FlowSpec> flowSpecsJoining(String sourceSpecId, String targetSpecId) {
    List<FlowSpec> out = new ArrayList<>();
    flowSpecs.stream().filter(f -> f.joins(sourceSpecId, targetSpecId)).forEach(out::add);
    return out;
  }
}
