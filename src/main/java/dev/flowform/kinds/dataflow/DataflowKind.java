package dev.flowform.kinds.dataflow;

import dev.flowform.catalog.Catalog;
import dev.flowform.diag.Diagnostic;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Documents;
import dev.flowform.kinds.Kind;
import dev.flowform.kinds.KindCalls;
import dev.flowform.manifest.Decided;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A dataflow: a source connection into a target connection through a mapping set, on a schedule.
 * Its name, description, schedule and delta column change by PATCH; {@code enabled} by the action
 * endpoint; a new mapping version by a PATCH of its Mapping transformation; its flow spec, source
 * and target only by a replacement.
 */
public final class DataflowKind implements Kind<DataflowManifest> {
  public static final String KIND = "Dataflow";
  static final String SOURCE = "/sourceConnectionIds/0";
  static final String TARGET = "/targetConnectionIds/0";
  static final String MAPPING = "/transformations/1/params/mappingId";
  static final String DELTA = "/transformations/0/params/deltaColumn";
  static final String SCHEDULE = "/scheduleParams";
  static final String ENABLED = "/enabled";
  static final String FLOW_SPEC = "/flowSpec/name";

  /** The flow spec chosen from the catalog when the manifest names none. */
  static final String FLOW_SPEC_ID = "/flowSpec/id";

  private final String sourceKind;
  private final String targetKind;
  private final String mappingKind;
  private final String mappingSchema;
  private final String targetSchema;

  /**
   * @param sourceKind the kind a dataflow's {@code source} names
   * @param targetKind the kind its {@code target} names, and where that kind keeps its schema
   * @param mappingKind the kind its {@code mapping} names, and where that kind keeps its schema
   */
  public DataflowKind(
      String sourceKind,
      String targetKind,
      String targetSchema,
      String mappingKind,
      String mappingSchema) {
    this.sourceKind = sourceKind;
    this.targetKind = targetKind;
    this.targetSchema = targetSchema;
    this.mappingKind = mappingKind;
    this.mappingSchema = mappingSchema;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String addressPrefix() {
    return "dataflow";
  }

  @Override
  public String label() {
    return "dataflow";
  }

  @Override
  public Class<DataflowManifest> type() {
    return DataflowManifest.class;
  }

  @Override
  public List<Diagnostic> check(Bound<DataflowManifest> bound) {
    return ScheduleRules.check(bound.manifest().spec().schedule(), bound.document().sources());
  }

  @Override
  public DesiredResource desired(Bound<DataflowManifest> bound) {
    DataflowManifest m = bound.manifest();
    DataflowManifest.Spec spec = m.spec();
    SourceMap sources = bound.document().sources();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("/name", spec.name());
    if (spec.description() != null && !spec.description().isEmpty()) {
      attributes.put("/description", spec.description());
    }
    if (spec.flowSpec() != null && !spec.flowSpec().isBlank()) {
      attributes.put(FLOW_SPEC, spec.flowSpec());
    }
    if (spec.deltaColumn() != null) {
      attributes.put(DELTA + "/name", spec.deltaColumn().name());
      putIfSet(attributes, DELTA + "/dateFormat", spec.deltaColumn().dateFormat());
      putIfSet(attributes, DELTA + "/timezone", spec.deltaColumn().timezone());
    }
    DataflowManifest.Schedule schedule = spec.schedule();
    attributes.put(SCHEDULE + "/frequency", schedule.frequency());
    ScheduleRules.epochSeconds(schedule.startTime())
        .ifPresent(s -> attributes.put(SCHEDULE + "/startTime", Long.toString(s)));
    if (schedule.interval() != null) {
      attributes.put(SCHEDULE + "/interval", schedule.interval().toString());
    }
    if (schedule.backfill() != null) {
      attributes.put(SCHEDULE + "/backfill", schedule.backfill().toString());
    }
    attributes.put(ENABLED, Boolean.toString(spec.enabled() == null || spec.enabled()));
    List<ResourceReference> references = new ArrayList<>();
    references.add(
        ResourceReference.to(
            SOURCE, spec.source(), Set.of(sourceKind), sources.position("/spec/source"), true));
    references.add(
        ResourceReference.to(
            TARGET, spec.target(), Set.of(targetKind), sources.position("/spec/target"), true));
    if (spec.mapping() != null) {
      references.add(
          ResourceReference.following(
              MAPPING, spec.mapping(), Set.of(mappingKind), sources.position("/spec/mapping")));
    }
    return new DesiredResource(
        KIND,
        address(m.metadata().name()),
        bound.document().position(),
        spec.name(),
        attributes,
        references,
        Set.of("/flowSpec", SOURCE, TARGET),
        Documents.unresolved(bound),
        Documents.addresses(this, m.metadata().movedFrom()));
  }

  /** The mapping set and the target connection must write the same schema (else 1425-400). */
  @Override
  public List<Diagnostic> crossCheck(
      DesiredResource self, Function<String, Optional<DesiredResource>> others) {
    Optional<String> target = referenced(self, TARGET, others, targetSchema);
    Optional<String> mapping = referenced(self, MAPPING, others, mappingSchema);
    if (target.isPresent() && mapping.isPresent() && !target.get().equals(mapping.get())) {
      ResourceReference at =
          self.references().stream()
              .filter(r -> r.field().equals(MAPPING))
              .findFirst()
              .orElseThrow();
      return List.of(
          Diagnostic.error(
              at.position(),
              "mapping set \""
                  + at.name()
                  + "\" writes schema "
                  + mapping.get()
                  + " but the target connection's dataset has schema "
                  + target.get(),
              "a dataflow's mapping set and target connection must name the same XDM schema"));
    }
    return List.of();
  }

  /** A dataflow that names no flow spec gets the catalog's one joining its source and target. */
  @Override
  public Decided decide(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt, Catalog catalog) {
    if (self.attributes().containsKey(FLOW_SPEC)) {
      return Decided.as(self);
    }
    return FlowSpecChoice.of(self, connectionSpecAt, catalog);
  }

  private static Optional<String> referenced(
      DesiredResource self,
      String field,
      Function<String, Optional<DesiredResource>> others,
      String attribute) {
    return self.references().stream()
        .filter(r -> r.field().equals(field) && r.address() != null)
        .findFirst()
        .flatMap(r -> others.apply(r.address()))
        .map(r -> r.attributes().get(attribute));
  }

  private static void putIfSet(SortedMap<String, String> out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.put(key, value);
    }
  }

  @Override
  public boolean runs() {
    return true;
  }

  @Override
  public KindCalls calls(PlatformResources platform) {
    return new DataflowCalls(platform);
  }
}
