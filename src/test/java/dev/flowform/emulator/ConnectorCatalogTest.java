package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator serves several connectors' specs and checks creates against them. */
class ConnectorCatalogTest {
  private static final String SALESFORCE = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
  private static final String SNOWFLAKE = "b2e08744-4f1a-40ce-af30-7abac3e23cf3";
  private static final String S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";

  private FlowServiceEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.defaults());
    api = Api.signedIn(emulator, "client-a", "dev");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void salesforcesSpecMarksItsSecretsAndLeavesApiVersionOptional() {
    JsonNode spec = api.get("/connectionSpecs/" + SALESFORCE).json().get("items").get(0);
    JsonNode auth = spec.get("authSpec").get(0);
    assertEquals("Basic Authentication", auth.get("name").asText());
    JsonNode properties = auth.get("spec").get("properties");
    assertEquals("password", properties.get("password").get("format").asText());
    assertEquals("password", properties.get("securityToken").get("format").asText());
    assertTrue(properties.get("username").path("format").isMissingNode());
    assertEquals(
        "[\"environmentUrl\",\"username\",\"password\",\"securityToken\"]",
        auth.get("spec").get("required").toString());
    assertEquals("tableName", spec.get("sourceSpec").get("spec").get("required").get(0).asText());
  }

  @Test
  void snowflakeAndS3AreListedByName() {
    JsonNode snowflake =
        api.get("/connectionSpecs?property=name%3D%3Dsnowflake").json().get("items").get(0);
    assertEquals(SNOWFLAKE, snowflake.get("id").asText());
    assertEquals("ConnectionString", snowflake.get("authSpec").get(0).get("name").asText());
    JsonNode s3 = api.get("/connectionSpecs?property=id%3D%3D" + S3).json().get("items").get(0);
    assertEquals("Access Key", s3.get("authSpec").get(0).get("name").asText());
  }

  @Test
  void aCreateWithAnUnknownAuthSpecIs1415() {
    Api.Answer answer =
        api.post(
            "/connections",
            body(SNOWFLAKE, "Basic Authentication", "{\"connectionString\": \"x\"}"));
    assertEquals(400, answer.status());
    assertEquals("1415-400", answer.errorCode());
  }

  @Test
  void aCreateWithoutARequiredParamNamesIt() {
    Api.Answer answer =
        api.post(
            "/connections",
            body(
                SALESFORCE,
                "Basic Authentication",
                "{\"environmentUrl\": \"https://x\", \"username\": \"u\", \"password\": \"p\"}"));
    assertEquals(400, answer.status());
    assertTrue(answer.json().toString().contains("securityToken"), answer.json().toString());
  }

  @Test
  void aCreateMayLeaveAnOptionalParamOut() {
    Api.Answer answer =
        api.post(
            "/connections",
            body(S3, "Access Key", "{\"s3AccessKey\": \"a\", \"s3SecretKey\": \"s\"}"));
    assertEquals(201, answer.status(), String.valueOf(answer.json()));
  }

  @Test
  void snowflakesPortIsAnIntegerAndTakenOnlyAsAJsonNumber() {
    JsonNode auth =
        api.get("/connectionSpecs/" + SNOWFLAKE).json().get("items").get(0).get("authSpec").get(0);
    assertEquals("integer", auth.get("spec").get("properties").get("port").get("type").asText());

    Api.Answer text =
        api.post(
            "/connections",
            body(
                SNOWFLAKE, "ConnectionString", "{\"connectionString\": \"x\", \"port\": \"443\"}"));
    assertEquals(400, text.status());
    assertTrue(
        text.json().toString().contains("The auth param 'port' must be integer."),
        text.json().toString());

    Api.Answer number =
        api.post(
            "/connections",
            body(SNOWFLAKE, "ConnectionString", "{\"connectionString\": \"x\", \"port\": 443}"));
    assertEquals(201, number.status(), String.valueOf(number.json()));
  }

  @Test
  void s3sRecursiveSourceParamIsABoolean() {
    JsonNode recursive =
        api.get("/connectionSpecs/" + S3)
            .json()
            .at("/items/0/sourceSpec/spec/properties/recursive");
    assertEquals("boolean", recursive.get("type").asText());
  }

  private static String body(String specId, String authSpec, String params) {
    return "{\"name\": \"c\", \"connectionSpec\": {\"id\": \""
        + specId
        + "\", \"version\": \"1.0\"}, \"auth\": {\"specName\": \""
        + authSpec
        + "\", \"params\": "
        + params
        + "}}";
  }
}
