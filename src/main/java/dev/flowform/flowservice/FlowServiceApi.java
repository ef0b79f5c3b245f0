package dev.flowform.flowservice;

import dev.flowform.model.RemoteConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Flow Service calls flowform makes, for one environment (sandbox, org and credentials are
 * fixed when the client is built). Every method throws {@link FlowServiceException} on an error
 * answer.
 */
public interface FlowServiceApi {

  /**
   * {@code POST /connections}. Resent only when it surely did not land (429, connection refused).
   *
   * @throws UnknownOutcomeException when the create may or may not have landed (timeout, reset,
   *     500/502/503/504): the caller must look the name up before sending it again
   */
  CreatedConnection create(ConnectionRequest request);

  /**
   * {@link #create(ConnectionRequest)}, running {@code beforeEachSend} right before each POST is
   * sent (a resend after a 429 included): what it throws stops the create before that POST.
   */
  default CreatedConnection create(ConnectionRequest request, Runnable beforeEachSend) {
    beforeEachSend.run();
    return create(request);
  }

  /**
   * The longest one POST may take to its answer: past that after it was sent, a create whose answer
   * never came has landed or never will (the platform's own settling aside).
   */
  java.time.Duration createTimeout();

  /** {@code GET /connections/{id}}; empty on 404. */
  Optional<RemoteConnection> get(String id);

  /**
   * {@code GET /connections?property=name==NAME}, following every page with that query: the
   * connections of exactly that name, once each.
   */
  List<RemoteConnection> findByName(String name);

  /**
   * {@code GET /connections?property=name==A,B,...} (the platform reads a comma list as "any of
   * these"), following every page: the connections of any of those names, once each. No name may
   * hold a comma. One request where {@link #findByName} would send one per name.
   */
  default List<RemoteConnection> findByNames(List<String> names) {
    Map<String, RemoteConnection> found = new LinkedHashMap<>();
    names.forEach(name -> findByName(name).forEach(r -> found.putIfAbsent(r.id(), r)));
    return List.copyOf(found.values());
  }

  /**
   * {@code GET /connections?property=connectionSpec.id==SPEC&count=true}: how many connections of
   * that spec the sandbox has; empty when the answer holds no count.
   */
  OptionalLong countBySpec(String specId);

  /**
   * {@code GET /connections?property=connectionSpec.id==SPEC&limit=N}, {@code N} being {@link
   * #listPageSize()}, following every page with that query: the sandbox's connections of that spec,
   * once each.
   */
  List<RemoteConnection> listBySpec(String specId);

  /** How many connections {@link #listBySpec} asks for per page. */
  int listPageSize();

  /**
   * {@code PATCH /connections/{id}} with {@code If-Match: etag} (sent exactly as given) and a JSON
   * Patch array.
   *
   * @return the new etag
   */
  String update(String id, String etag, List<PatchOperation> operations);

  /** {@code DELETE /connections/{id}}; a 404 counts as done. */
  void delete(String id);

  /** The other collections of the platform, for the pipeline kinds, with this client's headers. */
  default PlatformResources resources() {
    throw new UnsupportedOperationException("this Flow Service client serves connections only");
  }
}
