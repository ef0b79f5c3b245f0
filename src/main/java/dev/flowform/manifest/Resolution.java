package dev.flowform.manifest;

/** How far the loader resolves references. */
public enum Resolution {
  /** Structure and rules only; no {@code ${env:}}, {@code ${file:}} or {@code ${var:}} resolved. */
  STRUCTURE,
  /** Every reference of the selected environment must resolve (apply, validate --env). */
  STRICT,
  /**
   * Like STRICT, but sensitive references that do not resolve become {@link Secret#unresolved}
   * instead of errors (plan, status: pull requests without secrets).
   */
  LENIENT_SECRETS,
  /**
   * Like STRICT, but every {@code ${env:}} or {@code ${file:}} reference that does not resolve
   * (unset, empty, missing) is tolerated and kept unresolved, and the model says so: an unresolved
   * secret is {@link Secret#unresolved}, any other value is listed in {@link
   * DesiredConnection#unresolved()} or {@link EnvironmentConfig#unresolved()} (status: a pull
   * request without secrets or org ids). Nothing loaded this way may be sent to the platform.
   */
  OFFLINE
}
