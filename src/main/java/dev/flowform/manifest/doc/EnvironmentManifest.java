package dev.flowform.manifest.doc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A {@code kind: Environment} document as written, bound field by field. */
public record EnvironmentManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  public static final String KIND = "Environment";

  /** The environment's name. */
  public record Metadata(
      @NotBlank(message = Rules.REQUIRED)
          @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH)
          @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE)
          String name) {}

  /**
   * Where it is and how to get in; {@code imports} maps addresses to the ids of existing
   * connections and pipeline resources to adopt into state; {@code allowedEnv} names the
   * environment variables that printed fields may read with {@code ${env:}} besides {@code
   * FLOWFORM_VAR_*}.
   */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED)
          @PatternOrReference(
              regexp = "[a-z0-9][-a-z0-9_]*",
              message = "must be lower case (letters, digits, '-' and '_')")
          String sandbox,
      @NotBlank(message = Rules.REQUIRED) String orgId,
      String endpoint,
      String state,
      @Valid Credentials credentials,
      Map<String, @NotNull(message = "must not be empty") String> variables,
      Map<
              @Pattern(regexp = Rules.IMPORT_ADDRESS_PATTERN, message = Rules.IMPORT_ADDRESS_SHAPE)
              String,
              @NotBlank(message = Rules.REQUIRED)
              @PatternOrReference(
                  regexp = Rules.IMPORT_ID_PATTERN,
                  message = "must be a UUID (a mapping set's id: 32 hex digits)")
              String>
          imports,
      List<
              @NotNull(message = "must not be empty")
              @Pattern(
                  regexp = "[A-Za-z_][A-Za-z0-9_]*",
                  message = "must be an environment variable's name (letters, digits, '_')")
              String>
          allowedEnv) {}

  /** One of two forms: clientId + clientSecret (+ scopes, imsEndpoint), or accessToken + apiKey. */
  public record Credentials(
      String clientId,
      String clientSecret,
      List<@NotBlank(message = "must not be blank") String> scopes,
      String imsEndpoint,
      String accessToken,
      String apiKey) {}
}
