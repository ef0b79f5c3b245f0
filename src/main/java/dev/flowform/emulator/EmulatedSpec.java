package dev.flowform.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A connector's connection spec as the emulator serves it.
 *
 * @param name the slug {@code GET /connectionSpecs?property=name==...} matches
 * @param label {@code attributes.connectorName}
 * @param sourceParams the params of a source connection of this connector ({@code sourceSpec})
 */
record EmulatedSpec(
    String id,
    String name,
    String label,
    String category,
    List<AuthSpec> authSpecs,
    List<SourceParam> sourceParams) {
  static final String VERSION = "1.0";

  /**
   * One param of a source connection.
   *
   * @param type its JSON Schema type
   */
  record SourceParam(String name, String type, boolean required, String description) {}

  EmulatedSpec {
    authSpecs = List.copyOf(authSpecs);
    sourceParams = List.copyOf(sourceParams);
  }

  Optional<AuthSpec> authSpec(String specName) {
    return authSpecs.stream().filter(a -> a.name().equals(specName)).findFirst();
  }

  /** The source params a source connection must give. */
  List<String> requiredSourceParams() {
    return sourceParams.stream().filter(SourceParam::required).map(SourceParam::name).toList();
  }
}
