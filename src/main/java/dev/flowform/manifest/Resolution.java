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
  LENIENT_SECRETS
}
