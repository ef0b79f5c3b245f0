package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Plans the resources of pipeline kinds over their dependency graph. Pure. Walks them in dependency
 * order, so that each sees what happens to what it references: a dependency created anew (new id)
 * drags its recorded dependents into a replacement, and an updated dependency whose updates a
 * reference follows (a mapping set's new version) drags its dependents into an update. A resource
 * {@code spec.imports} declares for an address state lacks is imported: read by its declared id.
 */
final class ResourcePlans {
  /** What the plan shows for an id that only apply will know. */
  static final String KNOWN_AFTER_APPLY = ResourceIds.KNOWN_AFTER_APPLY;

  private ResourcePlans() {}

  /**
   * @param recorded state's records, moves applied
   * @param planned the connections' changes, by address (what a source connection's base connection
   *     does)
   */
  static List<Change> plan(
      DesiredState desired,
      SortedMap<String, ResourceState> recorded,
      Map<String, Change> planned,
      RemoteView remote,
      PlanOptions options,
      List<Diagnostic> errors) {
    Map<String, Change> changes = new HashMap<>(planned);
    List<Change> out = new ArrayList<>();
    for (DesiredResource wanted : ResourceOrder.inOrder(desired.resources())) {
      Optional<DeclaredImport> declared = desired.environment().importOf(wanted.address());
      ResourceState was = recorded.get(wanted.address());
      if (declared.isPresent() && was == null) {
        Optional<Change> imported =
            ResourceImports.plan(
                wanted,
                declared.get(),
                desired.environment().sandbox(),
                recorded,
                changes,
                remote,
                errors);
        imported.ifPresent(
            c -> {
              changes.put(wanted.address(), c);
              out.add(c);
            });
        continue;
      }
      if (declared.isPresent()) {
        Imports.alreadyInState(declared.get(), was, desired.environment().name())
            .ifPresent(errors::add);
      }
      Change change = ResourceChanges.plan(wanted, recorded, changes, remote, options);
      if (change.action() == Action.REPLACE
          && !options.allowReplace()
          && change.reason() != Reason.REPLACE_REQUESTED
          && options.targets(change.address())) {
        errors.add(
            Diagnostic.error(
                wanted.position(),
                change.address()
                    + ": "
                    + change.attributes().stream()
                        .map(AttributeChange::path)
                        .filter(p -> wanted.replacesOn(p) || isReference(wanted, p))
                        .findFirst()
                        .map(p -> p + " cannot change in place")
                        .orElse(change.reason().description()),
                "run again with --allow-replace to delete " + change.id() + " and create it anew"));
      }
      changes.put(wanted.address(), change);
      out.add(change);
    }
    return out;
  }

  private static boolean isReference(DesiredResource wanted, String path) {
    return wanted.references().stream().anyMatch(r -> r.field().equals(path) && r.replaceOnly());
  }
}
