package dev.flowform.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: the manifests folder, for every command that reads the manifests. */
public final class DirOption {

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Folder of manifests, read recursively (default: ${DEFAULT-VALUE}).",
      defaultValue = "manifests")
  Path dir;

  /** The manifests folder, resolved against where flowform was started. */
  public Path dir(CliContext context) {
    return context.workDir().resolve(dir).normalize();
  }
}
