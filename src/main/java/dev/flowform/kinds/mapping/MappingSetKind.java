package dev.flowform.kinds.mapping;

import dev.flowform.diag.Diagnostic;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Documents;
import dev.flowform.kinds.Kind;
import dev.flowform.kinds.KindCalls;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.doc.Bound;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Data Prep mapping set. It has no name: a lost create is found again by its content. Every
 * change is a new version of the same set (PUT); the dataflows that use it are then moved to that
 * version.
 */
public final class MappingSetKind implements Kind<MappingSetManifest> {
  public static final String KIND = "MappingSet";

  /** Where the schema a mapping set writes stands among its attributes. */
  public static final String SCHEMA = "/outputSchema/schemaRef/id";

  static final String CONTENT_TYPE = "/outputSchema/schemaRef/contentType";
  static final String XED_FULL = "application/vnd.adobe.xed-full+json;version=1";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String addressPrefix() {
    return "mapping";
  }

  @Override
  public String label() {
    return "mapping set";
  }

  @Override
  public Class<MappingSetManifest> type() {
    return MappingSetManifest.class;
  }

  @Override
  public List<Diagnostic> check(Bound<MappingSetManifest> bound) {
    return List.of();
  }

  @Override
  public DesiredResource desired(Bound<MappingSetManifest> bound) {
    MappingSetManifest m = bound.manifest();
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put(SCHEMA, m.spec().schema());
    attributes.put(CONTENT_TYPE, Documents.orDefault(m.spec().contentType(), XED_FULL));
    List<MappingSetManifest.Mapping> mappings = m.spec().mappings();
    for (int i = 0; i < mappings.size(); i++) {
      MappingSetManifest.Mapping one = mappings.get(i);
      String at = "/mappings/" + i;
      attributes.put(at + "/sourceType", Documents.orDefault(one.sourceType(), "ATTRIBUTE"));
      attributes.put(at + "/source", one.source());
      attributes.put(at + "/destination", one.destination());
    }
    return new DesiredResource(
        KIND,
        address(m.metadata().name()),
        bound.document().position(),
        null,
        attributes,
        List.of(),
        Set.of(),
        Documents.unresolved(bound),
        Documents.addresses(this, m.metadata().movedFrom()));
  }

  @Override
  public KindCalls calls(PlatformResources platform) {
    return new MappingSetCalls(platform);
  }
}
