package dev.flowform.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline resource (source or target connection, flow, mapping set) as the emulator keeps it.
 * {@code body} is the JSON object of what its client said (name, params, schedule...), without the
 * fields the service owns (id, state, etag, stamps), kept as text so the record stays immutable;
 * {@code history} holds a mapping set's earlier versions (its version is their count), and is empty
 * for the other kinds.
 *
 * @param etag the quoted etag, like {@code "d403848a-0000-0200-0000-5e978f7b0000"} with quotes
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param sequence creation order, unique among resources; the default list order
 */
public record EmulatedResource(
    ResourceKind kind,
    String id,
    String orgId,
    String sandbox,
    String body,
    List<String> history,
    String state,
    String etag,
    long createdAt,
    long updatedAt,
    String createdClient,
    String updatedClient,
    long sequence) {

  public EmulatedResource {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Whether it lives in that org and sandbox. */
  boolean in(Scope scope) {
    return orgId.equals(scope.orgId()) && sandbox.equals(scope.sandbox());
  }

  /** A mapping set's version: 0 when created, one more with each update. */
  public int version() {
    return history.size();
  }

  /** The body, parsed: a fresh copy the caller may change. */
  ObjectNode json(ObjectMapper mapper) {
    return parse(body, mapper);
  }

  /** The body of version {@code version} (a mapping set's earlier one, or the current one). */
  ObjectNode json(int version, ObjectMapper mapper) {
    return parse(version == history.size() ? body : history.get(version), mapper);
  }

  /** The same with another body and state, a new etag, stamped with when and by whom. */
  EmulatedResource changed(
      String newBody, String newState, String newEtag, long at, String client) {
    return new EmulatedResource(
        kind,
        id,
        orgId,
        sandbox,
        newBody,
        history,
        newState,
        newEtag,
        createdAt,
        at,
        createdClient,
        client,
        sequence);
  }

  /** The next version of a mapping set: this body goes to the history. */
  EmulatedResource nextVersion(String newBody, String newEtag, long at, String client) {
    List<String> longer = new ArrayList<>(history);
    longer.add(body);
    return new EmulatedResource(
        kind,
        id,
        orgId,
        sandbox,
        newBody,
        longer,
        state,
        newEtag,
        createdAt,
        at,
        createdClient,
        client,
        sequence);
  }

  static String text(ObjectNode json, ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode parse(String text, ObjectMapper mapper) {
    try {
      return (ObjectNode) mapper.readTree(text);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a stored body is not a JSON object", e);
    }
  }

  @Override
  public String toString() {
    return "EmulatedResource["
        + kind
        + " id="
        + id
        + ", sandbox="
        + sandbox
        + ", etag="
        + etag
        + "]";
  }
}
