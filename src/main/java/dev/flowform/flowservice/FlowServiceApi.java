package dev.flowform.flowservice;

import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Optional;

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

  /** {@code GET /connections/{id}}; empty on 404. */
  Optional<RemoteConnection> get(String id);

  /** {@code GET /connections?property=name==NAME}, following every page. */
  List<RemoteConnection> findByName(String name);

  /**
   * {@code PATCH /connections/{id}} with {@code If-Match: etag} (sent exactly as given) and a JSON
   * Patch array.
   *
   * @return the new etag
   */
  String update(String id, String etag, List<PatchOperation> operations);

  /** {@code DELETE /connections/{id}}; a 404 counts as done. */
  void delete(String id);
}
