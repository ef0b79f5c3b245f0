package dev.flowform.cli.render;

import dev.flowform.plan.Plan;

/** Turns a plan into what a person or a program reads. Never shows a secret value. */
public interface PlanRenderer {

  /** The whole output, ending with a newline. */
  String render(Plan plan);
}
