package dev.flowform.cli;

import dev.flowform.plan.PlanOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that shape a plan, shared by {@code plan} and {@code apply}. */
public final class PlanningOptions {

  @Option(
      names = "--refresh",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Read the recorded connections from AEP first to find drift (default: on when"
              + " credentials resolve; --refresh=false plans offline).")
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

  public PlanOptions planOptions(boolean destroy) {
    return new PlanOptions(allowReplace, prune, adoptExisting, destroy);
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
    return given;
  }
}
