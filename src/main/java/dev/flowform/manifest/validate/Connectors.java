package dev.flowform.manifest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.catalog.AuthSpec;
import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@code kind: Connection} document's connector is, read from the document as written
 * (before interpolation, so that its secrets are known before any is read).
 */
public final class Connectors {
  /** Where a Connection holds its auth params (a JSON pointer prefix). */
  public static final String PARAMS = "/spec/auth/params";

  private Connectors() {}

  /** The connector it names by {@code connector} or, failing that, by {@code connectionSpec.id}. */
  public static Optional<ConnectorSpec> connector(ManifestDocument doc, Catalog catalog) {
    String name = plain(doc.text("/spec/connector"));
    if (name != null) {
      return catalog.connector(name);
    }
    return catalog.connectorById(plain(doc.text("/spec/connectionSpec/id")));
  }

  /** The auth spec it names by {@code auth.specName}, or the connector's only one. */
  public static Optional<AuthSpec> authSpec(ManifestDocument doc, Catalog catalog) {
    return connector(doc, catalog).flatMap(c -> c.authSpec(plain(doc.text("/spec/auth/specName"))));
  }

  /**
   * The pointers of its secret params: those its auth spec marks; every param it has when the
   * connector or auth spec is not known (nothing is shown that could be a secret).
   */
  public static Set<String> sensitivePointers(ManifestDocument doc, Catalog catalog) {
    Set<String> out = new TreeSet<>();
    Optional<AuthSpec> auth = authSpec(doc, catalog);
    if (auth.isPresent()) {
      auth.get().secrets().forEach(p -> out.add(pointer(p)));
    } else {
      JsonNode params = doc.tree().at(PARAMS);
      params.fieldNames().forEachRemaining(p -> out.add(pointer(p)));
    }
    return out;
  }

  /** The pointer of a param: {@code /spec/auth/params/password}. */
  public static String pointer(String param) {
    return PARAMS + "/" + SourceMap.segment(param);
  }

  private static String plain(String raw) {
    return raw == null || raw.isBlank() || References.hasAny(raw) ? null : raw.trim();
  }
}
