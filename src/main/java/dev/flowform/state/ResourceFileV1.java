package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flowform.model.ConnectionSpecRef;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One resource as format version 1 writes it; separate from {@link ResourceState} on purpose. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "kind",
  "status",
  "id",
  "etag",
  "name",
  "description",
  "connectionSpec",
  "authSpecName",
  "params",
  "secretFingerprints",
  "createdAt",
  "updatedAt",
  "attributes",
  "dependsOn",
  "outputs"
})
record ResourceFileV1(
    @JsonProperty(required = true) String kind,
    @JsonProperty(required = true) String status,
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecV1 connectionSpec,
    String authSpecName,
    SortedMap<String, String> params,
    SortedMap<String, String> secretFingerprints,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> attributes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> dependsOn,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> outputs) {

  static final String PENDING = "pending";
  static final String CREATED = "created";

  ResourceFileV1 {
    FormatRules.text(kind, "kind");
    if (!PENDING.equals(status) && !CREATED.equals(status)) {
      throw new IllegalArgumentException("'status' must be 'pending' or 'created'");
    }
    if (CREATED.equals(status)) {
      FormatRules.text(id, "id");
      FormatRules.text(etag, "etag");
    }
    if (dev.flowform.model.ConnectionKinds.isConnection(kind)) {
      FormatRules.text(name, "name");
      FormatRules.notNull(connectionSpec, "connectionSpec");
    } else if (name != null) {
      FormatRules.text(name, "name");
    }
    attributes = new TreeMap<>(attributes == null ? Map.of() : attributes);
    dependsOn = new TreeMap<>(dependsOn == null ? Map.of() : dependsOn);
    outputs = new TreeMap<>(outputs == null ? Map.of() : outputs);
    FormatRules.values(attributes, "attributes");
    FormatRules.values(dependsOn, "dependsOn");
    FormatRules.values(outputs, "outputs");
    params = new TreeMap<>(params == null ? Map.of() : params);
    secretFingerprints = new TreeMap<>(secretFingerprints == null ? Map.of() : secretFingerprints);
    FormatRules.values(params, "params");
    FormatRules.fingerprints(secretFingerprints);
  }

  /** The connection spec a resource was created with. */
  record ConnectionSpecV1(
      @JsonProperty(required = true) String id, @JsonProperty(required = true) String version) {
    ConnectionSpecV1 {
      FormatRules.text(id, "connectionSpec.id");
      FormatRules.text(version, "connectionSpec.version");
    }
  }

  static ResourceFileV1 from(ResourceState resource) {
    ConnectionSpecRef spec = resource.connectionSpec();
    return new ResourceFileV1(
        resource.kind(),
        resource.status() == ResourceStatus.CREATED ? CREATED : PENDING,
        resource.id(),
        resource.etag(),
        resource.name(),
        resource.description(),
        spec == null ? null : new ConnectionSpecV1(spec.id(), spec.version()),
        resource.authSpecName(),
        resource.params(),
        resource.secretFingerprints(),
        resource.createdAt(),
        resource.updatedAt(),
        resource.attributes(),
        resource.dependsOn(),
        resource.outputs());
  }

  ResourceState toModel() {
    return new ResourceState(
        kind,
        CREATED.equals(status) ? ResourceStatus.CREATED : ResourceStatus.PENDING,
        id,
        etag,
        name,
        description,
        connectionSpec == null
            ? null
            : new ConnectionSpecRef(connectionSpec.id(), connectionSpec.version()),
        authSpecName,
        params,
        secretFingerprints,
        createdAt,
        updatedAt,
        attributes,
        dependsOn,
        outputs);
  }
}
