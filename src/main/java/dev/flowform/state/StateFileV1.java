package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole state file as format version 1 writes it: the on-disk shape, versioned apart from the
 * {@link State} model so that either can change without silently changing the other.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "formatVersion",
  "lineage",
  "serial",
  "environment",
  "sandbox",
  "orgId",
  "endpoint",
  "fingerprintSalt",
  "resources"
})
record StateFileV1(
    @JsonProperty(required = true) int formatVersion,
    @JsonProperty(required = true) String lineage,
    @JsonProperty(required = true) long serial,
    @JsonProperty(required = true) String environment,
    @JsonProperty(required = true) String sandbox,
    String orgId,
    @JsonProperty(required = true) String endpoint,
    @JsonProperty(required = true) String fingerprintSalt,
    @JsonProperty(required = true) SortedMap<String, ResourceFileV1> resources) {

  static final int VERSION = 1;

  StateFileV1 {
    if (formatVersion != VERSION) {
      throw new IllegalArgumentException("'formatVersion' must be " + VERSION);
    }
    FormatRules.text(lineage, "lineage");
    FormatRules.notNegative(serial, "serial");
    FormatRules.text(environment, "environment");
    FormatRules.text(sandbox, "sandbox");
    if (orgId != null) {
      FormatRules.text(orgId, "orgId");
    }
    FormatRules.text(endpoint, "endpoint");
    FormatRules.text(fingerprintSalt, "fingerprintSalt");
    FormatRules.notNull(resources, "resources");
    resources = new TreeMap<>(resources);
    resources.forEach(
        (address, resource) -> {
          FormatRules.address(address);
          FormatRules.notNull(resource, "resources." + address);
        });
  }

  static StateFileV1 from(State state) {
    SortedMap<String, ResourceFileV1> resources = new TreeMap<>();
    state.resources().forEach((address, r) -> resources.put(address, ResourceFileV1.from(r)));
    return new StateFileV1(
        VERSION,
        state.lineage(),
        state.serial(),
        state.environment(),
        state.sandbox(),
        state.orgId(),
        state.endpoint(),
        state.fingerprintSalt(),
        resources);
  }

  State toModel() {
    SortedMap<String, ResourceState> model = new TreeMap<>();
    for (Map.Entry<String, ResourceFileV1> entry : resources.entrySet()) {
      model.put(entry.getKey(), entry.getValue().toModel());
    }
    return new State(
        State.FORMAT_VERSION,
        lineage,
        serial,
        environment,
        sandbox,
        orgId,
        endpoint,
        fingerprintSalt,
        model);
  }
}
