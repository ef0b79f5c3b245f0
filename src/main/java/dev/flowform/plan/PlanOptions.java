package dev.flowform.plan;

import java.util.List;
import java.util.TreeSet;

/**
 * How the planner treats the rows of the plan table that depend on the user's flags.
 *
 * @param allowReplace plan a connection spec change as a replace (delete, then create) instead of
 *     refusing it ({@code --allow-replace})
 * @param prune delete connections that left the manifests instead of reporting them as orphans
 *     ({@code apply --prune})
 * @param adoptExisting adopt the single connection of the same name the platform already has
 *     instead of reporting a conflict ({@code --adopt-existing})
 * @param destroy plan the deletion of every connection the state manages ({@code destroy})
 * @param targets when not empty, plan only these addresses ({@code --target}); sorted
 * @param replace addresses to delete and create again whatever they hold ({@code --replace})
 */
public record PlanOptions(
    boolean allowReplace,
    boolean prune,
    boolean adoptExisting,
    boolean destroy,
    List<String> targets,
    List<String> replace) {

  public PlanOptions {
    targets = targets == null ? List.of() : new TreeSet<>(targets).stream().toList();
    replace = replace == null ? List.of() : new TreeSet<>(replace).stream().toList();
  }

  /** Options for every address, replacing none by request. */
  public PlanOptions(boolean allowReplace, boolean prune, boolean adoptExisting, boolean destroy) {
    this(allowReplace, prune, adoptExisting, destroy, List.of(), List.of());
  }

  /** These options, limited to {@code addresses} and forcing the replacement of {@code replace}. */
  public PlanOptions targeting(List<String> addresses, List<String> replace) {
    return new PlanOptions(allowReplace, prune, adoptExisting, destroy, addresses, replace);
  }

  /** True when the address is planned: no target given, or one of them. */
  public boolean targets(String address) {
    return targets.isEmpty() || targets.contains(address);
  }

  /** A plain {@code plan}: no replace, no prune, no adoption, no destroy. */
  public static final PlanOptions DEFAULTS = new PlanOptions(false, false, false, false);

  /** What {@code destroy} plans with. */
  public static final PlanOptions DESTROY = new PlanOptions(false, false, false, true);
}
