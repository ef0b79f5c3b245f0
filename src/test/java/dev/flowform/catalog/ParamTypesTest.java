package dev.flowform.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void onlyTheTypesOtherThanTextAreListed() throws Exception {
    JsonNode schema =
        JSON.readTree(
            "{\"properties\": {\"host\": {\"type\": \"string\"}, \"port\": {\"type\": \"integer\"},"
                + " \"ssl\": {\"type\": \"boolean\"}, \"options\": {\"type\": \"object\"}}}");

    assertEquals(
        Map.of("port", "integer", "ssl", "boolean", "options", "object"),
        ParamTypes.of(schema, List.of("host", "port", "ssl", "options", "undefined")));
  }

  @Test
  void textReadsAsTheDeclaredType() throws Exception {
    assertEquals("5432", ParamTypes.as("5432", "integer").orElseThrow().toString());
    assertTrue(ParamTypes.as("5432", "integer").orElseThrow().isIntegralNumber());
    assertEquals("2.5", ParamTypes.as("2.5", "number").orElseThrow().toString());
    assertTrue(ParamTypes.as("2.5", "number").orElseThrow().isNumber());
    assertEquals(JSON.readTree("true"), ParamTypes.as("true", "boolean").orElseThrow());
    assertEquals(
        JSON.readTree("{\"a\": [1]}"), ParamTypes.as("{\"a\": [1]}", "object").orElseThrow());
    assertEquals(JSON.readTree("[1, 2]"), ParamTypes.as("[1, 2]", "array").orElseThrow());
  }

  @Test
  void textThatDoesNotReadAsItsTypeIsNotConverted() {
    assertEquals(Optional.empty(), ParamTypes.as("54.5", "integer"));
    assertEquals(Optional.empty(), ParamTypes.as("port", "number"));
    assertEquals(Optional.empty(), ParamTypes.as("yes", "boolean"));
    assertEquals(Optional.empty(), ParamTypes.as("[1]", "object"));
    assertEquals(Optional.empty(), ParamTypes.as("{not json", "object"));
    assertEquals(Optional.empty(), ParamTypes.as("5432", "string"));
  }

  @Test
  void whatIsSentIsTheTypedValueElseTheText() {
    assertTrue(ParamTypes.sent("443", "integer").isIntegralNumber());
    assertTrue(ParamTypes.sent("443", null).isTextual());
    assertEquals("x1", ParamTypes.sent("x1", "integer").textValue());
  }
}
