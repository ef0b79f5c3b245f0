package dev.flowform.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One connection in one environment.
 *
 * @param notCompared the attributes that could not be compared because a reference did not resolve
 *     here (secrets in a pull request without them, say), e.g. {@code auth/params/clientSecret}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Cell(CellStatus status, List<String> notCompared) {

  public Cell {
    notCompared = List.copyOf(notCompared);
  }

  public static Cell of(CellStatus status) {
    return new Cell(status, List.of());
  }

  /** True when the status may hide a difference in what could not be compared. */
  public boolean partial() {
    return !notCompared.isEmpty() && status == CellStatus.IN_SYNC;
  }
}
