package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.flowform.diag.FlowformException;
import dev.flowform.testing.StateFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** schemas/state.schema.json and the reader accept and refuse the same files. */
class StateSchemaTest {
  private static final Path SCHEMA = Path.of("schemas", "state.schema.json");
  private final ObjectMapper json = new ObjectMapper();
  private final StateFormat format = new StateFormat();

  @Test
  void aWrittenStateMatchesTheSchema(@TempDir Path dir) throws IOException {
    State state = StateFixtures.withResources(2).with("waiting", StateFixtures.pending(9));
    FileStateStore store = new FileStateStore(dir.resolve("dev.state.json"));
    store.write(state);

    Set<ValidationMessage> problems =
        schema().validate(json.readTree(Files.readAllBytes(store.file())));

    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void theSchemaIsADraft202012Schema() throws IOException {
    JsonNode schema = json.readTree(SCHEMA.toFile());

    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown format version | \"formatVersion\": 1 | \"formatVersion\": 2",
        "negative serial | \"serial\": 2, | \"serial\": -1,",
        "serial as text | \"serial\": 2, | \"serial\": \"2\",",
        "missing sandbox | \"sandbox\": \"dev\", | ''",
        "empty lineage | \"lineage\": \"5b0c3c1e-7a4c-4f1e-9d55-2a8c2d1e9f00\" |"
            + " \"lineage\": \"\"",
        "unknown field | \"environment\": | \"extra\": true, \"environment\":",
        "unknown status | \"status\": \"created\" | \"status\": \"done\"",
        "created without etag | \"etag\": \"\\\"d403848a-0\\\"\", | ''",
        "plain secret | \"sha256:c7 | \"c7",
        "upper-case address | \"conn-00000\": | \"Conn-00000\":",
        "instant with an offset | 10:00:00Z | 11:00:00+01:00",
        "null description | \"Marketing CRM contacts 0\" | null",
        "number as param | \"client-0\" | 7",
        "missing connection spec version | \"version\": \"1.0\" | \"v\": \"1.0\"",
      })
  void theSchemaAndTheReaderRefuseTheSameMistakes(String mistake, String from, String to)
      throws IOException {
    String valid =
        new String(format.encode(StateFixtures.withResources(2)), StandardCharsets.UTF_8);
    String broken = valid.replaceFirst(java.util.regex.Pattern.quote(from), to);
    assertFalse(broken.equals(valid), "the mutation applies: " + mistake);

    Set<ValidationMessage> problems = schema().validate(json.readTree(broken));

    assertFalse(problems.isEmpty(), "schema accepted: " + mistake);
    assertThrows(
        FlowformException.class,
        () -> format.decode(broken.getBytes(StandardCharsets.UTF_8), "s.json"),
        "reader accepted: " + mistake);
  }

  private JsonSchema schema() throws IOException {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
  }
}
