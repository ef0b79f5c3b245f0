package dev.flowform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes what the platform lists to a project's catalog: one file per spec, trimmed and sorted,
 * written only when its bytes change; a file of a spec the platform no longer lists is removed.
 */
public final class CatalogWriter {
  private CatalogWriter() {}

  /**
   * What a pull did.
   *
   * @param written files created or changed, relative to the specs folder
   * @param removed files of specs no longer listed
   */
  public record Written(List<String> written, List<String> removed, int unchanged) {
    public Written {
      written = List.copyOf(written);
      removed = List.copyOf(removed);
    }

    public boolean changedAnything() {
      return !written.isEmpty() || !removed.isEmpty();
    }
  }

  /**
   * @param connectionSpecs the items of {@code GET /connectionSpecs}
   * @param flowSpecs the items of {@code GET /flowSpecs}
   */
  public static Written write(
      Path specs, List<JsonNode> connectionSpecs, List<JsonNode> flowSpecs) {
    List<String> written = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    int[] unchanged = {0};
    sync(
        specs.resolve(CatalogFiles.CONNECTIONS),
        files(connectionSpecs, CatalogJson::trimConnectionSpec),
        written,
        removed,
        unchanged);
    sync(
        specs.resolve(CatalogFiles.FLOWS),
        files(flowSpecs, CatalogJson::trimFlowSpec),
        written,
        removed,
        unchanged);
    return new Written(written, removed, unchanged[0]);
  }

  private static Map<String, String> files(
      List<JsonNode> items, Function<JsonNode, ObjectNode> trim) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode item : items) {
      String name = item.path("name").asText("");
      if (name.isBlank() || item.path("id").asText("").isBlank()) {
        continue; // nothing a manifest could name
      }
      out.put(CatalogFiles.fileName(name), CatalogJson.write(trim.apply(item)));
    }
    return out;
  }

  private static void sync(
      Path dir,
      Map<String, String> wanted,
      List<String> written,
      List<String> removed,
      int[] unchanged) {
    String folder = dir.getFileName().toString() + "/";
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> file : wanted.entrySet()) {
        Path path = dir.resolve(file.getKey());
        if (Files.isRegularFile(path) && CatalogFiles.readText(path).equals(file.getValue())) {
          unchanged[0]++;
          continue;
        }
        Path temp = Files.createTempFile(dir, ".pull-", ".tmp");
        Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(folder + file.getKey());
      }
      for (Path old : CatalogFiles.files(dir)) {
        if (!wanted.containsKey(old.getFileName().toString())) {
          Files.delete(old);
          removed.add(folder + old.getFileName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
