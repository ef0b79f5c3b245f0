package dev.flowform.run;

import dev.flowform.plan.Plan;
import dev.flowform.plan.SavedChangesCheck;
import dev.flowform.plan.SavedPlan;
import dev.flowform.plan.SavedPlanFile;
import dev.flowform.plan.StalePlanCheck;
import java.nio.file.Path;
import java.util.Optional;

/** {@code apply FILE}: a saved plan, read, then executed only as it was made. */
public final class SavedPlans {
  private SavedPlans() {}

  /** The saved plan in {@code file}; it names its own environment. */
  public static SavedPlan read(Path file) {
    return new SavedPlanFile().read(file);
  }

  /**
   * The saved plan, exactly, once shown to be neither stale (the state, manifests or secrets moved
   * since) nor altered (a change a fresh plan from this state and these manifests would not make).
   * Checked offline, under the lock, before anything is sent.
   */
  public static Plan verified(Session session, SavedPlan saved) {
    Plan plan = saved.toPlan();
    Plan fresh = session.plan(SavedChangesCheck.freshOptions(plan), Optional.of(false), 1);
    StalePlanCheck.check(plan, session.state().recorded(), fresh);
    SavedChangesCheck.check(plan, session.state().recorded(), fresh);
    return plan;
  }
}
