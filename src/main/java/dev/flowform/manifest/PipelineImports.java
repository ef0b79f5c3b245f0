package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.EnvironmentManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of the selected Environment's {@code spec.imports} that name pipeline resources
 * ({@code kind.name}): each must be a resource of that environment. The connections' entries are
 * checked with the other declarations.
 */
final class PipelineImports {
  private PipelineImports() {}

  static List<Diagnostic> check(
      List<Bound<EnvironmentManifest>> environments,
      Optional<String> selected,
      List<KindDocuments.Declared> applying) {
    List<Diagnostic> out = new ArrayList<>();
    if (selected.isEmpty()) {
      return out;
    }
    Set<String> addresses = new TreeSet<>();
    applying.forEach(d -> addresses.add(d.resource().address()));
    for (Bound<EnvironmentManifest> environment : environments) {
      String name = environment.manifest().metadata().name();
      Map<String, String> imports = environment.manifest().spec().imports();
      if (!name.equals(selected.get()) || imports == null) {
        continue;
      }
      imports.keySet().stream()
          .filter(address -> address.contains(".") && !addresses.contains(address))
          .forEach(
              address ->
                  out.add(
                      Diagnostic.error(
                          environment.document().sources().position("/spec/imports/" + address),
                          "spec.imports names '"
                              + address
                              + "', which is not a pipeline resource of environment '"
                              + name
                              + "'",
                          "write its manifest first (the address is the kind's prefix and"
                              + " metadata.name: dataflow.NAME)")));
    }
    return out;
  }
}
