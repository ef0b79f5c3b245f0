package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.testing.StateFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StateFormatTest {
  private final StateFormat format = new StateFormat();

  @Test
  void readsBackExactlyWhatItWrote() {
    State state = StateFixtures.withResources(3).with("pending-one", StateFixtures.pending(7));

    State read = format.decode(format.encode(state), "dev.state.json");

    assertEquals(state, read);
  }

  @Test
  void writesPrettyJsonInAStableOrderEndingWithANewline() {
    String json = new String(format.encode(StateFixtures.withResources(1)), StandardCharsets.UTF_8);

    assertTrue(json.startsWith("{\n  \"formatVersion\": 1,\n  \"lineage\": "), json);
    assertTrue(json.endsWith("}\n"), json);
    assertTrue(
        json.indexOf("\"serial\"") < json.indexOf("\"environment\"")
            && json.indexOf("\"kind\"") < json.indexOf("\"status\"")
            && json.indexOf("\"accessToken\"") < json.indexOf("\"clientSecret\""),
        json);
    assertTrue(json.contains("\"createdAt\": \"2026-11-28T10:00:00Z\""), json);
    assertTrue(json.contains("\"etag\": \"\\\"d403848a-0\\\"\""), json);
  }

  @Test
  void givesTheSameBytesForTheSameState() {
    assertArrayEquals(
        format.encode(StateFixtures.withResources(5)),
        format.encode(format.decode(format.encode(StateFixtures.withResources(5)), "f")));
  }

  @Test
  void leavesOutWhatAPendingResourceDoesNotHaveYet() {
    String json =
        new String(
            format.encode(StateFixtures.empty().with("a", StateFixtures.pending(1))),
            StandardCharsets.UTF_8);

    assertTrue(json.contains("\"status\": \"pending\""), json);
    assertTrue(json.contains("\"status\": \"pending\",\n      \"name\""), json);
    assertTrue(!json.contains("\"etag\"") && !json.contains("\"createdAt\""), json);
  }

  @Test
  void refusesToWriteAnythingButAFingerprintWhereASecretWouldGo() {
    ResourceState leaky =
        new ResourceState(
            "HubSpotConnection",
            ResourceStatus.PENDING,
            null,
            null,
            "n",
            null,
            dev.flowform.model.ConnectionSpecRef.HUBSPOT,
            null,
            null,
            new java.util.TreeMap<>(java.util.Map.of("clientSecret", "plain-secret-value")),
            null,
            null);
    State state = StateFixtures.empty().with("a", leaky);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> format.encode(state));
    assertTrue(!e.getMessage().contains("plain-secret-value"), e.getMessage());
  }

  @Test
  void namesTheLineAndColumnOfBrokenJson() {
    byte[] broken = "{\n  \"formatVersion\": 1,\n  \"lineage\" \"x\"\n}\n".getBytes();

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(broken, "dev.state.json"));

    assertTrue(e.getMessage().startsWith("corrupt state file dev.state.json:3:"), e.getMessage());
    assertTrue(e.hint().contains("dev.state.json.backup"), e.hint());
  }

  @Test
  void namesAFieldOfTheWrongType() {
    String json = validJson().replace("\"serial\": 3", "\"serial\": \"three\"");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(e.getMessage().startsWith("corrupt state file s.json:4:"), e.getMessage());
    assertTrue(e.getMessage().contains("'serial' has the wrong type"), e.getMessage());
    assertTrue(!e.getMessage().contains("three"), "never echoes a value: " + e.getMessage());
  }

  @Test
  void namesAMissingRequiredField() {
    String json = validJson().replace("\"sandbox\": \"dev\",", "");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(e.getMessage().contains("missing required field 'sandbox'"), e.getMessage());
  }

  @Test
  void namesAnUnknownField() {
    String json = validJson().replace("\"kind\":", "\"knd\": \"x\", \"kind\":");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(
        e.getMessage().contains("unknown field 'knd' in 'resources.conn-00000'"), e.getMessage());
  }

  @Test
  void refusesACreatedResourceWithoutId() {
    String json = validJson().replaceFirst("\"id\": \"[^\"]*\",", "");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(e.getMessage().contains("'id' must be a non-empty string"), e.getMessage());
  }

  @Test
  void refusesAnUnknownFormatVersionSayingWhichOneItReads() {
    String json = validJson().replace("\"formatVersion\": 1", "\"formatVersion\": 2");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(e.getMessage().contains("has formatVersion 2"), e.getMessage());
    assertTrue(e.getMessage().contains("reads version 1"), e.getMessage());
    assertTrue(e.hint().contains("upgrade flowform"), e.hint());
  }

  @Test
  void refusesAnEmptyFile() {
    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(new byte[0], "s.json"));

    assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
  }

  @Test
  void refusesADuplicateKey() {
    String json =
        validJson()
            .replace("\"sandbox\": \"dev\",", "\"sandbox\": \"dev\", \"sandbox\": \"prod\",");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(e.getMessage().contains("Duplicate field 'sandbox'"), e.getMessage());
  }

  @Test
  void refusesAnExplicitNullWhereTheFormatLeavesAFieldOut() {
    String json =
        validJson()
            .replace("\"description\": \"Marketing CRM contacts 1\"", "\"description\": null");

    FlowformException e =
        assertThrows(FlowformException.class, () -> format.decode(json.getBytes(), "s.json"));

    assertTrue(
        e.getMessage()
            .matches(
                "corrupt state file s.json:\\d+:\\d+: 'resources.conn-00001.description' is null.*"),
        e.getMessage());
  }

  private String validJson() {
    return new String(format.encode(StateFixtures.withResources(3)), StandardCharsets.UTF_8);
  }
}
