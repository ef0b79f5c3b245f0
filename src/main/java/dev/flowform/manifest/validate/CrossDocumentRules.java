package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Rules across documents: unique addresses, unique environments, unique AEP names, and the declared
 * moves and imports.
 */
public final class CrossDocumentRules {
  private CrossDocumentRules() {}

  public static List<Diagnostic> check(
      List<Bound<ConnectionManifest>> connections,
      List<Bound<EnvironmentManifest>> environments,
      RuleContext context) {
    List<Diagnostic> out = new ArrayList<>();
    unique(connections, c -> c.metadata().name(), "address", out);
    unique(environments, e -> e.metadata().name(), "environment", out);
    out.addAll(DeclarationRules.check(connections, environments));
    List<String> scope =
        context.selected().map(List::of).orElse(List.copyOf(context.environments()));
    Map<Bound<ConnectionManifest>, Clash> clashes = new LinkedHashMap<>();
    for (String environment : scope) {
      Map<String, Bound<ConnectionManifest>> byName = new HashMap<>();
      for (Bound<ConnectionManifest> connection : connections) {
        List<String> targets = connection.manifest().metadata().environments();
        if (targets != null && !targets.contains(environment)) {
          continue;
        }
        Bound<ConnectionManifest> first =
            byName.putIfAbsent(connection.manifest().spec().name(), connection);
        if (first != null) {
          clashes
              .computeIfAbsent(connection, c -> new Clash(first, new TreeSet<>()))
              .environments()
              .add(environment);
        }
      }
    }
    clashes.forEach(
        (later, clash) ->
            out.add(
                Diagnostic.error(
                    later.document().sources().position("/spec/name"),
                    "spec.name is already used by '"
                        + clash.first().manifest().metadata().name()
                        + "' ("
                        + clash.first().document().sources().position("/spec/name")
                        + ") in environment "
                        + String.join(", ", clash.environments()),
                    "AEP connection names must be unique in an environment")));
    return out;
  }

  private record Clash(Bound<ConnectionManifest> first, TreeSet<String> environments) {}

  private static <T> void unique(
      List<Bound<T>> documents, Function<T, String> key, String what, List<Diagnostic> out) {
    Map<String, SourcePosition> seen = new HashMap<>();
    for (Bound<T> document : documents) {
      String name = key.apply(document.manifest());
      SourcePosition at = document.document().sources().position("/metadata/name");
      SourcePosition first = seen.putIfAbsent(name, at);
      if (first != null) {
        out.add(
            Diagnostic.error(
                at, "duplicate " + what + " '" + name + "'", "first defined at " + first));
      }
    }
  }
}
