package dev.flowform.emulator;

/**
 * The calls faults can be injected into. Each applies alike to base connections, to the pipeline
 * collections ({@code /sourceConnections}, {@code /targetConnections}, {@code /flows}) and to Data
 * Prep's {@code /mappingSets}; a flow action counts as an update, a mapping set PUT too.
 */
public enum Operation {
  /** {@code POST /connections} and the other collections' POST. */
  CREATE,
  /** {@code GET /connections/{id}} and the other collections' GET by id. */
  READ,
  /** {@code GET /connections} and the other collections' lists. */
  LIST,
  /** {@code PATCH /connections/{id}}, the other PATCHes, flow actions, mapping set PUTs. */
  UPDATE,
  /** {@code DELETE /connections/{id}} and the other collections' DELETE. */
  DELETE
}
