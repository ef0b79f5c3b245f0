package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.validate.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the dependency graph between documents: every reference names a document of the
 * right kind, declared for every environment the referring one is; no cycle; an address and an AEP
 * name once per kind. Resolves each reference to an address on the way.
 */
final class GraphRules {
  private final Map<String, Node> byAddress = new LinkedHashMap<>();
  private final Map<String, List<Node>> byName = new HashMap<>();
  private final Set<String> environments;
  private final List<Diagnostic> problems = new ArrayList<>();

  /**
   * A document as the graph sees it.
   *
   * @param environments where it applies; null: everywhere
   */
  record Node(String kind, String address, String name, List<String> environments) {
    boolean appliesTo(String environment) {
      return environments == null || environments.contains(environment);
    }
  }

  /**
   * @param connections the connection documents (their addresses are their names)
   * @param environments the environments the references must hold in
   */
  GraphRules(List<Node> connections, Set<String> environments) {
    this.environments = Set.copyOf(environments);
    connections.forEach(this::add);
  }

  private void add(Node node) {
    byAddress.putIfAbsent(node.address(), node);
    byName.computeIfAbsent(node.name(), n -> new ArrayList<>()).add(node);
  }

  /**
   * Checks the pipeline documents and returns them with their references resolved (a reference that
   * does not resolve is left without an address and reported).
   */
  List<KindDocuments.Declared> check(List<KindDocuments.Declared> declared) {
    for (KindDocuments.Declared d : declared) {
      Node node = node(d);
      if (byAddress.containsKey(node.address())) {
        problems.add(
            Diagnostic.error(
                d.resource().position(),
                d.resource().kind() + " \"" + node.name() + "\" is declared twice",
                "give each " + d.resource().kind() + " its own metadata.name"));
      } else {
        add(node);
      }
    }
    List<KindDocuments.Declared> resolved = new ArrayList<>();
    for (KindDocuments.Declared d : declared) {
      Node from = node(d);
      List<ResourceReference> references = new ArrayList<>();
      for (ResourceReference reference : d.resource().references()) {
        references.add(resolve(from, reference).map(reference::resolvedTo).orElse(reference));
      }
      resolved.add(
          new KindDocuments.Declared(
              d.document(), d.resource().withReferences(references), d.resolved()));
    }
    cycles(resolved);
    return resolved;
  }

  List<Diagnostic> problems() {
    return List.copyOf(problems);
  }

  private static Node node(KindDocuments.Declared d) {
    return new Node(
        d.resource().kind(),
        d.resource().address(),
        d.document().text("/metadata/name"),
        environments(d.document()));
  }

  static List<String> environments(dev.flowform.manifest.doc.ManifestDocument doc) {
    var list = doc.tree().at("/metadata/environments");
    if (!list.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    list.forEach(item -> out.add(item.asText()));
    return out;
  }

  private Optional<String> resolve(Node from, ResourceReference reference) {
    List<Node> named = byName.getOrDefault(reference.name(), List.of());
    Optional<Node> target =
        named.stream().filter(n -> reference.kinds().contains(n.kind())).findFirst();
    String wanted = String.join(" or ", new TreeSet<>(reference.kinds()));
    if (target.isEmpty()) {
      String message =
          named.isEmpty()
              ? "no " + wanted + " is named \"" + reference.name() + "\""
              : "\"" + reference.name() + "\" is a " + named.get(0).kind() + ", not a " + wanted;
      Set<String> candidates = new TreeSet<>();
      byName.forEach(
          (name, nodes) -> {
            if (nodes.stream().anyMatch(n -> reference.kinds().contains(n.kind()))) {
              candidates.add(name);
            }
          });
      problems.add(
          Diagnostic.error(
              reference.position(),
              message,
              Suggestions.didYouMean(reference.name(), candidates)
                  .orElse("name the metadata.name of a " + wanted + " manifest")));
      return Optional.empty();
    }
    Node to = target.get();
    for (String environment : new TreeSet<>(environments)) {
      if (from.appliesTo(environment) && !to.appliesTo(environment)) {
        problems.add(
            Diagnostic.error(
                reference.position(),
                to.kind()
                    + " \""
                    + to.name()
                    + "\" is not declared for environment \""
                    + environment
                    + "\", where "
                    + from.kind()
                    + " \""
                    + from.name()
                    + "\" is",
                "add "
                    + environment
                    + " to its metadata.environments, or remove it from this one's"));
      }
    }
    return Optional.of(to.address());
  }

  private void cycles(List<KindDocuments.Declared> resolved) {
    Map<String, KindDocuments.Declared> pipeline = new HashMap<>();
    resolved.forEach(d -> pipeline.put(d.resource().address(), d));
    Set<String> done = new HashSet<>();
    for (KindDocuments.Declared d : resolved) {
      visit(d.resource().address(), pipeline, new ArrayList<>(), done);
    }
  }

  private void visit(
      String address,
      Map<String, KindDocuments.Declared> pipeline,
      List<String> path,
      Set<String> done) {
    KindDocuments.Declared d = pipeline.get(address);
    if (d == null || done.contains(address)) {
      return;
    }
    int at = path.indexOf(address);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(address);
      problems.add(
          Diagnostic.error(
              d.resource().position(),
              "a cycle of references: " + String.join(" -> ", cycle),
              "a resource cannot depend on itself, directly or not"));
      done.addAll(cycle);
      return;
    }
    path.add(address);
    for (String next : d.resource().dependsOn()) {
      visit(next, pipeline, path, done);
    }
    path.remove(path.size() - 1);
    done.add(address);
  }
}
