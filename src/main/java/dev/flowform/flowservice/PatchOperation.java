package dev.flowform.flowservice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One JSON Patch operation ({@code add}, {@code replace}, {@code remove}). {@code value} may hold
 * secrets (for {@code /auth/params}): {@link #toString()} does not show it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchOperation(String op, String path, Object value) {

  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation("replace", path, value);
  }

  public static PatchOperation add(String path, Object value) {
    return new PatchOperation("add", path, value);
  }

  public static PatchOperation remove(String path) {
    return new PatchOperation("remove", path, null);
  }

  @Override
  public String toString() {
    return "PatchOperation[op=" + op + ", path=" + path + "]";
  }
}
