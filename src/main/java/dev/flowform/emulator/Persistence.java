package dev.flowform.emulator;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the emulator has saved, and the lock every change of its data takes: the stores of base
 * connections and of pipeline resources both synchronize on this object, so a check that spans both
 * (a reference to a base connection, say) and the change it guards happen at once. With a data
 * file, each save rewrites the file whole with both parts; a failed write changes nothing.
 */
final class Persistence {
  private final Optional<DataFile> file;
  private final String salt;
  private List<EmulatedConnection> connections;
  private List<EmulatedResource> resources;

  Persistence(Optional<DataFile> file, Ids ids) {
    this.file = file;
    Optional<DataFile.Contents> loaded = file.flatMap(DataFile::load);
    this.salt = loaded.map(DataFile.Contents::salt).orElseGet(ids::uuid);
    this.connections = loaded.map(DataFile.Contents::connections).orElse(List.of());
    this.resources = loaded.map(DataFile.Contents::resources).orElse(List.of());
  }

  /** The connections the data file held at start. */
  List<EmulatedConnection> loadedConnections() {
    synchronized (this) {
      return connections;
    }
  }

  /** The resources the data file held at start. */
  List<EmulatedResource> loadedResources() {
    synchronized (this) {
      return resources;
    }
  }

  /**
   * Saves these connections beside the resources last saved.
   *
   * @throws UncheckedIOException when the file cannot be written (nothing is then remembered)
   */
  void saveConnections(Collection<EmulatedConnection> next) {
    synchronized (this) {
      List<EmulatedConnection> copy = List.copyOf(next);
      write(copy, resources);
      connections = copy;
    }
  }

  /** Saves these resources beside the connections last saved; as {@link #saveConnections}. */
  void saveResources(Collection<EmulatedResource> next) {
    synchronized (this) {
      List<EmulatedResource> copy = List.copyOf(next);
      write(connections, copy);
      resources = copy;
    }
  }

  private void write(List<EmulatedConnection> connections, List<EmulatedResource> resources) {
    file.ifPresent(f -> f.save(salt, connections, resources));
  }
}
