package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The catalog kept in a project: {@code specs/connections/NAME.json} (one file per connector) and
 * {@code specs/flows/NAME.json}, beside the manifests folder.
 */
public final class CatalogFiles {
  static final String CONNECTIONS = "connections";
  static final String FLOWS = "flows";

  private CatalogFiles() {}

  /** The specs folder of a manifests folder: {@code specs/} beside it. */
  public static Path of(Path manifestsDir) {
    Path parent = manifestsDir.toAbsolutePath().normalize().getParent();
    return (parent == null ? manifestsDir : parent).resolve("specs");
  }

  /** What a read found: the catalog, and a problem for each file it could not read. */
  public record Read(Catalog catalog, List<Diagnostic> problems) {
    public Read {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads the catalog (the built-in specs only when the folder does not exist).
   *
   * @param display how a file is named in a diagnostic
   */
  public static Read read(Path specs, Function<Path, String> display) {
    List<Diagnostic> problems = new ArrayList<>();
    List<ConnectorSpec> connectors =
        each(specs.resolve(CONNECTIONS), CatalogJson::connector, display, problems);
    List<FlowSpec> flows = each(specs.resolve(FLOWS), CatalogJson::flowSpec, display, problems);
    return new Read(Catalog.of(connectors, flows), problems);
  }

  private static <T> List<T> each(
      Path dir,
      Function<JsonNode, T> parse,
      Function<Path, String> display,
      List<Diagnostic> problems) {
    List<T> out = new ArrayList<>();
    for (Path file : files(dir)) {
      try {
        out.add(parse.apply(CatalogJson.MAPPER.readTree(file.toFile())));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(
            Diagnostic.error(
                SourcePosition.ofFile(display.apply(file)),
                "spec file cannot be read: " + e.getMessage().lines().findFirst().orElse(""),
                "run flowform specs pull again"));
      }
    }
    return out;
  }

  /** The {@code *.json} files of a folder, sorted; none when it does not exist. */
  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name of a spec: its name, lower case, anything but letters, digits and - as -. */
  static String fileName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + ".json";
  }

  static String readText(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
