package dev.flowform.manifest;

import dev.flowform.manifest.doc.ManifestDocument;

/** The documents of the pipeline kinds, as the graph sees them. */
final class KindDocuments {
  private KindDocuments() {}

  /** A bound document of a pipeline kind, its desired resource, and whether it was resolved. */
  record Declared(ManifestDocument document, DesiredResource resource, boolean resolved) {}
}
