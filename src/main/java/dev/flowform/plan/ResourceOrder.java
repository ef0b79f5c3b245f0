package dev.flowform.plan;

import dev.flowform.manifest.DesiredResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The topological order of the pipeline resources: dependencies first. Pure. */
final class ResourceOrder {
  private ResourceOrder() {}

  /** The resources, each after every resource it references (the graph has no cycle). */
  static List<DesiredResource> inOrder(Map<String, DesiredResource> resources) {
    Map<String, DesiredResource> done = new LinkedHashMap<>();
    for (DesiredResource r : resources.values()) {
      visit(r, resources, done, new TreeSet<>());
    }
    return List.copyOf(done.values());
  }

  private static void visit(
      DesiredResource r,
      Map<String, DesiredResource> resources,
      Map<String, DesiredResource> done,
      Set<String> visiting) {
    if (done.containsKey(r.address()) || !visiting.add(r.address())) {
      return;
    }
    for (String dependency : r.dependsOn()) {
      DesiredResource next = resources.get(dependency);
      if (next != null) {
        visit(next, resources, done, visiting);
      }
    }
    done.put(r.address(), r);
  }
}
