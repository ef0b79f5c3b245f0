package dev.flowform.manifest.doc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A {@code kind: HubSpotConnection} document as written, bound field by field. */
public record ConnectionManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  public static final String KIND = "HubSpotConnection";

  /** The address and where it applies. */
  public record Metadata(
      @NotBlank(message = Rules.REQUIRED)
          @Size(max = Rules.NAME_MAX, message = Rules.NAME_LENGTH)
          @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE)
          String name,
      List<@NotBlank(message = "must not be blank") String> environments) {}

  /** The connection as AEP gets it. */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED) @Size(max = Rules.AEP_NAME_MAX, message = Rules.LENGTH)
          String name,
      @Size(max = Rules.DESCRIPTION_MAX, message = Rules.LENGTH) String description,
      @Valid ConnectionSpec connectionSpec,
      @NotNull(message = Rules.REQUIRED) @Valid Auth auth) {}

  /** {@code id} and {@code version}; both default to HubSpot's. */
  public record ConnectionSpec(
      @PatternOrReference(regexp = Rules.UUID_PATTERN, message = "must be a UUID") String id,
      String version) {}

  /** The auth spec and its params. */
  public record Auth(String specName, @NotNull(message = Rules.REQUIRED) @Valid Params params) {}

  /** HubSpot's four params; all but clientId are sensitive. */
  public record Params(
      @NotBlank(message = Rules.REQUIRED) String clientId,
      @NotBlank(message = Rules.REQUIRED) String clientSecret,
      @NotBlank(message = Rules.REQUIRED) String accessToken,
      @NotBlank(message = Rules.REQUIRED) String refreshToken) {}
}
