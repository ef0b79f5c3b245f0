package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ManifestDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds the documents of one pipeline kind and builds their desired resources, whether or not their
 * references were resolved (the graph rules need every document's references; the desired state
 * takes only the resolved ones).
 */
final class KindDocuments {
  private final DocumentPipeline pipeline;

  KindDocuments(DocumentPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** A bound document of a pipeline kind, as the graph sees it. */
  record Declared(ManifestDocument document, DesiredResource resource, boolean resolved) {}

  <T> List<Declared> bind(
      ManifestKind<T> kind,
      List<ManifestDocument> documents,
      Function<ManifestDocument, DocumentResolver.Resolved> resolve,
      Function<ManifestDocument, Boolean> resolving,
      List<Diagnostic> problems) {
    List<DocumentPipeline.Checked<T>> checked =
        documents.parallelStream()
            .map(
                doc ->
                    pipeline.bind(
                        resolve.apply(doc), kind.type(), resolving.apply(doc), kind::check))
            .toList();
    List<Declared> declared = new ArrayList<>();
    for (DocumentPipeline.Checked<T> one : checked) {
      problems.addAll(one.problems());
      one.bound()
          .ifPresent(
              (Bound<T> b) ->
                  declared.add(new Declared(b.document(), kind.desired(b), b.resolved())));
    }
    return declared;
  }
}
