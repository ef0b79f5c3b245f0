package dev.flowform.kinds.source;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A {@code kind: SourceConnection} document as written. */
public record SourceConnectionManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid ConnectionManifest.Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  /**
   * The source connection as AEP gets it.
   *
   * @param path what a HubSpot source reads ({@code Hubspot.Contacts}): {@code params.path}
   * @param params the params of the connector's {@code sourceSpec} ({@code tableName: Account})
   */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED) @Size(max = Rules.AEP_NAME_MAX, message = Rules.LENGTH)
          String name,
      @Size(max = Rules.DESCRIPTION_MAX, message = Rules.LENGTH) String description,
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE)
          String baseConnection,
      @Size(max = 1024, message = Rules.LENGTH) String path,
      java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> params,
      @Pattern(
              regexp = "tabular|json|parquet|delimited",
              message = "must be tabular, json, parquet or delimited")
          String format) {}
}
