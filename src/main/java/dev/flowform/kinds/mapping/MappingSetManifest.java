package dev.flowform.kinds.mapping;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A {@code kind: MappingSet} document as written: Data Prep mappings into one XDM schema. */
public record MappingSetManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid ConnectionManifest.Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  /** The mapping set as Data Prep gets it. */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(regexp = "https?://\\S+", message = "must be the XDM schema's $id (a URL)")
          String schema,
      String contentType,
      @NotEmpty(message = "must hold at least one mapping")
          @Size(max = 2000, message = "must hold at most {max} mappings")
          List<@NotNull(message = "must not be empty") @Valid Mapping> mappings) {}

  /** One mapping: a source attribute or expression into a schema path. */
  public record Mapping(
      @NotBlank(message = Rules.REQUIRED) @Size(max = 4096, message = Rules.LENGTH) String source,
      @NotBlank(message = Rules.REQUIRED) @Size(max = 1024, message = Rules.LENGTH)
          String destination,
      @Pattern(regexp = "ATTRIBUTE|EXPRESSION", message = "must be ATTRIBUTE or EXPRESSION")
          String sourceType) {}
}
