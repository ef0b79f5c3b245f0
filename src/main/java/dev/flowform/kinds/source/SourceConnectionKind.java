package dev.flowform.kinds.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.catalog.ParamTypes;
import dev.flowform.diag.Diagnostic;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Documents;
import dev.flowform.kinds.Kind;
import dev.flowform.kinds.KindCalls;
import dev.flowform.manifest.Decided;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.manifest.validate.SchemaParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A source connection: what a base connection reads ({@code params}, checked against its
 * connector's {@code sourceSpec}; {@code path} is HubSpot's, kept as a shorthand). Its name and
 * description change in place; its path, format and base connection only by a replacement (Adobe
 * advises against updating them: the dataflow would not pick the change up).
 */
public final class SourceConnectionKind implements Kind<SourceConnectionManifest> {
  public static final String KIND = "SourceConnection";
  static final String BASE_CONNECTION = "/baseConnectionId";
  static final String PARAMS = "/params/";
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
    SourceConnectionManifest.Spec spec = bound.manifest().spec();
    SourceMap sources = bound.document().sources();
    List<Diagnostic> out = new ArrayList<>();
    if (spec.path() == null && (spec.params() == null || spec.params().isEmpty())) {
      out.add(
          Diagnostic.error(
              sources.position("/spec"),
              "spec.params is required (spec.path for HubSpot)",
              "flowform specs show CONNECTOR lists a connector's source params"));
    }
    if (spec.path() != null && spec.params() != null && spec.params().containsKey("path")) {
      out.add(
          Diagnostic.error(
              sources.position("/spec/path"),
              "spec.path and spec.params.path say the same thing twice",
              "keep one of them"));
    }
    if (spec.params() != null) {
      spec.params()
          .forEach(
              (name, value) -> {
                if (value == null || value.isContainerNode() || value.isNull()) {
                  out.add(
                      Diagnostic.error(
                          sources.position("/spec/params/" + SourceMap.segment(name)),
                          "spec.params." + name + " must be text, a number or true/false"));
                }
              });
    }
    return out;
  }

  @Override
  public List<Diagnostic> checkParams(
      ManifestDocument document,
      DesiredResource self,
      Function<String, Optional<ConnectorSpec>> connectorAt,
      SchemaParams schemas) {
    String base = self.references().get(0).address();
    Optional<ConnectorSpec> connector = base == null ? Optional.empty() : connectorAt.apply(base);
    if (connector.isEmpty() || connector.get().sourceSpec() == null) {
      return List.of();
    }
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    self.attributes()
        .forEach(
            (pointer, value) -> {
              if (pointer.startsWith(PARAMS)) {
                params.put(SourceMap.unescape(pointer.substring(PARAMS.length())), value);
              }
            });
    return schemas.check(
        connector.get().sourceSpec(),
        params,
        document.tree().has("spec") && document.tree().at("/spec/path").isTextual()
            ? "/spec"
            : "/spec/params",
        Set.of(),
        document.sources(),
        connector.get().name() + "'s source params");
  }

  /** Its base connection's. */
  @Override
  public Optional<String> connectionSpec(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt) {
    String base = self.references().get(0).address();
    return base == null ? Optional.empty() : connectionSpecAt.apply(base);
  }

  /** Its params as its connector's source spec types them: sent as numbers, true/false, ... */
  @Override
  public Decided decide(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt, Catalog catalog) {
    Optional<ObjectNode> sourceSpec =
        connectionSpec(self, connectionSpecAt)
            .flatMap(catalog::connectorById)
            .map(ConnectorSpec::sourceSpec);
    if (sourceSpec.isEmpty()) {
      return Decided.as(self);
    }
    SortedMap<String, String> types = new TreeMap<>();
    self.attributes()
        .keySet()
        .forEach(
            pointer -> {
              if (pointer.startsWith(PARAMS)) {
                String param = SourceMap.unescape(pointer.substring(PARAMS.length()));
                ParamTypes.declared(sourceSpec.get(), param)
                    .ifPresent(type -> types.put(pointer, type));
              }
            });
    return Decided.as(self.withTypes(types));
  }

  @Override
  public DesiredResource desired(Bound<SourceConnectionManifest> bound) {
    SourceConnectionManifest m = bound.manifest();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("/name", m.spec().name());
    if (m.spec().description() != null && !m.spec().description().isEmpty()) {
      attributes.put("/description", m.spec().description());
    }
    if (m.spec().path() != null) {
      attributes.put("/params/path", m.spec().path());
    }
    if (m.spec().params() != null) {
      m.spec()
          .params()
          .forEach(
              (name, value) -> {
                if (value != null && value.isValueNode() && !value.isNull()) {
                  attributes.put(PARAMS + SourceMap.segment(name), value.asText());
                }
              });
    }
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
