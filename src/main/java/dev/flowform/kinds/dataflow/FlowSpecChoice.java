package dev.flowform.kinds.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.Collection;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.kinds.Dependency;
import dev.flowform.kinds.FlatJson;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flow spec of a dataflow whose manifest names none: the one whose source connection specs hold
 * its source connection's and whose target connection specs hold its target connection's, as the
 * platform lists them ({@code GET /flowSpecs}). So a Salesforce or Snowflake pipeline is joined as
 * a HubSpot one is, and no flow spec id is ever hard-coded.
 */
final class FlowSpecChoice {
  private final PlatformResources platform;

  FlowSpecChoice(PlatformResources platform) {
    this.platform = platform;
  }

  JsonNode of(DesiredResource desired, Map<String, Dependency> dependencies) {
    String source =
        specOf(desired, DataflowKind.SOURCE, dependencies, Collection.SOURCE_CONNECTIONS);
    String target =
        specOf(desired, DataflowKind.TARGET, dependencies, Collection.TARGET_CONNECTIONS);
    List<JsonNode> joining =
        platform.list(Collection.FLOW_SPECS, null).stream()
            .filter(spec -> holds(spec, "sourceConnectionSpecIds", source))
            .filter(spec -> holds(spec, "targetConnectionSpecIds", target))
            .toList();
    if (joining.size() == 1) {
      return joining.get(0);
    }
    throw new FlowformException(
        joining.isEmpty()
            ? desired.address()
                + ": no flow spec of the platform joins connection spec "
                + source
                + " to "
                + target
            : desired.address()
                + ": several flow specs join connection spec "
                + source
                + " to "
                + target
                + " ("
                + String.join(", ", joining.stream().map(s -> FlatJson.text(s, "name")).toList())
                + ")",
        "name one in spec.flowSpec");
  }

  /** The connection spec id of the referenced connection, read from the platform by its id. */
  private String specOf(
      DesiredResource desired,
      String field,
      Map<String, Dependency> dependencies,
      Collection collection) {
    Optional<ResourceReference> reference =
        desired.references().stream().filter(r -> r.field().equals(field)).findFirst();
    String id = reference.map(r -> dependencies.get(r.address()).id()).orElse(null);
    return Optional.ofNullable(id)
        .flatMap(i -> platform.get(collection, i))
        .map(node -> node.at("/connectionSpec/id").asText(null))
        .orElseThrow(
            () ->
                new FlowformException(
                    desired.address() + ": cannot read the connection spec of its " + field,
                    "name the flow spec in spec.flowSpec"));
  }

  private static boolean holds(JsonNode spec, String field, String id) {
    for (JsonNode one : spec.path(field)) {
      if (one.asText().equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
  }
}
