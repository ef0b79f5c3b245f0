package dev.flowform.cli.render;

import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Change;
import dev.flowform.plan.Plan;
import dev.flowform.registry.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dependency graph as Mermaid ({@code flowchart LR}), which GitHub renders: each resource a node
 * labelled with its kind and address, each reference an arrow from the resource to what it uses.
 */
public final class MermaidGraph {
  private final Kinds kinds = Kinds.all();

  /** Every resource an environment's manifests want, and what each depends on. */
  public String of(DesiredState desired) {
    Map<String, String> labels = new LinkedHashMap<>();
    List<String[]> edges = new ArrayList<>();
    desired.connections().keySet().forEach(a -> labels.put(a, "connection"));
    for (DesiredResource r : desired.resources().values()) {
      labels.put(r.address(), kinds.label(r.kind()));
      r.dependsOn().forEach(d -> edges.add(new String[] {r.address(), d}));
    }
    return render(labels, edges, Map.of());
  }

  /** What a plan changes, with the resources those changes depend on. */
  public String of(Plan plan) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> actions = new LinkedHashMap<>();
    List<String[]> edges = new ArrayList<>();
    Map<String, Change> byAddress = new LinkedHashMap<>();
    plan.changes().forEach(c -> byAddress.put(c.address(), c));
    for (Change c : plan.changes()) {
      if (!c.action().mutates()) {
        continue;
      }
      labels.put(c.address(), kinds.label(c.kind()));
      actions.put(c.address(), c.action().symbol().strip());
      for (String d : c.dependsOn()) {
        Change dependency = byAddress.get(d);
        labels.putIfAbsent(d, dependency == null ? "resource" : kinds.label(dependency.kind()));
        edges.add(new String[] {c.address(), d});
      }
    }
    return render(labels, edges, actions);
  }

  private static String render(
      Map<String, String> labels, List<String[]> edges, Map<String, String> actions) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new LinkedHashMap<>();
    for (String address : labels.keySet()) {
      ids.put(address, "n" + ids.size());
    }
    labels.forEach(
        (address, label) -> {
          String action = actions.get(address);
          out.append("  ")
              .append(ids.get(address))
              .append("[\"")
              .append(action == null ? "" : escape(action) + " ")
              .append(escape(label))
              .append("<br/>")
              .append(escape(address))
              .append("\"]\n");
        });
    Set<String> seen = new TreeSet<>();
    for (String[] edge : edges) {
      String line = "  " + ids.get(edge[0]) + " --> " + ids.get(edge[1]) + "\n";
      if (seen.add(line)) {
        out.append(line);
      }
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
