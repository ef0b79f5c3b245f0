package dev.flowform.manifest;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.ManifestDocument;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.References.Ref;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The environment variables and files that any sensitive field of any manifest refers to. A value
 * read from one of them is a secret wherever it is used, even in a field that is not sensitive.
 * Every reference in a PostgreSQL state URL counts: the scrubber knows what it resolves to before
 * the URL is parsed, so a password the parser takes for a port or a host never prints.
 */
record SecretSources(Set<String> envNames, Set<Path> files) {
  static final SecretSources NONE = new SecretSources(Set.of(), Set.of());
  private static final String STATE = "/spec/state";

  SecretSources {
    envNames = Set.copyOf(envNames);
    files = Set.copyOf(files);
  }

  /** The sources of every document's sensitive fields, whatever environment it belongs to. */
  static SecretSources of(Collection<ManifestDocument> documents) {
    return of(documents, doc -> Set.of());
  }

  /**
   * @param others the sensitive pointers of a document of another kind (a Connection's, from its
   *     connector's spec)
   */
  static SecretSources of(
      Collection<ManifestDocument> documents,
      java.util.function.Function<ManifestDocument, Set<String>> others) {
    Set<String> names = new HashSet<>();
    Set<Path> files = new HashSet<>();
    for (ManifestDocument doc : documents) {
      Set<String> pointers =
          doc.kind().equals(ConnectionManifest.KIND)
              ? DocumentResolver.SENSITIVE_PARAMS
              : doc.kind().equals(EnvironmentManifest.KIND)
                  ? DocumentResolver.SECRET_CREDENTIALS
                  : others.apply(doc);
      if (doc.kind().equals(EnvironmentManifest.KIND)
          && dev.flowform.model.PostgresUrl.isUrl(doc.text(STATE))) {
        // every part of a state URL may be the password, or show it when the URL is malformed
        pointers = new HashSet<>(pointers);
        pointers.add(STATE);
      }
      Path dir = doc.file().toAbsolutePath().getParent();
      for (String pointer : pointers) {
        String raw = doc.text(pointer);
        if (raw != null) {
          collect(raw, dir, names, files);
        }
      }
    }
    return new SecretSources(names, files);
  }

  /**
   * Every source one text refers to, as for a state URL in a manifest: a state location given on
   * the command line.
   *
   * @param dir the folder its {@code ${file:}} paths are relative to
   */
  static SecretSources ofText(String raw, Path dir) {
    Set<String> names = new HashSet<>();
    Set<Path> files = new HashSet<>();
    collect(raw, dir, names, files);
    return new SecretSources(names, files);
  }

  private static void collect(String raw, Path dir, Set<String> names, Set<Path> files) {
    for (References.Part part : References.parse(raw)) {
      if (part instanceof Ref ref && ref.scheme().equals("env")) {
        names.add(ref.argument());
      } else if (part instanceof Ref ref && ref.scheme().equals("file")) {
        key(dir, ref.argument(), files);
      }
    }
  }

  boolean isSecretEnv(String name) {
    return envNames.contains(name);
  }

  /** True when the file of a reference, as written or after its links, is a secret's source. */
  boolean isSecretFile(Path baseDir, String argument) {
    Set<Path> keys = new HashSet<>();
    key(baseDir, argument, keys);
    return keys.stream().anyMatch(files::contains);
  }

  private static void key(Path dir, String argument, Set<Path> out) {
    try {
      Path path = dir.toAbsolutePath().resolve(argument).normalize();
      out.add(path);
      out.add(path.toRealPath());
    } catch (InvalidPathException | IOException e) {
      // no file there (yet): the path as written is the key
    }
  }
}
