package dev.flowform.plan;

import dev.flowform.manifest.ResourceReference;
import dev.flowform.state.ResourceState;
import java.util.Map;
import java.util.SortedMap;

/** The id a reference between pipeline resources will hold once the plan is applied. Pure. */
final class ResourceIds {
  /** What the plan shows for an id that only apply will know. */
  static final String KNOWN_AFTER_APPLY = "(known after apply)";

  private ResourceIds() {}

  /** True when the change gives its resource a new id. */
  static boolean createsAnew(Change change) {
    return change != null
        && ((change.action() == Action.CREATE && !change.adopts())
            || change.action() == Action.REPLACE);
  }

  /** The id a reference will hold: recorded, unless apply will make it anew. */
  static String idOf(
      ResourceReference ref,
      SortedMap<String, ResourceState> recorded,
      Map<String, Change> changes) {
    Change change = ref.address() == null ? null : changes.get(ref.address());
    if (ref.address() == null || createsAnew(change)) {
      return KNOWN_AFTER_APPLY;
    }
    if (change != null && change.action() == Action.IMPORT && change.id() != null) {
      return change.id(); // adopted by a declared import: its id is known
    }
    ResourceState dependency = recorded.get(ref.address());
    return dependency == null || dependency.id() == null ? KNOWN_AFTER_APPLY : dependency.id();
  }
}
