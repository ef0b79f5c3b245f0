package dev.flowform.testing;

import dev.flowform.flowservice.PatchOperation;
import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Map;

/** Applies the JSON Patch operations the applier sends to a fake connection. */
public final class FakePatch {
  private FakePatch() {}

  @SuppressWarnings("unchecked")
  public static RemoteConnection apply(
      RemoteConnection old, List<PatchOperation> ops, String etag) {
    String name = old.name();
    String description = old.description();
    Map<String, String> params = old.params();
    for (PatchOperation op : ops) {
      switch (op.path()) {
        case "/name" -> name = (String) op.value();
        case "/description" -> description = op.op().equals("remove") ? null : (String) op.value();
        case "/auth/params" ->
            params = Map.of("clientId", ((Map<String, String>) op.value()).get("clientId"));
        default -> throw new IllegalArgumentException("unsupported path " + op.path());
      }
    }
    return new RemoteConnection(
        old.id(),
        etag,
        name,
        description,
        old.connectionSpec(),
        old.state(),
        old.authSpecName(),
        params);
  }
}
