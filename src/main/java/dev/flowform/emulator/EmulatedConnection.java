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

  static Builder builder() {
    return new Builder();
  }

  /** A builder holding this connection's values, to change some of them. */
  Builder toBuilder() {
    return new Builder(this);
  }

  /** The same after an update: a new etag, stamped with when and by whom. */
  EmulatedConnection updated(String etag, long at, String client) {
    return toBuilder().etag(etag).updatedAt(at).updatedClient(client).build();
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

  /** Collects the values of an {@link EmulatedConnection}; {@link #build()} copies them. */
  static final class Builder {
    private String id;
    private String orgId;
    private String sandbox;
    private String name;
    private String description;
    private String connectionSpecId;
    private String connectionSpecVersion;
    private String authSpecName;
    private Map<String, String> params = Map.of();
    private String state;
    private String etag;
    private long createdAt;
    private long updatedAt;
    private String createdClient;
    private String updatedClient;
    private long sequence;

    private Builder() {}

    private Builder(EmulatedConnection c) {
      id = c.id;
      orgId = c.orgId;
      sandbox = c.sandbox;
      name = c.name;
      description = c.description;
      connectionSpecId = c.connectionSpecId;
      connectionSpecVersion = c.connectionSpecVersion;
      authSpecName = c.authSpecName;
      params = c.params;
      state = c.state;
      etag = c.etag;
      createdAt = c.createdAt;
      updatedAt = c.updatedAt;
      createdClient = c.createdClient;
      updatedClient = c.updatedClient;
      sequence = c.sequence;
    }

    Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The org and sandbox it lives in. */
    Builder scope(Scope scope) {
      this.orgId = scope.orgId();
      this.sandbox = scope.sandbox();
      return this;
    }

    Builder name(String name) {
      this.name = name;
      return this;
    }

    Builder description(String description) {
      this.description = description;
      return this;
    }

    Builder connectionSpec(String id, String version) {
      this.connectionSpecId = id;
      this.connectionSpecVersion = version;
      return this;
    }

    Builder authSpecName(String authSpecName) {
      this.authSpecName = authSpecName;
      return this;
    }

    Builder params(Map<String, String> params) {
      this.params = params;
      return this;
    }

    Builder state(String state) {
      this.state = state;
      return this;
    }

    Builder etag(String etag) {
      this.etag = etag;
      return this;
    }

    /** Created (and so last updated) at {@code at} by {@code client}. */
    Builder created(long at, String client) {
      this.createdAt = at;
      this.createdClient = client;
      this.updatedAt = at;
      this.updatedClient = client;
      return this;
    }

    Builder updatedAt(long at) {
      this.updatedAt = at;
      return this;
    }

    Builder updatedClient(String client) {
      this.updatedClient = client;
      return this;
    }

    Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    EmulatedConnection build() {
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
  }
}
