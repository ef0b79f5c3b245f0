package dev.flowform.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowform.status.Cell;
import dev.flowform.status.EnvironmentColumn;
import dev.flowform.status.StatusMatrix;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status matrix as JSON: {@code {"formatVersion": "1", "environments": [...], "connections":
 * {"<address>": {"<env>": {"status": "in-sync"}}}}}.
 */
public final class StatusJsonRenderer {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Json(
      String formatVersion,
      List<EnvironmentColumn> environments,
      Map<String, Map<String, Cell>> connections) {}

  public String render(StatusMatrix matrix) {
    Map<String, Map<String, Cell>> connections = new LinkedHashMap<>();
    matrix
        .rows()
        .forEach(
            (address, cells) -> {
              Map<String, Cell> byEnvironment = new LinkedHashMap<>();
              for (int i = 0; i < cells.size(); i++) {
                byEnvironment.put(matrix.environments().get(i).name(), cells.get(i));
              }
              connections.put(address, byEnvironment);
            });
    try {
      return mapper.writeValueAsString(new Json("1", matrix.environments(), connections)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
