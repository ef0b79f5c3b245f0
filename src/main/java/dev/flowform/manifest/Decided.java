package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import java.util.List;

/**
 * A desired resource with what the catalog decided for it while loading (a dataflow's flow spec),
 * and the problems of deciding it.
 */
public record Decided(DesiredResource resource, List<Diagnostic> problems) {
  public Decided {
    problems = List.copyOf(problems);
  }

  /** The resource as it is, nothing to decide. */
  public static Decided as(DesiredResource resource) {
    return new Decided(resource, List.of());
  }
}
