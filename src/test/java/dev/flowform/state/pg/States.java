package dev.flowform.state.pg;

import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.testing.StateFixtures;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/** States to test the PostgreSQL backend with: realistic, deterministic, free of any secret. */
final class States {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  static final String SALT = "00112233445566778899aabbccddeeff";
  static final String LINEAGE = "5b0c3c1e-7a4c-4f1e-9d55-2a8c2d1e9f00";
  static final Author APPLY = new Author("apply", "alice@build-7", "0.1.0");

  private States() {}

  static State empty() {
    return new State(
        State.FORMAT_VERSION,
        LINEAGE,
        0,
        "dev",
        "dev",
        "ABC123@AdobeOrg",
        "https://platform.adobe.io/data/foundation/flowservice",
        SALT,
        new TreeMap<>());
  }

  /** The same state, of environment and sandbox {@code sandbox}. */
  static State inSandbox(State s, String sandbox) {
    return new State(
        s.formatVersion(),
        s.lineage(),
        s.serial(),
        sandbox,
        sandbox,
        s.orgId(),
        s.endpoint(),
        s.fingerprintSalt(),
        s.resources());
  }

  /** A state of {@code count} created connections at serial {@code count}. */
  static State withResources(int count) {
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      resources.put(address(i), created(i));
    }
    State base = empty();
    return new State(
        base.formatVersion(),
        base.lineage(),
        count,
        base.environment(),
        base.sandbox(),
        base.orgId(),
        base.endpoint(),
        base.fingerprintSalt(),
        resources);
  }

  static String address(int i) {
    return StateFixtures.address(i);
  }

  static ResourceState pending(int i) {
    return StateFixtures.pending(i);
  }

  static ResourceState created(int i) {
    return StateFixtures.created(i);
  }

  /** The resource as a PATCH leaves it: a new etag, updated at {@code at}. */
  static ResourceState withEtag(ResourceState r, String etag, Instant at) {
    return new ResourceState(
        r.kind(),
        r.status(),
        r.id(),
        etag,
        r.name(),
        r.description(),
        r.connectionSpec(),
        r.authSpecName(),
        r.params(),
        r.secretFingerprints(),
        r.createdAt(),
        at);
  }
}
