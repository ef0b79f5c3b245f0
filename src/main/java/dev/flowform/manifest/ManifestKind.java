package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import java.util.List;

/**
 * A pipeline kind as the manifests know it: the record its documents bind to (checked with its
 * Jakarta constraints), its own rules, and the desired resource a clean document becomes. Each kind
 * package has one; the loader is handed them all and knows none by name.
 *
 * @param <T> the document record
 */
public interface ManifestKind<T> {

  /** The {@code kind:} of its documents. */
  String kind();

  /** What goes before {@code .name} in its addresses ({@code dataflow}). */
  String addressPrefix();

  /** The record its documents bind to. */
  Class<T> type();

  /** The document's own rules, beyond its constraints; run when it bound cleanly. */
  List<Diagnostic> check(Bound<T> bound);

  /** The desired resource of a clean, resolved document. */
  DesiredResource desired(Bound<T> bound);

  /**
   * Rules across documents, once the references are resolved: {@code others} finds the desired
   * resource at an address (of any kind).
   */
  default List<Diagnostic> crossCheck(
      DesiredResource self,
      java.util.function.Function<String, java.util.Optional<DesiredResource>> others) {
    return List.of();
  }

  /**
   * Checks a resolved document's params against the spec of the connector it reads from (a source
   * connection's {@code sourceSpec}); nothing by default.
   *
   * @param connectorAt the connector of the connection at an address, when known
   */
  default List<Diagnostic> checkParams(
      dev.flowform.manifest.doc.ManifestDocument document,
      DesiredResource self,
      java.util.function.Function<String, java.util.Optional<dev.flowform.catalog.ConnectorSpec>>
          connectorAt,
      dev.flowform.manifest.validate.SchemaParams schemas) {
    return List.of();
  }

  /** The address of the resource named {@code name} of this kind. */
  default String address(String name) {
    return addressPrefix() + "." + name;
  }
}
