package dev.flowform.apply;

/** What a worker hands back: the change ended, or it must run again (throttled). */
sealed interface Step {

  Attempt attempt();

  record Done(Attempt attempt, ChangeOutcome outcome) implements Step {}

  record Requeue(Attempt attempt) implements Step {}
}
