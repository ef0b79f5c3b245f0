package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.validate.BeanChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Binds one resolved document and checks its constraints. Thread-safe (the binder's mapper and the
 * validator are), so the documents of a run can go through it in parallel.
 */
final class DocumentPipeline {
  private final DocumentBinder binder;
  private final BeanChecks checks;

  DocumentPipeline(DocumentBinder binder, BeanChecks checks) {
    this.binder = binder;
    this.checks = checks;
  }

  /** A document's outcome: bound when it is clean, and every problem found on the way. */
  record Checked<T>(Optional<Bound<T>> bound, List<Diagnostic> problems) {}

  /** Binds and checks; {@code rules} (the document's own rules) run when it bound cleanly. */
  <T> Checked<T> bind(
      DocumentResolver.Resolved resolved,
      Class<T> type,
      boolean wasResolved,
      Function<Bound<T>, List<Diagnostic>> rules) {
    List<Diagnostic> problems = new ArrayList<>(resolved.problems());
    ManifestDocument doc = resolved.document();
    DocumentBinder.Binding<T> binding = binder.bind(doc, resolved.tree(), type, problems);
    if (binding.value().isEmpty()) {
      return new Checked<>(Optional.empty(), problems);
    }
    List<Diagnostic> broken = checks.check(binding.value().get(), doc.sources(), binding::covers);
    problems.addAll(broken);
    if (!broken.isEmpty() || !binding.clean()) {
      return new Checked<>(Optional.empty(), problems);
    }
    Bound<T> bound = new Bound<>(doc, binding.value().get(), wasResolved, resolved.unresolved());
    problems.addAll(rules.apply(bound));
    return new Checked<>(Optional.of(bound), problems);
  }

  /**
   * Binds and checks the documents of one kind in parallel (those {@code resolves} accepts with
   * their references resolved, the others as written), adding every problem to {@code problems} in
   * the documents' order.
   */
  <T> List<Bound<T>> bindAll(
      List<ManifestDocument> documents,
      Class<T> type,
      Predicate<ManifestDocument> resolves,
      Function<ManifestDocument, DocumentResolver.Resolved> resolve,
      Function<Bound<T>, List<Diagnostic>> rules,
      List<Diagnostic> problems) {
    List<Checked<T>> checked =
        documents.parallelStream()
            .map(
                doc -> {
                  boolean resolving = resolves.test(doc);
                  DocumentResolver.Resolved resolved =
                      resolving ? resolve.apply(doc) : DocumentResolver.asWritten(doc);
                  return bind(resolved, type, resolving, rules);
                })
            .toList();
    List<Bound<T>> bound = new ArrayList<>();
    for (Checked<T> one : checked) {
      problems.addAll(one.problems());
      one.bound().ifPresent(bound::add);
    }
    return bound;
  }
}
