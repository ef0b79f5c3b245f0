package dev.flowform.diag;

/**
 * Where something stands in a file: {@code file} as shown to the user (relative to where flowform
 * was started), 1-based {@code line} and {@code column}; 0 where unknown.
 */
public record SourcePosition(String file, int line, int column) {

  public static SourcePosition ofFile(String file) {
    return new SourcePosition(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return file + ":" + line + ":" + column;
  }
}
