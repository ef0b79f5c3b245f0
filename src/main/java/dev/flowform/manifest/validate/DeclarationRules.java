package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared moves and imports, across documents: a {@code metadata.movedFrom} must name an
 * address no connection declares any more (else it would move onto an address that exists, or round
 * a cycle) and that no other connection claims; an Environment's {@code spec.imports} must name
 * connections of that environment, each id once (a pipeline resource's address, {@code kind.name},
 * is checked where the pipeline documents are known).
 */
final class DeclarationRules {
  private DeclarationRules() {}

  static List<Diagnostic> check(
      List<Bound<ConnectionManifest>> connections, List<Bound<EnvironmentManifest>> environments) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Bound<ConnectionManifest>> declared = new LinkedHashMap<>();
    connections.forEach(c -> declared.putIfAbsent(c.manifest().metadata().name(), c));
    moves(connections, declared, out);
    environments.forEach(e -> imports(e, connections, out));
    return out;
  }

  private static void moves(
      List<Bound<ConnectionManifest>> connections,
      Map<String, Bound<ConnectionManifest>> declared,
      List<Diagnostic> out) {
    Map<String, String> claimedBy = new HashMap<>();
    for (Bound<ConnectionManifest> connection : connections) {
      String address = connection.manifest().metadata().name();
      List<String> movedFrom = connection.manifest().metadata().movedFrom();
      if (movedFrom == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < movedFrom.size(); i++) {
        String old = movedFrom.get(i);
        SourcePosition at = connection.document().sources().position("/metadata/movedFrom/" + i);
        if (old == null || old.isBlank()) {
          continue;
        }
        if (!seen.add(old)) {
          out.add(Diagnostic.error(at, "metadata.movedFrom lists '" + old + "' twice"));
        } else if (old.equals(address)) {
          out.add(
              Diagnostic.error(
                  at,
                  "metadata.movedFrom names the connection's own address '" + old + "' (a cycle)",
                  "list only the addresses it had before"));
        } else if (declared.containsKey(old)) {
          out.add(ontoDeclared(address, old, declared.get(old), at));
        } else {
          String first = claimedBy.putIfAbsent(old, address);
          if (first != null && !first.equals(address)) {
            out.add(
                Diagnostic.error(
                    at,
                    "'"
                        + old
                        + "' is claimed by two connections: '"
                        + first
                        + "' and '"
                        + address
                        + "' both list it in metadata.movedFrom",
                    "a state record can move to one address only"));
          }
        }
      }
    }
  }

  private static Diagnostic ontoDeclared(
      String address, String old, Bound<ConnectionManifest> other, SourcePosition at) {
    SourcePosition where = other.document().sources().position("/metadata/name");
    List<String> back = other.manifest().metadata().movedFrom();
    if (back != null && back.contains(address)) {
      return Diagnostic.error(
          at,
          "metadata.movedFrom forms a cycle: '"
              + address
              + "' moves from '"
              + old
              + "' and '"
              + old
              + "' moves from '"
              + address
              + "' ("
              + where
              + ")",
          "keep the move in one direction only");
    }
    return Diagnostic.error(
        at,
        "metadata.movedFrom names '"
            + old
            + "', an address that still exists ("
            + where
            + "): a move onto it would lose one of the two",
        "remove it from movedFrom, or rename the other connection first");
  }

  private static void imports(
      Bound<EnvironmentManifest> environment,
      List<Bound<ConnectionManifest>> connections,
      List<Diagnostic> out) {
    Map<String, String> imports = environment.manifest().spec().imports();
    if (imports == null) {
      return;
    }
    String name = environment.manifest().metadata().name();
    Set<String> targeted = new HashSet<>();
    for (Bound<ConnectionManifest> connection : connections) {
      List<String> targets = connection.manifest().metadata().environments();
      if (targets == null || targets.contains(name)) {
        targeted.add(connection.manifest().metadata().name());
      }
    }
    Map<String, String> byId = new HashMap<>();
    imports.forEach(
        (address, id) -> {
          SourcePosition at = environment.document().sources().position("/spec/imports/" + address);
          if (!targeted.contains(address) && !address.contains(".")) { // pipeline: ManifestRun
            out.add(
                Diagnostic.error(
                    at,
                    "spec.imports names '"
                        + address
                        + "', which is not a connection of environment '"
                        + name
                        + "'",
                    Suggestions.didYouMean(address, targeted)
                        .orElse("write its HubSpotConnection manifest first")));
          }
          if (id == null || References.hasAny(id)) {
            return;
          }
          String first = byId.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), address);
          if (first != null) {
            out.add(
                Diagnostic.error(
                    at,
                    "spec.imports gives connection "
                        + id
                        + " to both '"
                        + first
                        + "' and '"
                        + address
                        + "'",
                    "a connection can be imported as one address only"));
          }
        });
  }
}
