package dev.flowform.cli;

import dev.flowform.apply.ApplyOptions;
import dev.flowform.apply.ApplyResult;
import dev.flowform.apply.Settling;
import dev.flowform.cli.render.JsonApplyErrorRenderer;
import dev.flowform.cli.render.JsonApplyRenderer;
import dev.flowform.diag.FlowformException;
import dev.flowform.manifest.Resolution;
import dev.flowform.plan.Action;
import dev.flowform.plan.Plan;
import dev.flowform.plan.Reason;
import dev.flowform.run.RunSettings;
import dev.flowform.run.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What {@code apply} and {@code destroy} share: plan under the lock, show the plan, ask for {@code
 * yes} (unless approved already), execute, report, and map the outcome to an exit code.
 */
final class ApplyFlow {
  private final CliContext context;
  private final Interrupts interrupts;
  private final ApplyDisplay display;
  private final int parallelism;
  private final Settling settling;

  /** Whether the result went out already: an error after it (closing the state) prints no other. */
  private boolean printed;

  ApplyFlow(CliContext context, Interrupts interrupts, ApplyDisplay display, int parallelism) {
    this(context, interrupts, display, parallelism, Settling.STANDARD);
  }

  /**
   * @param settling how long a create whose outcome is unknown is looked for before it is resent
   */
  ApplyFlow(
      CliContext context,
      Interrupts interrupts,
      ApplyDisplay display,
      int parallelism,
      Settling settling) {
    this.context = context;
    this.interrupts = interrupts;
    this.display = display;
    this.parallelism = parallelism;
    this.settling = settling;
  }

  /**
   * @param planner makes the plan to execute, under the lock
   * @param approved true when no question is to be asked (--auto-approve, a saved plan)
   */
  int run(
      RunSettings settings,
      Resolution resolution,
      String operation,
      Function<Session, Plan> planner,
      boolean approved) {
    try {
      return run(settings, resolution, operation, planner, approved, human());
    } catch (RuntimeException e) {
      if (display.json() && !printed) {
        context
            .terminal()
            .out()
            .print(new JsonApplyErrorRenderer().render(settings.environment(), e));
        context.terminal().out().flush();
      }
      throw e;
    }
  }

  private int run(
      RunSettings settings,
      Resolution resolution,
      String operation,
      Function<Session, Plan> planner,
      boolean approved,
      PrintWriter out) {
    try (Session session = Session.open(settings, resolution, operation)) {
      Plan plan = planner.apply(session);
      out.print(OutputFormat.TEXT.renderer(display.color()).render(plan));
      out.flush();
      if (!plan.hasChanges()) {
        json(plan, new ApplyResult(List.of(), session.state().recordedOrEmpty(), false));
        return conflicts(plan);
      }
      if (!approved && !confirmed(plan, operation)) {
        throw new FlowformException(operation + " cancelled: nothing was changed");
      }
      ApplyResult result = execute(session, plan);
      new ApplyReport(out, context.terminal().err()).print(result);
      json(plan, result);
      if (result.cancelled()) {
        return ExitCode.INTERRUPTED;
      }
      return result.succeeded() ? conflicts(plan) : ExitCode.ERROR;
    }
  }

  /**
   * Conflicts (a connection of the manifest's name exists, unknown to state) were not created: the
   * manifests are not met, so the run fails, pointing to import.
   */
  private int conflicts(Plan plan) {
    long conflicts = plan.counts().get(Action.CONFLICT);
    if (conflicts == 0) {
      return ExitCode.OK;
    }
    PrintWriter err = context.terminal().err();
    long renames =
        plan.changes().stream()
            .filter(c -> c.action() == Action.CONFLICT && c.reason() == Reason.NAME_TAKEN)
            .count();
    if (renames > 0) {
      err.printf(
          "error: %d connection(s) not renamed: the platform already has connections of their"
              + " new names, not managed by this state (see the plan)%n",
          renames);
      err.println(
          "hint: give spec.name another value, or rename or delete the other connection in AEP");
      conflicts -= renames;
      if (conflicts == 0) {
        err.flush();
        return ExitCode.ERROR;
      }
    }
    err.printf(
        "error: %d connection(s) not created: the platform already has connections of their"
            + " names, unknown to this state (see the plan)%n",
        conflicts);
    err.println(
        "hint: flowform import --env "
            + plan.environment()
            + " ADDRESS ID to manage one, or apply with --adopt-existing");
    err.flush();
    return ExitCode.ERROR;
  }

  /** Where people's text goes: stdout, unless stdout carries JSON. */
  private PrintWriter human() {
    return display.json() ? context.terminal().err() : context.terminal().out();
  }

  private void json(Plan plan, ApplyResult result) {
    if (display.json()) {
      printed = true;
      context.terminal().out().print(new JsonApplyRenderer().render(plan, result));
      context.terminal().out().flush();
    }
  }

  private boolean confirmed(Plan plan, String operation) {
    if (!context.terminal().interactive()) {
      throw new FlowformException(
          operation + " needs confirmation, and there is no terminal to ask on",
          "pass --auto-approve in pipelines, or apply a plan saved with plan --out");
    }
    PrintWriter out = human();
    out.printf(
        "%nDo you want to perform these actions in environment \"%s\" (sandbox \"%s\")?%n"
            + "  Only 'yes' will be accepted to approve.%n%n  Enter a value: ",
        plan.environment(), plan.sandbox());
    out.flush();
    try {
      String answer = context.terminal().in().readLine();
      out.println();
      return answer != null && answer.strip().equals("yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApplyResult execute(Session session, Plan plan) {
    ProgressLines progress =
        new ProgressLines(
            human(),
            context.clock(),
            ProgressMode.of(display.quiet(), context.terminal().interactive()),
            plan.mutations().size());
    ApplyOptions options =
        ApplyOptions.builder(context.clock())
            .parallelism(parallelism)
            .cancellation(interrupts.watch())
            .listener(progress)
            .settling(settling)
            .build();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flowform-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
    try {
      return session.apply(plan, options);
    } finally {
      ticker.shutdownNow();
      progress.finish();
    }
  }
}
