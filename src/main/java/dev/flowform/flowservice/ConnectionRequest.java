package dev.flowform.flowservice;

import dev.flowform.model.ConnectionSpecRef;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /connections}. {@code params} holds secret values: {@link #toString()}
 * never shows those named in {@code sensitiveParams}.
 *
 * @param paramTypes the params sent as another JSON type than text, by name ({@code port ->
 *     integer}; see {@link dev.flowform.catalog.ParamTypes})
 */
public record ConnectionRequest(
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    Map<String, String> params,
    Set<String> sensitiveParams,
    Map<String, String> paramTypes) {

  public ConnectionRequest {
    params = Map.copyOf(params);
    sensitiveParams = Set.copyOf(sensitiveParams);
    paramTypes = paramTypes == null ? Map.of() : Map.copyOf(paramTypes);
  }

  /** A request whose params are all text. */
  public ConnectionRequest(
      String name,
      String description,
      ConnectionSpecRef connectionSpec,
      String authSpecName,
      Map<String, String> params,
      Set<String> sensitiveParams) {
    this(name, description, connectionSpec, authSpecName, params, sensitiveParams, null);
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
