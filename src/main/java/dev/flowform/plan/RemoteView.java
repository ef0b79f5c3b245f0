package dev.flowform.plan;

import dev.flowform.model.RemoteConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a refresh learned from the platform, as plain data for the planner.
 *
 * @param found by address: the recorded connections the platform still has
 * @param missing addresses whose recorded id the platform answered 404 for (deleted outside
 *     flowform)
 * @param byName by AEP connection name: every connection of that name, for the names looked up
 *     (pending records, creates); a name not looked up is absent
 */
public record RemoteView(
    Map<String, RemoteConnection> found,
    Set<String> missing,
    Map<String, List<RemoteConnection>> byName) {

  /** Nothing read: an offline plan. */
  public static final RemoteView OFFLINE = new RemoteView(Map.of(), Set.of(), Map.of());

  public RemoteView {
    found = Map.copyOf(found);
    missing = Set.copyOf(missing);
    byName = Map.copyOf(byName);
  }

  public Optional<RemoteConnection> found(String address) {
    return Optional.ofNullable(found.get(address));
  }

  /** The connections of this name, when it was looked up. */
  public Optional<List<RemoteConnection>> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The connections of this name whose ids are not in {@code taken} (ids another address owns);
   * empty when the name was not looked up.
   */
  List<RemoteConnection> namedExcept(String name, Set<String> taken) {
    return named(name).orElse(List.of()).stream().filter(r -> !taken.contains(r.id())).toList();
  }
}
