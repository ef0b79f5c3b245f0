package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import dev.flowform.testing.Fixtures;
import org.junit.jupiter.api.Test;

class StateBindingTest {
  private static final String URL = "https://platform.adobe.io/data/foundation/flowservice";
  private static final String FILE = ".flowform/prod.state.json";

  private final State prodState =
      new State(
          1,
          "l",
          3,
          "prod",
          "prod",
          "PROD@AdobeOrg",
          URL,
          Fixtures.SALT,
          new java.util.TreeMap<>());

  @Test
  void acceptsTheStateOfItsOwnSandboxOrgAndEndpoint() {
    assertDoesNotThrow(
        () -> new StateBinding("prod", "prod", "PROD@AdobeOrg", URL + "/").check(prodState, FILE));
  }

  @Test
  void refusesAStateOfAnotherSandbox() {
    FlowformException e =
        assertThrows(
            FlowformException.class,
            () -> new StateBinding("dev", "dev", "PROD@AdobeOrg", URL).check(prodState, FILE));

    assertEquals(
        "state file .flowform/prod.state.json was written for sandbox 'prod', but environment"
            + " 'dev' targets sandbox 'dev'",
        e.getMessage());
    assertEquals(
        "this state belongs to sandbox 'prod' (environment 'prod'); use the prod environment or"
            + " another state file",
        e.hint());
  }

  @Test
  void refusesAStateOfAnotherOrg() {
    FlowformException e =
        assertThrows(
            FlowformException.class,
            () -> new StateBinding("prod", "prod", "OTHER@AdobeOrg", URL).check(prodState, FILE));

    assertTrue(e.getMessage().contains("org 'PROD@AdobeOrg'"), e.getMessage());
    assertTrue(e.getMessage().contains("targets org 'OTHER@AdobeOrg'"), e.getMessage());
  }

  @Test
  void refusesAStateOfAnotherEndpoint() {
    FlowformException e =
        assertThrows(
            FlowformException.class,
            () ->
                new StateBinding("prod", "prod", "PROD@AdobeOrg", "embedded")
                    .check(prodState, FILE));

    assertTrue(e.getMessage().contains("targets endpoint 'embedded'"), e.getMessage());
  }

  @Test
  void doesNotCompareAnOrgThatIsNotKnownInThisRun() {
    assertDoesNotThrow(() -> new StateBinding("prod", "prod", null, URL).check(prodState, FILE));
  }

  @Test
  void doesNotCompareASandboxOrEndpointThatIsNotKnownInThisRun() {
    assertDoesNotThrow(() -> new StateBinding("prod", null, null, null).check(prodState, FILE));
  }
}
