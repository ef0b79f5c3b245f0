package dev.flowform.testing;

import dev.flowform.apply.Applier;
import dev.flowform.apply.ApplyOptions;
import dev.flowform.apply.ApplyResult;
import dev.flowform.manifest.DesiredState;
import dev.flowform.plan.Change;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;

/** A fake Flow Service, an in-memory store and the state between applies. */
public final class Harness {
  public final FakeFlowService api = new FakeFlowService();
  public final InMemoryStateStore store;
  private State state;

  public Harness() {
    this(StateFixtures.empty());
  }

  public Harness(State start) {
    this.state = start;
    this.store = new InMemoryStateStore(start);
  }

  public ApplyResult apply(DesiredState desired, Change... changes) {
    return apply(desired, Fixtures.options().build(), changes);
  }

  public ApplyResult apply(DesiredState desired, ApplyOptions options, Change... changes) {
    ApplyResult result =
        new Applier().apply(Fixtures.plan(state, changes), desired, state, store, api, options);
    state = result.state();
    return result;
  }

  public State state() {
    return state;
  }

  public ResourceState resource(String address) {
    return state.resource(address).orElseThrow();
  }

  /** The last state the store holds. */
  public State persisted() {
    return store.read().orElseThrow();
  }
}
