package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** A connection as the Flow Service shows it: every item field, secret params masked. */
final class ConnectionDocument {
  /** What a secret param reads back as. */
  static final String MASK = "****";

  private ConnectionDocument() {}

  static ObjectNode item(EmulatedConnection c, ObjectMapper mapper) {
    ObjectNode item = mapper.createObjectNode();
    item.put("id", c.id());
    item.put("createdAt", c.createdAt());
    item.put("updatedAt", c.updatedAt());
    item.put("createdBy", c.createdClient() + "@AdobeID");
    item.put("updatedBy", c.updatedClient() + "@AdobeID");
    item.put("createdClient", c.createdClient());
    item.put("updatedClient", c.updatedClient());
    item.put("sandboxId", sandboxId(c.orgId(), c.sandbox()));
    item.put("sandboxName", c.sandbox());
    item.put("imsOrgId", c.orgId());
    item.put("name", c.name());
    if (c.description() != null) {
      item.put("description", c.description());
    }
    ObjectNode spec = item.putObject("connectionSpec");
    spec.put("id", c.connectionSpecId());
    spec.put("version", c.connectionSpecVersion());
    item.put("state", c.state());
    ObjectNode auth = item.putObject("auth");
    auth.put("specName", c.authSpecName());
    ObjectNode params = auth.putObject("params");
    Set<String> secrets = ConnectionSpecs.secrets(c.connectionSpecId(), c.authSpecName());
    new TreeMap<>(c.params())
        .forEach((key, value) -> params.put(key, secrets.contains(key) ? MASK : value));
    item.put("version", c.etag());
    item.put("etag", c.etag());
    return item;
  }

  /** {@code {"id": ..., "etag": ...}}: the answer to a create or an update. */
  static ObjectNode idAndEtag(EmulatedConnection c, ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode();
    body.put("id", c.id());
    body.put("etag", c.etag());
    return body;
  }

  /** A stable id for a sandbox of an org. */
  static String sandboxId(String orgId, String sandbox) {
    return UUID.nameUUIDFromBytes((orgId + "/" + sandbox).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
