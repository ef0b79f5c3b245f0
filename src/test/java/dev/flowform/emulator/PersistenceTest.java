package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
  @TempDir Path dir;

  @Test
  void connectionsSurviveARestartWithTheSameIdsAndEtags() {
    Path file = dir.resolve("nested/dev.emulator.json");
    EmulatorConfig config = EmulatorConfig.builder().dataFile(file).build();
    String id;
    String etag;
    String deleted;
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api api = Api.signedIn(emulator, "client-a", "dev");
      JsonNode created = api.create("kept").json();
      id = created.get("id").asText();
      etag =
          api.header("If-Match", created.get("etag").asText())
              .patch(
                  "/connections/" + id,
                  "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"renamed\"}]")
              .json()
              .get("etag")
              .asText();
      deleted = api.create("deleted").json().get("id").asText();
      assertEquals(204, api.without("If-Match").delete("/connections/" + deleted).status());
    }
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api api = Api.signedIn(emulator, "client-a", "dev");
      JsonNode item = api.get("/connections/" + id).json().get("items").get(0);
      assertEquals("renamed", item.get("name").asText());
      assertEquals(etag, item.get("etag").asText());
      assertEquals(404, api.get("/connections/" + deleted).status());
      String another = api.create("after restart").json().get("id").asText();
      assertNotEquals(id, another);
      assertEquals(2, emulator.connections("dev").size());
    }
  }

  @Test
  void theDataFileHoldsNoSecretValueOnlyDigests() throws IOException {
    Path file = dir.resolve("data.json");
    try (FlowServiceEmulator emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().dataFile(file).build())) {
      Api.signedIn(emulator, "client-a", "dev").create("secretive");
    }
    String content = Files.readString(file);
    assertTrue(content.contains("hub-client"), content);
    assertFalse(content.contains("s3cret-value"), content);
    assertFalse(content.contains("access-value"), content);
    assertFalse(content.contains("refresh-value"), content);
    assertTrue(content.contains("sha256:"), content);
    assertFalse(Files.exists(dir.resolve("data.json.tmp")));
  }

  @Test
  void aDigestStaysTheSameAcrossRewrites() throws IOException {
    Path file = dir.resolve("data.json");
    EmulatorConfig config = EmulatorConfig.builder().dataFile(file).build();
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api.signedIn(emulator, "client-a", "dev").create("one");
    }
    String before = emulator(config).connections("dev").get(0).params().get("clientSecret");
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api.signedIn(emulator, "client-a", "dev").create("two");
      assertEquals(before, emulator.connections("dev").get(0).params().get("clientSecret"));
    }
    assertTrue(Files.readString(file).contains(before));
  }

  @Test
  void aCorruptDataFileStopsTheStartAndIsLeftAsItWas() throws IOException {
    Path file = dir.resolve("data.json");
    Files.writeString(file, "{\"formatVersion\": 1, \"connections\": [");
    FlowformException error =
        assertThrows(
            FlowformException.class,
            () -> FlowServiceEmulator.start(EmulatorConfig.builder().dataFile(file).build()));
    assertTrue(error.getMessage().contains("not valid"), error.getMessage());
    assertEquals("{\"formatVersion\": 1, \"connections\": [", Files.readString(file));
  }

  private FlowServiceEmulator emulator(EmulatorConfig config) {
    FlowServiceEmulator emulator = FlowServiceEmulator.start(config);
    emulator.close();
    return emulator;
  }
}
