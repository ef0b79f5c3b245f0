package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What source and target connections share: the fields a body may hold, the fields a list may
 * filter on, a PATCH that changes only name and description (the rest is replaced, never updated)
 * and is then checked whole, and the way a body starts (name, description) and names its spec. The
 * rest of a body is its kind's {@link Body}.
 */
final class ConnectionKindRules implements KindRules {
  private static final Set<String> UPDATABLE = Set.of("/name", "/description");

  /** A kind's check of a whole create body; throws the platform's {@code 400}. */
  interface Body {
    ObjectNode check(JsonNode request, Lookup lookup);
  }

  private final ResourceKind kind;
  private final Set<String> fields;
  private final Set<String> filterFields;
  private final ObjectMapper mapper;
  private final Body body;

  /**
   * @param fields the top-level fields a body may hold
   * @param filterFields the fields a list's {@code property} filter may name
   */
  ConnectionKindRules(
      ResourceKind kind,
      Set<String> fields,
      Set<String> filterFields,
      ObjectMapper mapper,
      Body body) {
    this.kind = kind;
    this.fields = Set.copyOf(fields);
    this.filterFields = Set.copyOf(filterFields);
    this.mapper = mapper;
    this.body = body;
  }

  @Override
  public ResourceKind kind() {
    return kind;
  }

  @Override
  public Set<String> filterFields() {
    return filterFields;
  }

  @Override
  public ObjectNode check(JsonNode request, Lookup lookup) {
    return body.check(request, lookup);
  }

  @Override
  public ObjectNode patch(EmulatedResource current, JsonNode patch, Lookup lookup) {
    ObjectNode patched =
        ResourcePatch.apply(current.json(mapper), patch, UPDATABLE::contains, fields);
    return check(patched, lookup);
  }

  /**
   * A body holding the required {@code name} and the optional {@code description} given.
   *
   * @param what the connection's kind as errors name it ({@code source connection})
   */
  static ObjectNode named(ObjectMapper mapper, ObjectNode given, String what) {
    ObjectNode body = mapper.createObjectNode();
    body.put("name", JsonFields.required(given.get("name"), what + " 'name'"));
    String description = JsonFields.optional(given.get("description"), "'description'");
    if (description != null) {
      body.put("description", description);
    }
    return body;
  }

  /**
   * Puts the given {@code connectionSpec} in {@code body} when it is {@code id} (and {@code
   * version}, if it gives one); its version defaults to {@code version}. Throws the platform's
   * invalid-spec error otherwise.
   */
  static void putSpec(ObjectNode body, ObjectNode given, String id, String version) {
    JsonNode spec = given.path("connectionSpec");
    String specId = JsonFields.required(spec.get("id"), "'connectionSpec.id'");
    String specVersion = JsonFields.optional(spec.get("version"), "'connectionSpec.version'");
    if (!specId.equals(id) || (specVersion != null && !specVersion.equals(version))) {
      throw Errors.invalidSpec(specId + (specVersion == null ? "" : "' version '" + specVersion));
    }
    ObjectNode bodySpec = body.putObject("connectionSpec");
    bodySpec.put("id", specId);
    bodySpec.put("version", version);
  }
}
