package dev.flowform.emulator;

import java.util.Optional;

/**
 * What a check of a create or an update may read of one org and sandbox: base connections and
 * pipeline resources. Handed out under the data lock, so what it sees cannot change before the
 * checked change is made.
 */
final class Lookup {
  private final Scope scope;
  private final ConnectionStore connections;
  private final ResourceStore resources;

  Lookup(Scope scope, ConnectionStore connections, ResourceStore resources) {
    this.scope = scope;
    this.connections = connections;
    this.resources = resources;
  }

  Optional<EmulatedConnection> baseConnection(String id) {
    return connections.get(scope, id);
  }

  Optional<EmulatedResource> resource(ResourceKind kind, String id) {
    return resources.get(scope, kind, id);
  }

  /** The resource, or the {@code 400} a create or update that names a missing one gets. */
  EmulatedResource existing(ResourceKind kind, String id) {
    return resource(kind, id).orElseThrow(() -> Errors.missingReference(kind.label(), id));
  }
}
