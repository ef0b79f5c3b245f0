package dev.flowform.flowservice;

import dev.flowform.model.ConnectionSpecRef;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /connections}. {@code params} holds secret values: {@link #toString()}
 * never shows those named in {@code sensitiveParams}.
 */
public record ConnectionRequest(
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    Map<String, String> params,
    Set<String> sensitiveParams) {

  public ConnectionRequest {
    params = Map.copyOf(params);
    sensitiveParams = Set.copyOf(sensitiveParams);
  }

  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder();
    params.keySet().stream()
        .sorted()
        .forEach(
            key ->
                shown
                    .append(shown.length() == 0 ? "" : ", ")
                    .append(key)
                    .append('=')
                    .append(sensitiveParams.contains(key) ? "(sensitive)" : params.get(key)));
    return "ConnectionRequest[name="
        + name
        + ", description="
        + description
        + ", connectionSpec="
        + connectionSpec
        + ", authSpecName="
        + authSpecName
        + ", params={"
        + shown
        + "}]";
  }
}
