package dev.flowform.kinds.dataflow;

import dev.flowform.catalog.Catalog;
import dev.flowform.catalog.ConnectorSpec;
import dev.flowform.catalog.FlowSpec;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.Decided;
import dev.flowform.manifest.DesiredResource;
import dev.flowform.manifest.ResourceReference;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The flow spec of a dataflow whose manifest names none, chosen offline from the catalog: the one
 * whose source connection specs hold its source connection's and whose target connection specs hold
 * its target connection's. So a Salesforce or Snowflake pipeline is joined as a HubSpot one is, the
 * plan shows the flow spec's id, and no flow spec id is hard-coded. Pure.
 */
final class FlowSpecChoice {
  private FlowSpecChoice() {}

  static Decided of(
      DesiredResource dataflow, Function<String, Optional<String>> specAt, Catalog catalog) {
    Optional<String> source = specOf(dataflow, DataflowKind.SOURCE, specAt);
    Optional<String> target = specOf(dataflow, DataflowKind.TARGET, specAt);
    if (source.isEmpty() || target.isEmpty()) {
      String which = source.isEmpty() ? "source" : "target";
      return new Decided(
          dataflow,
          List.of(
              Diagnostic.error(
                  dataflow.position(),
                  dataflow.address()
                      + ": the connection spec of its "
                      + which
                      + " is not known, so no flow spec can be chosen for it",
                  "run flowform specs pull to add its connector to specs/, or name the flow spec"
                      + " in spec.flowSpec")));
    }
    List<FlowSpec> joining = catalog.flowSpecsJoining(source.get(), target.get());
    if (joining.size() == 1) {
      return Decided.as(
          dataflow.withAttribute(
              DataflowKind.FLOW_SPEC_ID, joining.get(0).id(), DataflowCalls.FLOW_SPEC_ID));
    }
    String between =
        "connection spec " + named(source.get(), catalog) + " to " + named(target.get(), catalog);
    String problem =
        joining.isEmpty()
            ? dataflow.address() + ": no flow spec of the catalog joins " + between
            : dataflow.address()
                + ": several flow specs of the catalog join "
                + between
                + ": "
                + String.join(", ", joining.stream().map(FlowSpec::name).toList());
    String hint =
        joining.isEmpty() && !catalog.flowSpecsPulled()
            ? "the catalog has no flow specs but the built-in CRMToAEP: run flowform specs pull"
                + " to write the platform's to specs/flows, or name one in spec.flowSpec"
            : "name one in spec.flowSpec";
    return new Decided(dataflow, List.of(Diagnostic.error(dataflow.position(), problem, hint)));
  }

  /** The connection spec id of the resource a reference names. */
  private static Optional<String> specOf(
      DesiredResource dataflow, String field, Function<String, Optional<String>> specAt) {
    return dataflow.references().stream()
        .filter(r -> r.field().equals(field))
        .map(ResourceReference::address)
        .filter(a -> a != null)
        .findFirst()
        .flatMap(specAt);
  }

  /** A connection spec id, with its connector's name when the catalog knows it. */
  private static String named(String specId, Catalog catalog) {
    return catalog
        .connectorById(specId)
        .map(ConnectorSpec::name)
        .map(name -> specId + " (" + name + ")")
        .orElse(specId);
  }
}
