package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.HubSpotSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of one HubSpotConnection beyond its field constraints. */
public final class ConnectionRules {
  private static final List<String> SENSITIVE = HubSpotSpec.sensitivePointers();

  private ConnectionRules() {}

  public static List<Diagnostic> check(Bound<ConnectionManifest> bound, RuleContext context) {
    List<Diagnostic> out = new ArrayList<>();
    ConnectionManifest manifest = bound.manifest();
    ManifestDocument document = bound.document();
    SourceMap sources = document.sources();
    List<String> targets = manifest.metadata().environments();
    metadata(targets, sources, context, out);
    ConnectionManifest.ConnectionSpec spec = manifest.spec().connectionSpec();
    if (spec != null
        && spec.id() != null
        && !References.hasAny(spec.id())
        && spec.id().matches(dev.flowform.manifest.doc.Rules.UUID_PATTERN)
        && !spec.id().equalsIgnoreCase(ConnectionSpecRef.HUBSPOT_ID)) {
      out.add(
          Diagnostic.error(
              sources.position("/spec/connectionSpec/id"),
              "spec.connectionSpec.id must be HubSpot's connection spec for kind HubSpotConnection",
              "use " + ConnectionSpecRef.HUBSPOT_ID + " or leave connectionSpec out"));
    }
    Optional<Severity> severity = context.literalSecret(targets);
    for (String pointer : SENSITIVE) {
      LiteralSecrets.addTo(
          out, LiteralSecrets.check(document.text(pointer), pointer, sources, severity));
    }
    return out;
  }

  /** The rules of {@code metadata.environments}, shared by every connection kind. */
  static void metadata(
      List<String> targets, SourceMap sources, RuleContext context, List<Diagnostic> out) {
    if (targets != null && targets.isEmpty()) {
      out.add(
          Diagnostic.warning(
              sources.position("/metadata/environments"),
              "metadata.environments is empty: this connection applies to no environment"
                  + " (apply --prune deletes it wherever state manages it)"));
    } else if (targets != null) {
      environments(targets, sources, context, out);
    }
  }

  private static void environments(
      List<String> targets, SourceMap sources, RuleContext context, List<Diagnostic> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      String name = targets.get(i);
      String pointer = "/metadata/environments/" + i;
      if (name == null || name.isBlank()) {
        continue;
      }
      if (!seen.add(name)) {
        out.add(
            Diagnostic.error(
                sources.position(pointer), "environment '" + name + "' is listed twice"));
      } else if (!context.environments().contains(name)) {
        String hint =
            Suggestions.didYouMean(name, context.environments())
                .orElse(
                    context.environments().isEmpty()
                        ? "no Environment document exists"
                        : "known: " + String.join(", ", context.environments()));
        out.add(
            Diagnostic.error(
                sources.position(pointer),
                "metadata.environments names unknown environment '" + name + "'",
                hint));
      }
    }
  }
}
