package dev.flowform.manifest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.SourceMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      {"type": "object",
       "properties": {
         "region": {"type": "string", "enum": ["eu", "us"]},
         "account": {"type": "string", "pattern": "^[a-z]+$"},
         "port": {"type": "integer"},
         "secret": {"type": "string", "format": "password"}},
       "required": ["region", "serviceUri"]}
      """;

  private final SchemaParams schemas = new SchemaParams();

  private List<Diagnostic> check(String params, Set<String> opaque) throws Exception {
    return schemas.check(
        (ObjectNode) JSON.readTree(SCHEMA),
        JSON.readTree(params),
        "/spec/auth/params",
        opaque,
        new SourceMap("c.yaml"),
        "x (Basic)");
  }

  private static List<String> messages(List<Diagnostic> found, Severity severity) {
    return found.stream().filter(d -> d.severity() == severity).map(Diagnostic::message).toList();
  }

  @Test
  void aRequiredNameTheSpecDoesNotDefineIsOnlyAWarning() throws Exception {
    List<Diagnostic> found = check("{\"region\": \"eu\"}", Set.of());
    assertEquals(List.of(), messages(found, Severity.ERROR));
    assertEquals(
        List.of("x (Basic) lists 'serviceUri' as required but does not define it"),
        messages(found, Severity.WARNING));
  }

  @Test
  void enumsPatternsAndTypesAreErrorsThatNeverQuoteTheValue() throws Exception {
    List<String> errors =
        messages(
            check(
                "{\"region\": \"mars\", \"account\": \"Not-Lower\", \"port\": \"x1\","
                    + " \"secret\": 42}",
                Set.of()),
            Severity.ERROR);
    assertEquals(4, errors.size(), errors.toString());
    assertTrue(
        errors.contains("spec.auth.params.region must be one of [\"eu\",\"us\"]"),
        errors.toString());
    assertTrue(
        errors.contains("spec.auth.params.account does not match the pattern ^[a-z]+$"),
        errors.toString());
    assertTrue(
        errors.contains("spec.auth.params.port must be integer, not text"), errors.toString());
    assertTrue(
        errors.contains("spec.auth.params.secret must be string, not a number"), errors.toString());
    errors.forEach(
        e -> assertFalse(e.contains("mars") || e.contains("Not-Lower") || e.contains("42"), e));
  }

  @Test
  void textThatReadsAsANumberIsCheckedAsOne() throws Exception {
    assertEquals(
        List.of(),
        messages(check("{\"region\": \"us\", \"port\": \"5432\"}", Set.of()), Severity.ERROR));
  }

  @Test
  void anUnresolvedParamIsCheckedByNameOnly() throws Exception {
    JsonNode unresolved = JSON.readTree("{\"port\": \"${env:PORT}\", \"prot\": \"${env:P}\"}");
    List<String> errors =
        messages(
            schemas.check(
                (ObjectNode) JSON.readTree(SCHEMA),
                unresolved,
                "/spec/auth/params",
                Set.of("port", "prot", "region"),
                new SourceMap("c.yaml"),
                "x (Basic)"),
            Severity.ERROR);
    assertEquals(List.of("unknown param 'prot' for x (Basic)"), errors);
  }
}
