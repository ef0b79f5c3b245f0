package dev.flowform.kinds.target;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A {@code kind: TargetConnection} document as written: a Data Lake target on a dataset. */
public record TargetConnectionManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid ConnectionManifest.Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  /** The target connection as AEP gets it. */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED) @Size(max = Rules.AEP_NAME_MAX, message = Rules.LENGTH)
          String name,
      @Size(max = Rules.DESCRIPTION_MAX, message = Rules.LENGTH) String description,
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(
              regexp = "[0-9A-Za-z]{1,64}",
              message = "must be a dataset id (letters and digits)")
          String dataSetId,
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(regexp = "https?://\\S+", message = "must be the XDM schema's $id (a URL)")
          String schema,
      String schemaVersion) {}
}
