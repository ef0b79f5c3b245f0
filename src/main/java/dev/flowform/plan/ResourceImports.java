package dev.flowform.plan;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.DeclaredImport;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.model.RemoteResource;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/** Plans a pipeline resource {@code spec.imports} declares for an address state lacks. Pure. */
final class ResourceImports {
  private ResourceImports() {}

  /**
   * A declared import of an address state lacks: what the refresh read by the declared id through
   * the kind, compared with the manifest (apply records it as the platform holds it; the next plan
   * updates what differs). Planned offline, it shows no attributes.
   */
  static Optional<Change> plan(
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
        String now = ResourceIds.idOf(ref, recorded, changes);
        if (!Objects.equals(before, now)) {
          attributes.add(AttributeChange.plain(ref.field(), before, now));
        }
      }
    }
    return Optional.of(
        PipelineChanges.row(
            wanted.address(),
            wanted.name(),
            Action.IMPORT,
            Reason.IMPORT_DECLARED,
            id,
            read == null ? null : read.etag(),
            attributes,
            List.of(id),
            wanted.kind(),
            wanted.dependsOn()));
  }
}
