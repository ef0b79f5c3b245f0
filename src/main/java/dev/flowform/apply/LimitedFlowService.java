package dev.flowform.apply;

import dev.flowform.flowservice.ConnectionRequest;
import dev.flowform.flowservice.CreatedConnection;
import dev.flowform.flowservice.FlowServiceApi;
import dev.flowform.flowservice.FlowServiceException;
import dev.flowform.flowservice.PatchOperation;
import dev.flowform.flowservice.PlatformResources;
import dev.flowform.flowservice.UnknownOutcomeException;
import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Runs every call through the apply's {@link RequestSlots}. */
final class LimitedFlowService implements FlowServiceApi {
  static final int TOO_MANY_REQUESTS = 429;

  private final FlowServiceApi api;
  private final RequestSlots slots;

  LimitedFlowService(FlowServiceApi api, RequestSlots slots) {
    this.api = api;
    this.slots = slots;
  }

  static boolean isThrottled(RuntimeException e) {
    return e instanceof FlowServiceException f
        && !(e instanceof UnknownOutcomeException)
        && f.status() == TOO_MANY_REQUESTS;
  }

  @Override
  public CreatedConnection create(ConnectionRequest request) {
    return call(() -> api.create(request));
  }

  @Override
  public CreatedConnection create(ConnectionRequest request, Runnable beforeEachSend) {
    return call(() -> api.create(request, beforeEachSend));
  }

  @Override
  public java.time.Duration createTimeout() {
    return api.createTimeout();
  }

  @Override
  public Optional<RemoteConnection> get(String id) {
    return call(() -> api.get(id));
  }

  @Override
  public List<RemoteConnection> findByName(String name) {
    return call(() -> api.findByName(name));
  }

  @Override
  public List<RemoteConnection> findByNames(List<String> names) {
    return call(() -> api.findByNames(names));
  }

  @Override
  public OptionalLong countBySpec(String specId) {
    return call(() -> api.countBySpec(specId));
  }

  @Override
  public List<RemoteConnection> listBySpec(String specId) {
    return call(() -> api.listBySpec(specId));
  }

  @Override
  public int listPageSize() {
    return api.listPageSize();
  }

  @Override
  public String update(String id, String etag, List<PatchOperation> operations) {
    return call(() -> api.update(id, etag, operations));
  }

  @Override
  public void delete(String id) {
    call(
        () -> {
          api.delete(id);
          return null;
        });
  }

  /** The pipeline calls, through the same request slots. */
  @Override
  public PlatformResources resources() {
    return new LimitedResources(api.resources(), slots);
  }

  private <T> T call(Supplier<T> request) {
    return slots.call(request);
  }
}
