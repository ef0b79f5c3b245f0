package dev.flowform.emulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * One base connection as the emulator keeps it. {@code params} holds secrets as they were sent (or,
 * after a reload from the data file, their {@code sha256:} digests): {@link #toString()} never
 * shows a value.
 *
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param etag the quoted etag, like {@code "d403848a-0000-0200-0000-5e978f7b0000"} with quotes
 * @param sequence creation order, unique; the default list order
 */
public record EmulatedConnection(
    String id,
    String orgId,
    String sandbox,
    String name,
    String description,
    String connectionSpecId,
    String connectionSpecVersion,
    String authSpecName,
    Map<String, String> params,
    String state,
    String etag,
    long createdAt,
    long updatedAt,
    String createdClient,
    String updatedClient,
    long sequence) {

  public EmulatedConnection {
    params = Map.copyOf(params);
  }

  /** Whether it lives in that org and sandbox. */
  boolean in(Scope scope) {
    return orgId.equals(scope.orgId()) && sandbox.equals(scope.sandbox());
  }

  EmulatedConnection withName(String name) {
    return new EmulatedConnection(
        id,
        orgId,
        sandbox,
        name,
        description,
        connectionSpecId,
        connectionSpecVersion,
        authSpecName,
        params,
        state,
        etag,
        createdAt,
        updatedAt,
        createdClient,
        updatedClient,
        sequence);
  }

  EmulatedConnection withDescription(String description) {
    return new EmulatedConnection(
        id,
        orgId,
        sandbox,
        name,
        description,
        connectionSpecId,
        connectionSpecVersion,
        authSpecName,
        params,
        state,
        etag,
        createdAt,
        updatedAt,
        createdClient,
        updatedClient,
        sequence);
  }

  EmulatedConnection withParams(Map<String, String> params) {
    return new EmulatedConnection(
        id,
        orgId,
        sandbox,
        name,
        description,
        connectionSpecId,
        connectionSpecVersion,
        authSpecName,
        params,
        state,
        etag,
        createdAt,
        updatedAt,
        createdClient,
        updatedClient,
        sequence);
  }

  /** The same after an update: a new etag, stamped with when and by whom. */
  EmulatedConnection updated(String etag, long at, String client) {
    return new EmulatedConnection(
        id,
        orgId,
        sandbox,
        name,
        description,
        connectionSpecId,
        connectionSpecVersion,
        authSpecName,
        params,
        state,
        etag,
        createdAt,
        at,
        createdClient,
        client,
        sequence);
  }

  @Override
  public String toString() {
    return "EmulatedConnection[id="
        + id
        + ", sandbox="
        + sandbox
        + ", name="
        + name
        + ", etag="
        + etag
        + ", params="
        + new TreeMap<>(params).keySet()
        + "]";
  }
}
