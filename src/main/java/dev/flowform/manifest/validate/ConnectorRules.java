package dev.flowform.manifest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.catalog.AuthSpec;
import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.GenericConnectionManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one {@code kind: Connection}: its connector is in the catalog, its auth spec is one
 * of the connector's, its params fit that auth spec's JSON Schema, and its secrets (as the schema
 * marks them) are references.
 */
public final class ConnectorRules {
  static final String PULL_HINT =
      "run flowform specs pull --env ENV to bring the platform's connection specs into specs/";

  private final Catalog catalog;
  private final SchemaParams schemas;

  public ConnectorRules(Catalog catalog, SchemaParams schemas) {
    this.catalog = catalog;
    this.schemas = schemas;
  }

  public List<Diagnostic> check(Bound<GenericConnectionManifest> bound, RuleContext context) {
    List<Diagnostic> out = new ArrayList<>();
    GenericConnectionManifest manifest = bound.manifest();
    ManifestDocument document = bound.document();
    SourceMap sources = document.sources();
    List<String> targets = manifest.metadata().environments();
    ConnectionRules.metadata(targets, sources, context, out);
    Optional<Severity> severity = context.literalSecret(targets);
    for (String pointer : Connectors.sensitivePointers(document, catalog)) {
      JsonNode node = document.tree().at(pointer);
      String raw = node.isValueNode() && !node.isNull() ? node.asText() : null;
      LiteralSecrets.addTo(out, LiteralSecrets.check(raw, pointer, sources, severity));
    }
    connector(manifest.spec(), sources, out)
        .flatMap(c -> authSpec(c, manifest.spec().auth(), sources, out).map(a -> params(c, a)))
        .ifPresent(
            checks ->
                out.addAll(
                    schemas.check(
                        checks.auth().schema(),
                        written(manifest.spec().auth()),
                        Connectors.PARAMS,
                        opaque(bound),
                        sources,
                        checks.owner())));
    return out;
  }

  private record Checks(AuthSpec auth, String owner) {}

  private static Checks params(ConnectorSpec connector, AuthSpec auth) {
    return new Checks(auth, connector.name() + " (" + auth.name() + ")");
  }

  private Optional<ConnectorSpec> connector(
      GenericConnectionManifest.Spec spec, SourceMap sources, List<Diagnostic> out) {
    String id = spec.connectionSpec() == null ? null : spec.connectionSpec().id();
    if (spec.connector() == null && id == null) {
      out.add(
          Diagnostic.error(
              sources.position("/spec"),
              "spec.connector is required",
              "name the connector's spec ("
                  + String.join(", ", catalog.connectorNames())
                  + ") or give spec.connectionSpec.id"));
      return Optional.empty();
    }
    if (spec.connector() != null) {
      Optional<ConnectorSpec> named = catalog.connector(spec.connector());
      if (named.isEmpty()) {
        out.add(
            Diagnostic.error(
                sources.position("/spec/connector"),
                "connector '" + spec.connector() + "' is not in the spec catalog",
                Suggestions.didYouMean(spec.connector(), catalog.connectorNames())
                    .map(s -> s + " If it is new: " + PULL_HINT)
                    .orElse(PULL_HINT)));
      } else if (id != null && !References.hasAny(id) && !named.get().id().equals(lower(id))) {
        out.add(
            Diagnostic.error(
                sources.position("/spec/connectionSpec/id"),
                "spec.connectionSpec.id is not the spec of connector '" + spec.connector() + "'",
                "use " + named.get().id() + ", or leave connectionSpec out"));
      }
      return named;
    }
    if (References.hasAny(id)) {
      return Optional.empty();
    }
    Optional<ConnectorSpec> byId = catalog.connectorById(id);
    if (byId.isEmpty()) {
      out.add(
          Diagnostic.error(
              sources.position("/spec/connectionSpec/id"),
              "connection spec " + id + " is not in the spec catalog",
              PULL_HINT));
    }
    return byId;
  }

  private static Optional<AuthSpec> authSpec(
      ConnectorSpec connector,
      GenericConnectionManifest.Auth auth,
      SourceMap sources,
      List<Diagnostic> out) {
    Optional<AuthSpec> found = connector.authSpec(auth.specName());
    if (found.isPresent()) {
      return found;
    }
    List<String> names = connector.authSpecNames();
    if (auth.specName() == null) {
      out.add(
          Diagnostic.error(
              sources.position("/spec/auth"),
              "spec.auth.specName is required: "
                  + connector.name()
                  + (names.isEmpty()
                      ? " has no auth spec"
                      : " has " + names.size() + " auth specs"),
              names.isEmpty() ? ConnectorRules.PULL_HINT : "one of: " + String.join(", ", names)));
    } else {
      out.add(
          Diagnostic.error(
              sources.position("/spec/auth/specName"),
              "auth spec '" + auth.specName() + "' is not one of " + connector.name() + "'s",
              Suggestions.didYouMean(auth.specName(), names)
                  .orElse("one of: " + String.join(", ", names))));
    }
    return Optional.empty();
  }

  /** The params whose value is not known here: unresolved, or not resolved at all. */
  private static Set<String> opaque(Bound<GenericConnectionManifest> bound) {
    Set<String> out = new HashSet<>();
    JsonNode params = bound.document().tree().at(Connectors.PARAMS);
    params
        .properties()
        .forEach(
            e -> {
              String pointer = Connectors.pointer(e.getKey());
              boolean reference =
                  e.getValue().isTextual() && References.hasAny(e.getValue().textValue());
              if (reference && (!bound.resolved() || bound.unresolved().contains(pointer))) {
                out.add(e.getKey());
              }
            });
    return out;
  }

  /** The params as bound: resolved where the document was. */
  private static com.fasterxml.jackson.databind.node.ObjectNode written(
      GenericConnectionManifest.Auth auth) {
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    auth.params().forEach(out::set);
    return out;
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
