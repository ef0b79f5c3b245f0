package dev.flowform.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowform.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonPlanRendererTest {
  private static final Path SCHEMA = Path.of("schemas", "plan.schema.json");
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonPlanRenderer renderer = new JsonPlanRenderer();

  @Test
  void everySamplePlanMatchesThePublishedSchema() throws IOException {
    JsonSchema schema = schema();
    for (Plan plan :
        List.of(
            SamplePlans.small(),
            SamplePlans.everything(false),
            SamplePlans.everything(true),
            SamplePlans.upToDate(),
            SamplePlans.withoutSecrets(),
            SamplePlans.conflictOnly(),
            SamplePlans.declared(),
            SamplePlans.targeted())) {
      Set<ValidationMessage> errors = schema.validate(mapper.readTree(renderer.render(plan)));
      assertTrue(errors.isEmpty(), () -> errors.toString());
    }
  }

  @Test
  void movesImportsAndTargetsAreCarriedForScripts() throws IOException {
    JsonNode declared = mapper.readTree(renderer.render(SamplePlans.declared()));
    assertEquals(1, declared.get("summary").get("move").asInt());
    assertEquals(1, declared.get("summary").get("import").asInt());
    JsonNode moved = declared.get("changes").get(1);
    assertEquals("c", moved.get("address").asText());
    assertEquals("update", moved.get("action").asText());
    assertEquals("old-c", moved.get("movedFrom").asText());
    JsonNode imported = declared.get("changes").get(2);
    assertEquals("import", imported.get("action").asText());
    assertTrue(imported.toString().contains("\"notComparable\":\"imported\""), imported.toString());
    JsonNode targeted = mapper.readTree(renderer.render(SamplePlans.targeted()));
    assertEquals("sales-hubspot", targeted.get("targets").get(0).asText());
    assertEquals(1, targeted.get("changes").size());
  }

  @Test
  void theSchemaRejectsAValueOnASensitiveAttribute() throws IOException {
    ObjectNode json = (ObjectNode) mapper.readTree(renderer.render(SamplePlans.small()));
    ObjectNode secret = (ObjectNode) json.at("/changes/0/attributes/5");
    assertEquals("/auth/params/accessToken", secret.get("path").asText());
    secret.put("after", "leaked");

    assertFalse(schema().validate(json).isEmpty());
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema meta =
        factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertEquals(Set.of(), meta.validate(mapper.readTree(Files.readString(SCHEMA))));
  }

  @Test
  void fieldsComeInAStableOrderUnderAVersion() throws IOException {
    JsonNode json = mapper.readTree(renderer.render(SamplePlans.small()));

    assertEquals("1", json.get("formatVersion").asText());
    assertEquals(
        List.of(
            "formatVersion",
            "environment",
            "sandbox",
            "lineage",
            "serial",
            "manifestDigest",
            "refreshed",
            "hasChanges",
            "summary",
            "targets",
            "unresolved",
            "changes",
            "duplicates"),
        fieldNames(json));
    assertEquals(
        List.of(
            "address",
            "action",
            "reason",
            "adopt",
            "name",
            "id",
            "etag",
            "movedFrom",
            "kind",
            "dependsOn",
            "remoteIds",
            "attributes"),
        fieldNames(json.get("changes").get(1)));
    assertTrue(renderer.render(SamplePlans.small()).startsWith("{\n  \"formatVersion\": \"1\",\n"));
  }

  @Test
  void anUpdateShowsBeforeAndAfterAndASensitiveChangeNeither() throws IOException {
    JsonNode update = mapper.readTree(renderer.render(SamplePlans.small())).get("changes").get(1);

    assertEquals("update", update.get("action").asText());
    assertEquals("manifest-changed", update.get("reason").asText());
    assertEquals("HubSpot sales", update.at("/attributes/0/before").asText());
    assertEquals("HubSpot sales (eu)", update.at("/attributes/0/after").asText());
    assertEquals(List.of("path", "sensitive"), fieldNames(update.at("/attributes/1")));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonSchema schema() throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    return factory.getSchema(mapper.readTree(Files.readString(SCHEMA)));
  }
}
