package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans the resources of pipeline kinds over their dependency graph. Pure. Walks them in dependency
 * order, so that each sees what happens to what it references: a dependency created anew (new id)
 * drags its recorded dependents into a replacement, and an updated dependency whose updates a
 * reference follows (a mapping set's new version) drags its dependents into an update. A resource
 * {@code spec.imports} declares for an address state lacks is imported: read by its declared id.
 */
final class ResourcePlans {
  /** What the plan shows for an id that only apply will know. */
  static final String KNOWN_AFTER_APPLY = "(known after apply)";

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
    for (DesiredResource wanted : inOrder(desired.resources())) {
      Optional<DeclaredImport> declared = desired.environment().importOf(wanted.address());
      ResourceState was = recorded.get(wanted.address());
      if (declared.isPresent() && was == null) {
        Optional<Change> imported =
            importOne(
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
      Change change = planOne(wanted, recorded, changes, remote, options);
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

  /** The records of pipeline kinds no manifest wants: orphans, or deletes when pruning. */
  static List<Change> removals(
      DesiredState desired,
      SortedMap<String, ResourceState> recorded,
      Reason reason,
      boolean delete,
      RemoteView remote) {
    List<Change> out = new ArrayList<>();
    recorded.forEach(
        (address, r) -> {
          if (r.isPipeline() && !desired.wants(address)) {
            out.add(removal(address, r, reason, delete, remote));
          }
        });
    return out;
  }

  static Change removal(
      String address, ResourceState r, Reason reason, boolean delete, RemoteView remote) {
    String etag = remote.resource(address).map(RemoteResource::etag).orElse(r.etag());
    return new Change(
        address,
        delete ? Action.DELETE : Action.ORPHAN,
        reason,
        r.id(),
        etag,
        nameOf(address, r.name()),
        List.of(),
        List.of(),
        null,
        r.kind(),
        List.of());
  }

  /**
   * A declared import of an address state lacks: what the refresh read by the declared id through
   * the kind, compared with the manifest (apply records it as the platform holds it; the next plan
   * updates what differs). Planned offline, it shows no attributes.
   */
  private static Optional<Change> importOne(
      DesiredResource wanted,
      DeclaredImport declared,
      String sandbox,
      SortedMap<String, ResourceState> recorded,
      Map<String, Change> changes,
      RemoteView remote,
      List<Diagnostic> errors) {
    String id = declared.id();
    String problem = null;
    String hint = null;
    for (Map.Entry<String, ResourceState> e : recorded.entrySet()) {
      if (!e.getKey().equals(wanted.address()) && id.equals(e.getValue().id())) {
        problem = id + " is already recorded as '" + e.getKey() + "'";
        hint = "a resource is managed under one address; flowform state mv moves it";
        break;
      }
    }
    if (problem == null && remote.importsMissing().contains(id)) {
      problem = "no " + wanted.kind() + " " + id + " in sandbox '" + sandbox + "'";
      hint =
          "check the id: spec.imports takes the " + wanted.kind() + "'s own id, not another kind's";
    }
    if (problem != null) {
      errors.add(
          Diagnostic.error(
              declared.position(), "cannot import '" + wanted.address() + "': " + problem, hint));
      return Optional.empty();
    }
    RemoteResource read = remote.resource(wanted.address()).orElse(null);
    List<AttributeChange> attributes = new ArrayList<>();
    if (read != null) {
      wanted
          .attributes()
          .forEach(
              (path, after) -> {
                String before = read.attributes().get(path);
                if (before != null && !before.equals(after)) {
                  attributes.add(AttributeChange.plain(path, before, after));
                }
              });
      for (ResourceReference ref : wanted.references()) {
        String before = read.references().get(ref.field());
        String now = idOf(ref, recorded, changes);
        if (!Objects.equals(before, now)) {
          attributes.add(AttributeChange.plain(ref.field(), before, now));
        }
      }
    }
    return Optional.of(
        new Change(
            wanted.address(),
            Action.IMPORT,
            Reason.IMPORT_DECLARED,
            id,
            read == null ? null : read.etag(),
            nameOf(wanted.address(), wanted.name()),
            sorted(attributes),
            List.of(id),
            null,
            wanted.kind(),
            wanted.dependsOn()));
  }

  private static Change planOne(
      DesiredResource wanted,
      SortedMap<String, ResourceState> recorded,
      Map<String, Change> changes,
      RemoteView remote,
      PlanOptions options) {
    ResourceState was = recorded.get(wanted.address());
    List<String> dependsOn = wanted.dependsOn();
    if (was == null || was.isPending() || remote.missing().contains(wanted.address())) {
      Reason reason =
          was == null
              ? Reason.NEW
              : was.isPending() ? Reason.PENDING_RECOVERY : Reason.DELETED_REMOTELY;
      List<AttributeChange> attributes = new ArrayList<>();
      wanted.attributes().forEach((p, v) -> attributes.add(AttributeChange.plain(p, null, v)));
      for (ResourceReference ref : wanted.references()) {
        attributes.add(AttributeChange.plain(ref.field(), null, idOf(ref, recorded, changes)));
      }
      return new Change(
          wanted.address(),
          Action.CREATE,
          reason,
          null,
          null,
          nameOf(wanted.address(), wanted.name()),
          sorted(attributes),
          List.of(),
          null,
          wanted.kind(),
          dependsOn);
    }
    Map<String, String> baseline = new TreeMap<>(was.attributes());
    wanted
        .formerOutputs()
        .forEach(
            (pointer, output) -> {
              if (!baseline.containsKey(pointer) && was.outputs().containsKey(output)) {
                baseline.put(pointer, was.outputs().get(output));
              }
            });
    RemoteResource read = remote.resource(wanted.address()).orElse(null);
    boolean drift = false;
    if (read != null) {
      for (Map.Entry<String, String> e : read.attributes().entrySet()) {
        if (was.attributes().containsKey(e.getKey())
            || wanted.attributes().containsKey(e.getKey())) {
          drift |= !Objects.equals(baseline.put(e.getKey(), e.getValue()), e.getValue());
        }
      }
    }
    List<AttributeChange> attributes = new ArrayList<>();
    Set<String> paths = new TreeSet<>(baseline.keySet());
    paths.addAll(wanted.attributes().keySet());
    boolean replace = false;
    boolean forced = false;
    for (String path : paths) {
      String before = baseline.get(path);
      String after = wanted.attributes().get(path);
      if (!Objects.equals(before, after)) {
        attributes.add(AttributeChange.plain(path, before, after));
        forced |= wanted.replacesOn(path);
      }
    }
    boolean dependencyNew = false;
    boolean dependencyUpdated = false;
    for (ResourceReference ref : wanted.references()) {
      String recordedId = was.dependsOn().get(ref.address());
      Change depChange = changes.get(ref.address());
      boolean renewed = createsAnew(depChange);
      String now = idOf(ref, recorded, changes);
      if (recordedId == null || renewed || !recordedId.equals(now)) {
        attributes.add(AttributeChange.plain(ref.field(), recordedId, now));
        dependencyNew = true;
        replace |= ref.replaceOnly() || renewed;
      } else if (ref.followsUpdates() && depChange != null && depChange.action() == Action.UPDATE) {
        attributes.add(
            AttributeChange.plain(
                ref.field() + " (version)", recordedId, recordedId + " " + KNOWN_AFTER_APPLY));
        dependencyUpdated = true;
      }
    }
    Action action;
    Reason reason;
    if (options.replace().contains(wanted.address())) {
      action = Action.REPLACE;
      reason = Reason.REPLACE_REQUESTED;
    } else if (forced || replace) {
      action = Action.REPLACE;
      reason = forced ? Reason.FORCES_REPLACEMENT : Reason.DEPENDENCY_REPLACED;
    } else if (!attributes.isEmpty()) {
      action = Action.UPDATE;
      reason =
          drift
              ? Reason.CHANGED_REMOTELY
              : dependencyUpdated && !dependencyNew && attributes.size() == 1
                  ? Reason.DEPENDENCY_UPDATED
                  : Reason.MANIFEST_CHANGED;
    } else {
      action = Action.NOOP;
      reason = Reason.UP_TO_DATE;
    }
    String etag = read != null && read.etag() != null ? read.etag() : was.etag();
    return new Change(
        wanted.address(),
        action,
        reason,
        was.id(),
        etag,
        nameOf(wanted.address(), wanted.name()),
        sorted(attributes),
        List.of(),
        null,
        wanted.kind(),
        dependsOn);
  }

  private static boolean isReference(DesiredResource wanted, String path) {
    return wanted.references().stream().anyMatch(r -> r.field().equals(path) && r.replaceOnly());
  }

  /** True when the change gives its resource a new id. */
  static boolean createsAnew(Change change) {
    return change != null
        && ((change.action() == Action.CREATE && !change.adopts())
            || change.action() == Action.REPLACE);
  }

  /** The id a reference will hold: recorded, unless apply will make it anew. */
  private static String idOf(
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

  private static String nameOf(String address, String name) {
    return name != null ? name : address;
  }

  private static List<AttributeChange> sorted(List<AttributeChange> attributes) {
    List<AttributeChange> out = new ArrayList<>(attributes);
    out.sort(java.util.Comparator.comparing(AttributeChange::path));
    return out;
  }

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
