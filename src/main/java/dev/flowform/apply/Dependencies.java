package dev.flowform.apply;

import dev.flowform.diag.FlowformException;
import dev.flowform.kinds.Dependency;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import dev.flowform.state.ResourceState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a pipeline resource's references hold in state: the ids and outputs its calls send. */
final class Dependencies {
  private Dependencies() {}

  static Map<String, Dependency> of(StateRecorder recorder, DesiredResource desired) {
    Map<String, Dependency> out = new LinkedHashMap<>();
    for (ResourceReference ref : desired.references()) {
      ResourceState held =
          recorder
              .resource(ref.address())
              .filter(r -> r.id() != null && !r.isPending())
              .orElseThrow(
                  () ->
                      new FlowformException(
                          desired.address() + " needs " + ref.address() + ", which has no id yet",
                          "apply " + ref.address() + " first (or without --target)"));
      SortedMap<String, String> outputs = new TreeMap<>(held.outputs());
      if (held.connectionSpec() != null) {
        outputs.put("connectionSpec.id", held.connectionSpec().id());
        outputs.put("connectionSpec.version", held.connectionSpec().version());
      }
      out.put(ref.address(), new Dependency(held.kind(), held.id(), outputs, held.attributes()));
    }
    return out;
  }

  static SortedMap<String, String> ids(
      DesiredResource desired, Map<String, Dependency> dependencies) {
    SortedMap<String, String> out = new TreeMap<>();
    desired.references().forEach(r -> out.put(r.address(), dependencies.get(r.address()).id()));
    return out;
  }
}
