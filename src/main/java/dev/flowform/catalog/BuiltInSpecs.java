package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The specs flowform ships, so that the quick start needs no pull: HubSpot's, and the flow spec
 * that joins it to the Data Lake (CRMToAEP).
 */
final class BuiltInSpecs {
  static final ConnectorSpec HUBSPOT = CatalogJson.connector(read("hubspot.json"));
  static final FlowSpec CRM_TO_AEP = CatalogJson.flowSpec(read("crmtoaep.json"));

  private BuiltInSpecs() {}

  private static JsonNode read(String resource) {
    try (InputStream in = BuiltInSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in spec " + resource + " is missing");
      }
      return CatalogJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
