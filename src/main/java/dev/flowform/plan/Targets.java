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
      if (!desired.connections().containsKey(target) && !resources.containsKey(target)) {
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
      if (!desired.connections().containsKey(replace)) {
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

  /** The changes the targets name, by their address or the address they move from. */
  static List<Change> only(List<Change> changes, PlanOptions options) {
    if (options.targets().isEmpty()) {
      return changes;
    }
    return changes.stream()
        .filter(
            c ->
                options.targets(c.address())
                    || (c.movedFrom() != null && options.targets(c.movedFrom())))
        .toList();
  }
}
