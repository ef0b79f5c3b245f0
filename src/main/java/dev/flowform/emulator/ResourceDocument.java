package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Flow Service resource as the service shows it: stamps, the body's fields, state and etag. */
final class ResourceDocument {
  private final ObjectMapper mapper;
  private final Runs runs;

  ResourceDocument(ObjectMapper mapper, Runs runs) {
    this.mapper = mapper;
    this.runs = runs;
  }

  /** The item a GET or list shows; a flow also links its runs and gives its latest one. */
  ObjectNode item(EmulatedResource r) {
    ObjectNode item = mapper.createObjectNode();
    item.put("id", r.id());
    item.put("createdAt", r.createdAt());
    item.put("updatedAt", r.updatedAt());
    item.put("createdBy", r.createdClient() + "@AdobeID");
    item.put("updatedBy", r.updatedClient() + "@AdobeID");
    item.put("createdClient", r.createdClient());
    item.put("updatedClient", r.updatedClient());
    item.put("sandboxId", ConnectionDocument.sandboxId(r.orgId(), r.sandbox()));
    item.put("sandboxName", r.sandbox());
    item.put("imsOrgId", r.orgId());
    item.setAll(r.json(mapper));
    item.put("state", r.state());
    item.put("version", r.etag());
    item.put("etag", r.etag());
    if (r.kind() == ResourceKind.FLOW) {
      item.put("runs", "/runs?property=flowId==" + r.id());
      runs.lastRunDetails(r).ifPresent(details -> item.set("lastRunDetails", details));
    }
    return item;
  }

  /** {@code {"id": ..., "etag": ...}}: the answer to a create, an update or an action. */
  ObjectNode idAndEtag(EmulatedResource r) {
    ObjectNode body = mapper.createObjectNode();
    body.put("id", r.id());
    body.put("etag", r.etag());
    return body;
  }
}
