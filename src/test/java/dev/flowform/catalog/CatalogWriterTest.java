package dev.flowform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path specs;

  private static JsonNode spec(String name, String order) throws Exception {
    String auth =
        "{\"name\": \"Key\", \"type\": \"KeyAuth\", \"spec\": {\"type\": \"object\","
            + " \"properties\": {\"key\": {\"type\": \"string\", \"format\": \"password\"}}}}";
    String item =
        order.equals("a")
            ? "{\"id\": \"ID-1\", \"name\": \"%s\", \"version\": \"1.0\", \"authSpec\": [%s],"
                + " \"attributes\": {\"connectorName\": \"Acme\", \"icon\": \"x\"}}"
            : "{\"attributes\": {\"icon\": \"x\", \"connectorName\": \"Acme\"}, \"authSpec\": [%s],"
                + " \"version\": \"1.0\", \"name\": \"%s\", \"id\": \"ID-1\"}";
    return JSON.readTree(
        order.equals("a") ? item.formatted(name, auth) : item.formatted(auth, name));
  }

  @Test
  void theSameSpecsInAnotherOrderWriteTheSameBytes() throws Exception {
    CatalogWriter.Written first = CatalogWriter.write(specs, List.of(spec("acme", "a")), List.of());
    assertEquals(List.of("connections/acme.json"), first.written());
    String bytes = Files.readString(specs.resolve("connections/acme.json"));
    assertFalse(bytes.contains("icon"), bytes);

    CatalogWriter.Written second =
        CatalogWriter.write(specs, List.of(spec("acme", "b")), List.of());

    assertFalse(second.changedAnything());
    assertEquals(1, second.unchanged());
    assertEquals(bytes, Files.readString(specs.resolve("connections/acme.json")));
  }

  @Test
  void aSpecNoLongerListedIsRemovedAndTheCatalogReadsBack() throws Exception {
    CatalogWriter.write(specs, List.of(spec("acme", "a"), spec("other", "a")), List.of());
    CatalogWriter.Written again = CatalogWriter.write(specs, List.of(spec("acme", "a")), List.of());
    assertEquals(List.of("connections/other.json"), again.removed());

    CatalogFiles.Read read = CatalogFiles.read(specs, Path::toString);
    assertEquals(List.of(), read.problems());
    ConnectorSpec acme = read.catalog().connector("ACME").orElseThrow();
    assertEquals("id-1", acme.id());
    assertTrue(acme.authSpec(null).orElseThrow().secrets().contains("key"));
    assertTrue(read.catalog().connector("hubspot").isPresent(), "HubSpot is built in");
  }
}
