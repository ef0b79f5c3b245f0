package dev.flowform.emulator;

/** The connection calls faults can be injected into. */
public enum Operation {
  /** {@code POST /connections}. */
  CREATE,
  /** {@code GET /connections/{id}}. */
  READ,
  /** {@code GET /connections}. */
  LIST,
  /** {@code PATCH /connections/{id}}. */
  UPDATE,
  /** {@code DELETE /connections/{id}}. */
  DELETE
}
