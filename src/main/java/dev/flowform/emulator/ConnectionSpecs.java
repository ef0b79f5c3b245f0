package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection specs the emulator knows: HubSpot, Salesforce, Snowflake and Amazon S3, each with
 * the auth params of Adobe's spec (secrets marked) and the params of a source connection.
 */
final class ConnectionSpecs {
  static final String HUBSPOT_ID = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";
  static final String HUBSPOT_VERSION = EmulatedSpec.VERSION;
  static final String SALESFORCE_ID = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
  static final String SNOWFLAKE_ID = "b2e08744-4f1a-40ce-af30-7abac3e23cf3";
  static final String S3_ID = "ecadc60c-7455-4d87-84dc-2a0e293d997b";

  static final AuthSpec HUBSPOT_BASIC =
      new AuthSpec(
          "Basic Authentication",
          "BasicAuthentication",
          List.of("clientId", "clientSecret", "accessToken", "refreshToken"),
          Set.of(),
          Set.of("clientSecret", "accessToken", "refreshToken"));

  static final List<EmulatedSpec> ALL =
      List.of(
          new EmulatedSpec(
              HUBSPOT_ID,
              "hubspot",
              "HubSpot",
              "CRM",
              List.of(HUBSPOT_BASIC),
              List.of(source("path", "The object to read, like Hubspot.Contacts."))),
          new EmulatedSpec(
              SALESFORCE_ID,
              "salesforce",
              "Salesforce",
              "CRM",
              List.of(
                  new AuthSpec(
                      "Basic Authentication",
                      "BasicAuthentication",
                      List.of(
                          "environmentUrl", "username", "password", "securityToken", "apiVersion"),
                      Set.of("apiVersion"),
                      Set.of("password", "securityToken"))),
              List.of(source("tableName", "The Salesforce object to read, like Account."))),
          new EmulatedSpec(
              SNOWFLAKE_ID,
              "snowflake",
              "Snowflake",
              "Database",
              List.of(
                  new AuthSpec(
                      "ConnectionString",
                      "ConnectionStringAuth",
                      List.of("connectionString", "port"),
                      Set.of("port"),
                      Set.of("connectionString"),
                      Map.of("port", "integer"))),
              List.of(source("tableName", "The table to read."))),
          new EmulatedSpec(
              S3_ID,
              "amazon-s3",
              "Amazon S3",
              "Cloud Storage",
              List.of(
                  new AuthSpec(
                      "Access Key",
                      "AccessKeyAuth",
                      List.of("s3AccessKey", "s3SecretKey", "s3SessionToken"),
                      Set.of("s3SessionToken"),
                      Set.of("s3SecretKey", "s3SessionToken"))),
              List.of(
                  source("path", "The bucket path to read, like my-bucket/exports."),
                  new EmulatedSpec.SourceParam(
                      "recursive", "boolean", false, "Whether to read the folders below too."))));

  private ConnectionSpecs() {}

  private static EmulatedSpec.SourceParam source(String name, String description) {
    return new EmulatedSpec.SourceParam(name, "string", true, description);
  }

  static Optional<EmulatedSpec> spec(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String lower = id.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(s -> s.id().equals(lower)).findFirst();
  }

  /** Whether a connection may use this spec id and version ({@code null} version: the latest). */
  static boolean known(String id, String version) {
    return spec(id).isPresent() && (version == null || EmulatedSpec.VERSION.equals(version));
  }

  /** The auth spec of that name in that spec. */
  static Optional<AuthSpec> authSpec(String specId, String name) {
    return spec(specId).flatMap(s -> s.authSpec(name));
  }

  /** The secret params of connections of that spec and auth spec. */
  static Set<String> secrets(String specId, String authSpecName) {
    return authSpec(specId, authSpecName).map(AuthSpec::secrets).orElse(Set.of());
  }

  /** The item of every spec, as {@code GET /connectionSpecs} lists them. */
  static List<ObjectNode> items(ObjectMapper mapper) {
    return ALL.stream().map(s -> SpecItems.item(s, mapper)).toList();
  }

  /** {@code GET /connectionSpecs/{id}}'s item, empty for an unknown spec. */
  static Optional<ObjectNode> item(String id, ObjectMapper mapper) {
    return spec(id).map(s -> SpecItems.item(s, mapper));
  }
}
