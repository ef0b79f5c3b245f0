package dev.flowform.manifest.doc;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A {@code kind: Connection} document as written: a base connection of any connector, its auth
 * params checked against the connector's connection spec (from the project's catalog).
 */
public record GenericConnectionManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid ConnectionManifest.Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  public static final String KIND = "Connection";

  /**
   * The connection as AEP gets it.
   *
   * @param connector the connection spec's name ({@code salesforce}); or give {@code
   *     connectionSpec}
   */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED) @Size(max = Rules.AEP_NAME_MAX, message = Rules.LENGTH)
          String name,
      @Size(max = Rules.DESCRIPTION_MAX, message = Rules.LENGTH) String description,
      @Size(max = 256, message = Rules.LENGTH) String connector,
      @Valid ConnectionManifest.ConnectionSpec connectionSpec,
      @NotNull(message = Rules.REQUIRED) @Valid Auth auth) {}

  /**
   * The auth spec and its params.
   *
   * @param specName optional when the connector has one auth spec
   * @param params as the connector's auth spec defines them
   */
  public record Auth(
      String specName, @NotNull(message = Rules.REQUIRED) Map<String, JsonNode> params) {
    public Auth {
      params = params == null ? null : Map.copyOf(params);
    }
  }

  /**
   * The same document as the rules shared by every base connection see it (unique addresses and
   * names, moves): its metadata, name and description.
   */
  public ConnectionManifest asConnection() {
    return new ConnectionManifest(
        apiVersion,
        kind,
        metadata,
        new ConnectionManifest.Spec(spec.name(), spec.description(), null, null));
  }
}
