package dev.flowform.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowform.kinds.Health;
import java.util.List;

/**
 * One connection in one environment.
 *
 * @param notCompared the attributes that could not be compared because a reference did not resolve
 *     here (secrets in a pull request without them, say), e.g. {@code auth/params/clientSecret}
 * @param drift what {@code status --refresh} found changed on the platform, or null
 * @param health what {@code status --refresh} read of a resource that runs (a dataflow), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Cell(CellStatus status, List<String> notCompared, Drift drift, Health health) {

  public Cell {
    notCompared = List.copyOf(notCompared);
  }

  public Cell(CellStatus status, List<String> notCompared) {
    this(status, notCompared, null, null);
  }

  /** This cell with the drift a refresh found. */
  public Cell withDrift(Drift found) {
    return new Cell(status, notCompared, found, health);
  }

  /** This cell with the health a refresh read. */
  public Cell withHealth(Health read) {
    return new Cell(status, notCompared, drift, read);
  }

  /** True when a refresh read that it runs badly: its latest run failed, or it could not tell. */
  public boolean unhealthy() {
    return health != null && (health.failed() || health.unknown());
  }

  public static Cell of(CellStatus status) {
    return new Cell(status, List.of());
  }

  /** True when the status may hide a difference in what could not be compared. */
  public boolean partial() {
    return !notCompared.isEmpty() && status == CellStatus.IN_SYNC;
  }
}
