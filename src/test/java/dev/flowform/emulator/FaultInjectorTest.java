package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void ratesLimitedToCreatesLeaveEveryOtherCallAlone() {
    Faults faults = Faults.none().with(FaultKind.UNAVAILABLE, 1.0).onlyFor(Operation.CREATE);
    FaultInjector injector = new FaultInjector(faults, new Random(1));

    assertEquals(Optional.of(FaultKind.UNAVAILABLE), injector.next(Operation.CREATE));
    for (Operation other : new Operation[] {Operation.READ, Operation.LIST, Operation.UPDATE}) {
      assertTrue(injector.next(other).isEmpty(), other.name());
    }
  }

  @Test
  void scriptedFaultsStrikeEvenWhereRatesDoNotApply() {
    Faults faults = Faults.none().with(FaultKind.UNAVAILABLE, 1.0).onlyFor(Operation.CREATE);
    FaultInjector injector = new FaultInjector(faults, new Random(1));
    injector.script(Operation.LIST, FaultKind.THROTTLED, 1);

    assertEquals(Optional.of(FaultKind.THROTTLED), injector.next(Operation.LIST));
    assertTrue(injector.next(Operation.LIST).isEmpty());
  }
}
