package dev.flowform.manifest;

import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.ManifestDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's manifest files into documents, the problems of each file kept in file order. */
final class ManifestReads {
  private ManifestReads() {}

  /** Reads the files in parallel (each with its own reader), keeping their sorted order. */
  static List<ManifestDocument> read(
      DisplayPath display,
      List<ManifestKind<?>> kinds,
      List<Path> files,
      List<Diagnostic> problems) {
    List<String> known = new ArrayList<>(Headers.KINDS);
    kinds.forEach(k -> known.add(k.kind()));
    YamlReader reader = new YamlReader(display, known);
    List<FileRead> reads =
        files.parallelStream()
            .map(
                file -> {
                  List<Diagnostic> found = new ArrayList<>();
                  return new FileRead(reader.read(file, found), found);
                })
            .toList();
    List<ManifestDocument> documents = new ArrayList<>();
    for (FileRead read : reads) {
      documents.addAll(read.documents());
      problems.addAll(read.problems());
    }
    return documents;
  }

  private record FileRead(List<ManifestDocument> documents, List<Diagnostic> problems) {}
}
