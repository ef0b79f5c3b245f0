package dev.flowform.state;

import dev.flowform.diag.FlowformException;

/**
 * The sandbox, org and endpoint an environment targets, checked against what a state file records:
 * what keeps a prod state from ever being applied to the dev sandbox. A null sandbox, org or
 * endpoint means "not known in this run" (an unresolved reference in an offline status) and is not
 * compared.
 */
public record StateBinding(String environment, String sandbox, String orgId, String endpoint) {

  /**
   * @param stateFile the state file as the user should see it
   * @throws FlowformException when the state belongs to another sandbox, org or endpoint
   */
  public void check(State state, String stateFile) {
    String owner =
        "this state belongs to sandbox '"
            + state.sandbox()
            + "' (environment '"
            + state.environment()
            + "'); use the "
            + state.environment()
            + " environment or another state file";
    if (sandbox != null && !state.sandbox().equals(sandbox)) {
      throw mismatch(stateFile, "sandbox", state.sandbox(), sandbox, owner);
    }
    if (orgId != null && state.orgId() != null && !state.orgId().equals(orgId)) {
      throw mismatch(stateFile, "org", state.orgId(), orgId, owner);
    }
    if (endpoint != null && !normalized(state.endpoint()).equals(normalized(endpoint))) {
      throw mismatch(stateFile, "endpoint", state.endpoint(), endpoint, owner);
    }
  }

  private FlowformException mismatch(
      String stateFile, String what, String recorded, String wanted, String hint) {
    return new FlowformException(
        "state file "
            + stateFile
            + " was written for "
            + what
            + " '"
            + recorded
            + "', but environment '"
            + environment
            + "' targets "
            + what
            + " '"
            + wanted
            + "'",
        hint);
  }

  private static String normalized(String endpoint) {
    String s = endpoint == null ? "" : endpoint.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
