package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.flowform.registry.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The JSON Schemas under schemas/ and the validator accept and refuse the same files. */
class SchemaAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, JsonSchema> schemas;

  @BeforeAll
  static void loadSchemas() throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    schemas =
        Map.of(
            "HubSpotConnection", schema(factory, "schemas/hubspot-connection.schema.json"),
            "Environment", schema(factory, "schemas/environment.schema.json"),
            "SourceConnection", schema(factory, "schemas/source-connection.schema.json"),
            "TargetConnection", schema(factory, "schemas/target-connection.schema.json"),
            "MappingSet", schema(factory, "schemas/mapping-set.schema.json"),
            "Dataflow", schema(factory, "schemas/dataflow.schema.json"),
            "Connection", schema(factory, "schemas/connection.schema.json"));
  }

  private static JsonSchema schema(JsonSchemaFactory factory, String path) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      return factory.getSchema(in);
    }
  }

  static List<CorpusCase> structuralCases() throws URISyntaxException {
    return BadManifestCorpusTest.corpus().stream().filter(c -> !c.schemaExempt()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structuralCases")
  void theSchemaRefusesExactlyTheFilesTheValidatorRefuses(CorpusCase input) throws IOException {
    Set<String> refusedByValidator =
        input.load().diagnostics().errors().map(d -> d.position().file()).collect(toSortedSet());
    Set<String> refusedBySchema = refusedBySchema(input.dir(), input.dir().resolve("manifests"));
    assertFalse(refusedByValidator.isEmpty());
    assertEquals(refusedByValidator, refusedBySchema);
  }

  @Test
  void theSchemaAndTheValidatorAcceptEveryExampleManifest() throws IOException {
    Path workDir = Path.of("").toAbsolutePath();
    LoadResult result =
        new ManifestLoader(workDir, Map.of(), List.of(), value -> {}, Kinds.all().manifests())
            .load(Path.of("manifests"), Optional.empty(), Resolution.STRUCTURE);
    assertFalse(result.diagnostics().hasErrors(), result.diagnostics().toString());
    assertEquals(Set.of(), refusedBySchema(workDir, workDir.resolve("manifests")));
  }

  @Test
  void everyExampleManifestNamesItsSchema() throws IOException {
    for (Path file : yamlFiles(Path.of("manifests"))) {
      String first = Files.readAllLines(file).get(0);
      String text = Files.readString(file);
      String kind =
          text.contains("kind: Environment")
              ? "environment"
              : text.contains("kind: SourceConnection")
                  ? "source-connection"
                  : text.contains("kind: TargetConnection")
                      ? "target-connection"
                      : text.contains("kind: MappingSet")
                          ? "mapping-set"
                          : text.contains("kind: Dataflow") ? "dataflow" : "hubspot-connection";
      assertEquals(
          "# yaml-language-server: $schema=../../schemas/" + kind + ".schema.json",
          first,
          file.toString());
    }
  }

  private static Set<String> refusedBySchema(Path workDir, Path dir) throws IOException {
    Set<String> refused = new TreeSet<>();
    for (Path file : yamlFiles(dir)) {
      try (Reader in = Files.newBufferedReader(file)) {
        for (Object document : new Yaml().loadAll(in)) {
          if (document != null && !valid(JSON.valueToTree(document))) {
            refused.add(workDir.relativize(file).toString().replace('\\', '/'));
          }
        }
      }
    }
    return refused;
  }

  private static boolean valid(JsonNode document) {
    JsonSchema schema = schemas.get(document.path("kind").asText());
    return schema != null && schema.validate(document).isEmpty();
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static java.util.stream.Collector<String, ?, TreeSet<String>> toSortedSet() {
    return Collectors.toCollection(TreeSet::new);
  }
}
