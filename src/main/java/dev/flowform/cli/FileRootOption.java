package dev.flowform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --allow-file-root}: folders beyond the project that {@code ${file:}} may read. */
public final class FileRootOption {

  @Option(
      names = "--allow-file-root",
      paramLabel = "PATH",
      description =
          "Also let $${file:} read under this folder (repeatable). By default it reads only inside"
              + " the project: the folder holding --dir.")
  List<Path> fileRoots = new ArrayList<>();

  /** The folders {@code --allow-file-root} opened to {@code ${file:}}, resolved. */
  public List<Path> fileRoots(CliContext context) {
    return fileRoots.stream().map(p -> context.workDir().resolve(p).normalize()).toList();
  }
}
