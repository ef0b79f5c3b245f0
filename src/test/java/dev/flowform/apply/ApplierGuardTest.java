package dev.flowform.apply;

import static dev.flowform.testing.Fixtures.connection;
import static dev.flowform.testing.Fixtures.create;
import static dev.flowform.testing.Fixtures.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.Secret;
import dev.flowform.plan.Plan;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplierGuardTest {
  private final Harness run = new Harness();
  private final DesiredConnection a = connection("a").build();

  @Test
  void refusesAPlanMadeWithoutSomeSecretsBeforeSendingAnything() {
    Plan offline = Fixtures.plan(null, 0, List.of(create(a)), List.of("${env:X}"));

    FlowformException e =
        assertThrows(
            FlowformException.class,
            () ->
                new Applier()
                    .apply(
                        offline,
                        desired(a),
                        run.state(),
                        run.store,
                        run.api,
                        Fixtures.options().build()));

    assertTrue(e.getMessage().contains("${env:X}"));
    assertEquals(0, run.api.calls("create"));
    assertTrue(run.store.history().isEmpty());
  }

  @Test
  void refusesAPlanMadeFromAnotherSerialOfTheState() {
    State moved =
        run.state()
            .with(
                "x",
                ResourceRecords.pending(
                    connection("x").build(), Fixtures.SALT, Fixtures.CLOCK.instant()));
    Plan stale = Fixtures.plan(run.state(), create(a));

    assertThrows(
        FlowformException.class,
        () ->
            new Applier()
                .apply(stale, desired(a), moved, run.store, run.api, Fixtures.options().build()));
    assertEquals(0, run.api.calls("create"));
  }

  @Test
  void reportsAChangeWhoseSecretsDidNotResolveAsFailed() {
    DesiredConnection unresolved =
        connection("a")
            .description(null)
            .onlySecrets(java.util.Map.of("clientSecret", Secret.unresolved("${env:S}")))
            .build();

    ApplyResult result = run.apply(desired(unresolved), create(a));

    assertEquals(Outcome.FAILED, result.outcomes().get(0).outcome());
    assertEquals(0, run.api.calls("create"));
  }

  @Test
  void neverSendsAConnectionLoadedOfflineWithAValueThatDidNotResolve() {
    DesiredConnection offline = connection("a").unresolvedAttribute("/name").build();

    ApplyResult result = run.apply(desired(offline), create(a));

    assertEquals(Outcome.FAILED, result.outcomes().get(0).outcome());
    assertTrue(result.outcomes().get(0).message().contains("/name did not resolve"));
    assertEquals(0, run.api.calls("create"));
  }

  @Test
  void anEmptyPlanWritesNothing() {
    ApplyResult result = run.apply(desired());

    assertTrue(result.succeeded());
    assertTrue(run.store.history().isEmpty());
  }
}
