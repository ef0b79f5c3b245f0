package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import java.util.List;
import java.util.Map;

/** {@code --target} and {@code --replace}: which addresses they may name, and what they keep. */
final class Targets {
  private Targets() {}

  /** Every target must be in the manifests or in state; every replace in both. */
  static void check(
      DesiredState desired,
      Map<String, ResourceState> resources,
      PlanOptions options,
      List<Diagnostic> errors) {
    String environment = desired.environment().name();
    for (String target : options.targets()) {
      if (!desired.wants(target) && !resources.containsKey(target)) {
        errors.add(
            Diagnostic.error(
                null,
                "--target "
                    + target
                    + ": no connection of that address in the manifests or the state of"
                    + " environment '"
                    + environment
                    + "'",
                "flowform state list --env " + environment + " shows what state holds"));
      }
    }
    for (String replace : options.replace()) {
      if (!desired.wants(replace)) {
        errors.add(
            Diagnostic.error(
                null,
                "--replace "
                    + replace
                    + ": no connection of that address in the manifests of environment '"
                    + environment
                    + "'"));
      }
    }
  }

  /**
   * The changes the targets name, by their address or the address they move from, and what they
   * need, as Terraform takes them: a target's dependencies (for a create or update) and, for a
   * delete, the recorded resources that depend on it (deleted first).
   */
  static List<Change> only(
      List<Change> changes, PlanOptions options, Map<String, ResourceState> resources) {
    if (options.targets().isEmpty()) {
      return changes;
    }
    Map<String, Change> byAddress = new java.util.HashMap<>();
    changes.forEach(c -> byAddress.put(c.address(), c));
    java.util.Set<String> kept = new java.util.HashSet<>();
    java.util.Deque<String> next = new java.util.ArrayDeque<>();
    for (Change c : changes) {
      if (options.targets(c.address())
          || (c.movedFrom() != null && options.targets(c.movedFrom()))) {
        next.add(c.address());
      }
    }
    while (!next.isEmpty()) {
      String address = next.poll();
      Change change = byAddress.get(address);
      if (change == null || !kept.add(address)) {
        continue;
      }
      if (change.action() == Action.DELETE) {
        resources.forEach(
            (other, r) -> {
              if (r.dependsOn().containsKey(address)) {
                next.add(other);
              }
            });
      } else {
        next.addAll(change.dependsOn());
      }
    }
    return changes.stream().filter(c -> kept.contains(c.address())).toList();
  }
}
