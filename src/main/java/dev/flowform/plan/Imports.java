package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans an import declared in {@code spec.imports} for an address state does not have: what the
 * platform has (the refresh read it by id), compared with the manifest, as the PATCH that follows
 * the adoption. Planned offline, the import shows no attributes: apply reads the connection first.
 * The rules are {@link ImportRules}'; a broken one is an error at the declaration.
 */
final class Imports {
  private Imports() {}

  static Optional<Change> plan(
      DesiredConnection wanted,
      DeclaredImport declared,
      String sandbox,
      Map<String, ResourceState> resources,
      RemoteView remote,
      String salt,
      List<Diagnostic> errors) {
    String id = declared.id();
    Optional<ImportRules.Problem> problem =
        ImportRules.recordedElsewhere(id, wanted.address(), resources);
    if (problem.isEmpty() && remote.importsMissing().contains(id)) {
      problem = ImportRules.remote(id, Optional.empty(), sandbox, wanted.connectionSpec());
    }
    RemoteConnection read = remote.imported().get(id);
    if (problem.isEmpty() && read != null) {
      problem = ImportRules.remote(id, Optional.of(read), sandbox, wanted.connectionSpec());
    }
    if (problem.isPresent()) {
      errors.add(
          Diagnostic.error(
              declared.position(),
              "cannot import '" + wanted.address() + "': " + problem.get().message(),
              problem.get().hint()));
      return Optional.empty();
    }
    if (read == null) {
      return Optional.of(
          new Change(
              wanted.address(),
              Action.IMPORT,
              Reason.IMPORT_DECLARED,
              id,
              null,
              wanted.name(),
              List.of(),
              List.of(id)));
    }
    return Optional.of(
        new Change(
            wanted.address(),
            Action.IMPORT,
            Reason.IMPORT_DECLARED,
            id,
            read.etag(),
            wanted.name(),
            ConnectionDiff.changed(Baseline.ofRemote(read, wanted), wanted, salt),
            List.of(id)));
  }

  /**
   * A declaration for an address state already has: nothing to do when state records that very
   * connection (it was imported); an error when it records another one, or a pending create.
   */
  static Optional<Diagnostic> alreadyInState(
      DeclaredImport declared, ResourceState recorded, String environment) {
    if (!recorded.isPending() && declared.id().equals(recorded.id())) {
      return Optional.empty();
    }
    ImportRules.Problem problem =
        ImportRules.addressTaken(declared.address(), Optional.of(recorded), environment)
            .orElseThrow();
    return Optional.of(
        Diagnostic.error(
            declared.position(),
            "cannot import "
                + (declared.address().contains(".") ? "" : "connection ")
                + declared.id()
                + " as '"
                + declared.address()
                + "': "
                + problem.message(),
            problem.hint() + ", or remove the entry from spec.imports"));
  }
}
