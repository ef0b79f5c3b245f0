package dev.flowform.manifest;

import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.SchemaParams;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
      DesiredResource self, Function<String, Optional<DesiredResource>> others) {
    return List.of();
  }

  /**
   * Checks a resolved document's params against the spec of the connector it reads from (a source
   * connection's {@code sourceSpec}); nothing by default.
   *
   * @param connectorAt the connector of the connection at an address, when known
   */
  default List<Diagnostic> checkParams(
      ManifestDocument document,
      DesiredResource self,
      Function<String, Optional<ConnectorSpec>> connectorAt,
      SchemaParams schemas) {
    return List.of();
  }

  /**
   * The connection spec id of a resolved resource of this kind, when it is a connection (a source
   * connection has its base connection's; a target connection its own); empty by default.
   *
   * @param connectionSpecAt the connection spec id of the resource or connection at an address
   */
  default Optional<String> connectionSpec(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt) {
    return Optional.empty();
  }

  /**
   * A resolved resource with what the catalog decides for it offline (a dataflow's flow spec, by
   * the connection specs of its source and target); itself by default.
   *
   * @param connectionSpecAt the connection spec id of the resource or connection at an address
   */
  default Decided decide(
      DesiredResource self, Function<String, Optional<String>> connectionSpecAt, Catalog catalog) {
    return Decided.as(self);
  }

  /** The address of the resource named {@code name} of this kind. */
  default String address(String name) {
    return addressPrefix() + "." + name;
  }
}
