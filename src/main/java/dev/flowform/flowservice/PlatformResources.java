package dev.flowform.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The calls every pipeline kind makes, on any collection, with the same headers, retries and errors
 * as the connection calls. Bodies are JSON trees: the kinds build and read them.
 */
public interface PlatformResources {

  /**
   * {@code POST /collection}. Resent only when it surely did not land.
   *
   * @return the answer (at least an id)
   * @throws UnknownOutcomeException when it may or may not have landed: look it up before sending
   *     it again
   */
  default JsonNode create(Collection collection, JsonNode body) {
    return create(collection, body, () -> {});
  }

  /**
   * {@link #create(Collection, JsonNode)}, running {@code beforeEachSend} right before each POST is
   * sent (a resend included): what it throws stops the create before that POST.
   */
  JsonNode create(Collection collection, JsonNode body, Runnable beforeEachSend);

  /**
   * {@code GET /collection/{id}}: the resource (the first of {@code items} when wrapped); empty on
   * 404.
   */
  Optional<JsonNode> get(Collection collection, String id);

  /**
   * {@code GET /collection?property=FILTER}, following every page with that query; each resource
   * once (by id). A null filter lists every resource.
   */
  List<JsonNode> list(Collection collection, String property);

  /**
   * {@code PATCH /collection/{id}} with {@code If-Match} and a JSON Patch array.
   *
   * @return the new etag
   */
  String patch(Collection collection, String id, String etag, JsonNode operations);

  /** {@code PUT /collection/{id}} (a mapping set's next version); the answer. */
  JsonNode put(Collection collection, String id, JsonNode body);

  /** {@code POST /collection/{id}/action?op=OP}; the answer ({@code id}, {@code etag}). */
  JsonNode action(Collection collection, String id, String op);

  /** {@code DELETE /collection/{id}}; a 404 counts as done. */
  void delete(Collection collection, String id);
}
