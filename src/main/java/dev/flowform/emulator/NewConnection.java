package dev.flowform.emulator;

import java.util.Map;

/** A validated {@code POST /connections} body. */
record NewConnection(
    String name,
    String description,
    String specId,
    String specVersion,
    String authSpecName,
    Map<String, String> params) {

  NewConnection {
    params = Map.copyOf(params);
  }
}
