package dev.flowform.cli;

import dev.flowform.plan.PlanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that shape a plan, shared by {@code plan} and {@code apply}. */
public final class PlanningOptions {

  @Option(
      names = "--refresh",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Read the recorded connections from AEP first to find drift (default: on; AEP"
              + " credentials that do not resolve are then an error naming the variable)."
              + " --refresh=false plans offline, without a drift check.")
  Boolean refresh;

  @Option(
      names = "--prune",
      description = "Also delete connections that left the manifests (orphans).")
  boolean prune;

  @Option(
      names = "--allow-replace",
      description = "Allow delete-and-create when a connection spec changes.")
  boolean allowReplace;

  @Option(
      names = "--adopt-existing",
      description =
          "Adopt a connection the platform already has under the same name, instead of stopping.")
  boolean adoptExisting;

  @Option(
      names = "--target",
      paramLabel = "ADDRESS",
      description =
          "Plan and apply only this connection (repeatable). The state is then only partly"
              + " reconciled; the plan says so.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--replace",
      paramLabel = "ADDRESS",
      description = "Delete this connection and create it again (repeatable).")
  List<String> replace = new ArrayList<>();

  public PlanOptions planOptions(boolean destroy) {
    return new PlanOptions(allowReplace, prune, adoptExisting, destroy).targeting(targets, replace);
  }

  public Optional<Boolean> refresh() {
    return Optional.ofNullable(refresh);
  }

  /** The options given, as typed: a saved plan takes none of them. */
  public java.util.List<String> given() {
    java.util.List<String> given = new java.util.ArrayList<>();
    if (refresh != null) {
      given.add("--refresh");
    }
    if (prune) {
      given.add("--prune");
    }
    if (allowReplace) {
      given.add("--allow-replace");
    }
    if (adoptExisting) {
      given.add("--adopt-existing");
    }
    if (!targets.isEmpty()) {
      given.add("--target");
    }
    if (!replace.isEmpty()) {
      given.add("--replace");
    }
    return given;
  }
}
