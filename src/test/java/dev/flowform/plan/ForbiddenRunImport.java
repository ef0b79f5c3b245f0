package dev.flowform.plan;

import dev.flowform.run.Session;

/**
 * Breaks the layering on purpose (plan reaching up into run) so the architecture rules can fail.
 */
final class ForbiddenRunImport {
  private ForbiddenRunImport() {}

  static Class<?> reachesUp() {
    return Session.class;
  }
}
