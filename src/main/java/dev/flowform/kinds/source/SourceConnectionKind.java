package dev.flowform.kinds.source;

import dev.flowform.diag.Diagnostic;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Documents;
import dev.flowform.kinds.Kind;
import dev.flowform.kinds.KindCalls;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.manifest.doc.Bound;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A source connection: what a base connection reads ({@code params.path}). Its name and description
 * change in place; its path, format and base connection only by a replacement (Adobe advises
 * against updating them: the dataflow would not pick the change up).
 */
public final class SourceConnectionKind implements Kind<SourceConnectionManifest> {
  public static final String KIND = "SourceConnection";
  static final String BASE_CONNECTION = "/baseConnectionId";
  static final List<String> ATTRIBUTES =
      List.of("/name", "/description", "/params/path", "/data/format");

  /** The kinds a base connection reference may name. */
  private final Set<String> baseKinds;

  /**
   * @param baseKinds the connection kinds a source connection may read from
   */
  public SourceConnectionKind(Set<String> baseKinds) {
    this.baseKinds = Set.copyOf(baseKinds);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String addressPrefix() {
    return "source";
  }

  @Override
  public String label() {
    return "source connection";
  }

  @Override
  public Class<SourceConnectionManifest> type() {
    return SourceConnectionManifest.class;
  }

  @Override
  public List<Diagnostic> check(Bound<SourceConnectionManifest> bound) {
    return List.of();
  }

  @Override
  public DesiredResource desired(Bound<SourceConnectionManifest> bound) {
    SourceConnectionManifest m = bound.manifest();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("/name", m.spec().name());
    if (m.spec().description() != null && !m.spec().description().isEmpty()) {
      attributes.put("/description", m.spec().description());
    }
    attributes.put("/params/path", m.spec().path());
    attributes.put("/data/format", Documents.orDefault(m.spec().format(), "tabular"));
    ResourceReference base =
        ResourceReference.to(
            BASE_CONNECTION,
            m.spec().baseConnection(),
            baseKinds,
            bound.document().sources().position("/spec/baseConnection"),
            true);
    return new DesiredResource(
        KIND,
        address(m.metadata().name()),
        bound.document().position(),
        m.spec().name(),
        attributes,
        List.of(base),
        Set.of("/params", "/data", BASE_CONNECTION),
        Documents.unresolved(bound),
        Documents.addresses(this, m.metadata().movedFrom()));
  }

  @Override
  public KindCalls calls(PlatformResources platform) {
    return new SourceConnectionCalls(platform);
  }
}
