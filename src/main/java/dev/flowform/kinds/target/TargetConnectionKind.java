package dev.flowform.kinds.target;

import dev.flowform.diag.Diagnostic;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.CollectionCalls;
import dev.flowform.kinds.Documents;
import dev.flowform.kinds.Kind;
import dev.flowform.kinds.KindCalls;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.doc.Bound;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Data Lake target connection on an existing dataset (never managed: flowform neither makes nor
 * deletes datasets and schemas). Its dataset and schema change only by a replacement.
 */
public final class TargetConnectionKind implements Kind<TargetConnectionManifest> {
  public static final String KIND = "TargetConnection";

  /** The Data Lake's connection spec. */
  public static final String DATA_LAKE_SPEC = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

  static final String XED_FULL = "application/vnd.adobe.xed-full+json;version=1";
  static final List<String> ATTRIBUTES =
      List.of(
          "/name",
          "/description",
          "/connectionSpec/id",
          "/connectionSpec/version",
          "/data/schema/id",
          "/data/schema/version",
          "/params/dataSetId");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String addressPrefix() {
    return "target";
  }

  @Override
  public String label() {
    return "target connection";
  }

  @Override
  public Class<TargetConnectionManifest> type() {
    return TargetConnectionManifest.class;
  }

  @Override
  public List<Diagnostic> check(Bound<TargetConnectionManifest> bound) {
    return List.of();
  }

  /** Its own: the Data Lake's. */
  @Override
  public Optional<String> connectionSpec(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt) {
    return Optional.ofNullable(self.attributes().get("/connectionSpec/id"));
  }

  @Override
  public DesiredResource desired(Bound<TargetConnectionManifest> bound) {
    TargetConnectionManifest m = bound.manifest();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("/name", m.spec().name());
    if (m.spec().description() != null && !m.spec().description().isEmpty()) {
      attributes.put("/description", m.spec().description());
    }
    attributes.put("/connectionSpec/id", DATA_LAKE_SPEC);
    attributes.put("/connectionSpec/version", "1.0");
    attributes.put("/data/schema/id", m.spec().schema());
    attributes.put("/data/schema/version", Documents.orDefault(m.spec().schemaVersion(), XED_FULL));
    attributes.put("/params/dataSetId", m.spec().dataSetId());
    return new DesiredResource(
        KIND,
        address(m.metadata().name()),
        bound.document().position(),
        m.spec().name(),
        attributes,
        List.of(),
        Set.of("/connectionSpec", "/data", "/params"),
        Documents.unresolved(bound),
        Documents.addresses(this, m.metadata().movedFrom()));
  }

  @Override
  public KindCalls calls(PlatformResources platform) {
    return new CollectionCalls(platform, Collection.TARGET_CONNECTIONS, ATTRIBUTES, List.of());
  }
}
