package dev.flowform.cli;

import dev.flowform.diag.FlowformException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowform init}: a starting project, written only where nothing exists yet. */
@Command(
    name = "init",
    description = {
      "Create a starting project, writing only where nothing exists yet.",
      "Writes manifests for environments local (the embedded emulator) and dev, one connection,"
          + " placeholder secrets under .secrets/, and a .gitignore for state, backups, journals,"
          + " locks and emulator files. Never overwrites a file: it refuses when any exists (an"
          + " existing .gitignore is extended instead)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flowform init && flowform validate --env local && flowform apply --env local",
      "  flowform init --dir infra/manifests"
    })
final class InitCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin DirOption common;

  InitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path manifests = common.dir(context);
    Path project = manifests.getParent() == null ? context.workDir() : manifests.getParent();
    Map<String, String> files = Scaffold.files(project.relativize(manifests).toString());
    List<String> existing =
        files.keySet().stream()
            .map(project::resolve)
            .filter(Files::exists)
            .map(context::display)
            .toList();
    if (!existing.isEmpty()) {
      throw new FlowformException(
          "init would overwrite " + String.join(", ", existing) + "; nothing was written",
          "run init in an empty folder, or pick another manifests folder with --dir");
    }
    PrintWriter out = context.terminal().out();
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = project.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardOpenOption.CREATE_NEW);
        if (file.getKey().startsWith(".secrets/")) {
          ownerOnly(path);
          ownerOnly(path.getParent());
        }
        out.println("created " + context.display(path));
      }
      ignore(project.resolve(Scaffold.GITIGNORE), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf(
        "%nNext: flowform validate --env local && flowform apply --env local%n"
            + "Put the HubSpot app's secrets in .secrets/ (or switch to ${env:...}) before dev.%n");
    out.flush();
    return ExitCode.OK;
  }

  /** Secrets are the owner's only (0600, their folder 0700), like state. */
  private static void ownerOnly(Path path) throws IOException {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        path,
        java.nio.file.attribute.PosixFilePermissions.fromString(
            Files.isDirectory(path) ? "rwx------" : "rw-------"));
  }

  /** Writes .gitignore, or appends flowform's lines to one that lacks them. */
  private void ignore(Path gitignore, PrintWriter out) throws IOException {
    if (!Files.exists(gitignore)) {
      Files.writeString(gitignore, Scaffold.IGNORED, StandardOpenOption.CREATE_NEW);
      out.println("created " + context.display(gitignore));
      return;
    }
    String current = Files.readString(gitignore, StandardCharsets.UTF_8);
    if (current.lines().anyMatch(line -> line.strip().equals(".flowform/"))) {
      out.println("kept " + context.display(gitignore) + " (it already ignores .flowform/)");
      return;
    }
    String separator = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
    Files.writeString(gitignore, separator + "\n" + Scaffold.IGNORED, StandardOpenOption.APPEND);
    out.println("extended " + context.display(gitignore));
  }
}
