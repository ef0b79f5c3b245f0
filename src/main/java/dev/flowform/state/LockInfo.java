package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.flowform.diag.Printable;
import java.time.Instant;

/**
 * Who holds a state lock, as written to {@code <state>.lock.info} while it is held.
 *
 * @param id what {@code flowform force-unlock ID} takes
 * @param path the state file, absolute
 */
@JsonPropertyOrder({"id", "operation", "who", "pid", "version", "created", "path"})
public record LockInfo(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String operation,
    @JsonProperty(required = true) String who,
    @JsonProperty(required = true) long pid,
    @JsonProperty(required = true) String version,
    @JsonProperty(required = true) Instant created,
    @JsonProperty(required = true) String path) {

  /**
   * {@code apply (id 1234..., alice@host, pid 42, flowform 0.1.0, since 2026-...)}, without control
   * characters: another run (on another machine, or an older flowform) wrote it.
   */
  public String describe() {
    return Printable.of(
        operation
            + " (id "
            + id
            + ", "
            + who
            + ", pid "
            + pid
            + ", flowform "
            + version
            + ", since "
            + created
            + ")");
  }
}
