package dev.flowform.apply;

import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Change;
import dev.flowform.state.InMemoryStateStore;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;

/** A fake Flow Service, an in-memory store and the state between applies. */
final class Harness {
  final FakeFlowService api = new FakeFlowService();
  final InMemoryStateStore store;
  private State state;

  Harness() {
    this(Fixtures.emptyState());
  }

  Harness(State start) {
    this.state = start;
    this.store = new InMemoryStateStore(start);
  }

  ApplyResult apply(DesiredState desired, Change... changes) {
    return apply(desired, Fixtures.options(), changes);
  }

  ApplyResult apply(DesiredState desired, ApplyOptions options, Change... changes) {
    ApplyResult result =
        new Applier().apply(Fixtures.plan(state, changes), desired, state, store, api, options);
    state = result.state();
    return result;
  }

  State state() {
    return state;
  }

  ResourceState resource(String address) {
    return state.resource(address).orElseThrow();
  }

  /** The last state the store holds. */
  State persisted() {
    return store.read().orElseThrow();
  }
}
