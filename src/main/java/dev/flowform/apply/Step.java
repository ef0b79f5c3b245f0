package dev.flowform.apply;

/**
 * What a worker hands back: the change ended, it ended but a record of it is not durable yet
 * (whoever reports it settles it first, see {@link Landing}), or it must run again (throttled).
 */
sealed interface Step {

  Attempt attempt();

  record Done(Attempt attempt, ChangeOutcome outcome) implements Step {}

  record Recording(Attempt attempt, Landing landing) implements Step {}

  record Requeue(Attempt attempt) implements Step {}
}
