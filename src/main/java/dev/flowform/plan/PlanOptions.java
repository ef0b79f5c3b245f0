package dev.flowform.plan;

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
 */
public record PlanOptions(
    boolean allowReplace, boolean prune, boolean adoptExisting, boolean destroy) {

  /** A plain {@code plan}: no replace, no prune, no adoption, no destroy. */
  public static final PlanOptions DEFAULTS = new PlanOptions(false, false, false, false);

  /** What {@code destroy} plans with. */
  public static final PlanOptions DESTROY = new PlanOptions(false, false, false, true);
}
