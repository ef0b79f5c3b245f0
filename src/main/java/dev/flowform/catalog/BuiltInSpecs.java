package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The specs flowform ships, so that the quick start needs no pull: HubSpot's. */
final class BuiltInSpecs {
  static final ConnectorSpec HUBSPOT = read("hubspot.json");

  private BuiltInSpecs() {}

  private static ConnectorSpec read(String resource) {
    try (InputStream in = BuiltInSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in spec " + resource + " is missing");
      }
      JsonNode json = CatalogJson.MAPPER.readTree(in);
      return CatalogJson.connector(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
