package dev.flowform.plan;

import dev.flowform.model.ConnectionSpecRef;
import dev.flowform.model.RemoteConnection;
import dev.flowform.state.ResourceState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of taking an existing connection over, in one place for {@code flowform import ADDRESS
 * ID} and for {@code spec.imports}: the address must be free in state, the id recorded nowhere
 * else, and the platform must have it, as a connection of the manifest's connection spec.
 */
public final class ImportRules {

  /** What is wrong, and what to do about it. */
  public record Problem(String message, String hint) {}

  private ImportRules() {}

  /**
   * The address is already in state: an interrupted create, or a connection it manages.
   *
   * @param environment for the hints
   */
  public static Optional<Problem> addressTaken(
      String address, Optional<ResourceState> recorded, String environment) {
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    if (recorded.get().isPending()) {
      return Optional.of(
          new Problem(
              "'" + address + "' is pending in state: an earlier create was interrupted",
              "run flowform apply --env "
                  + environment
                  + " to resolve it (it adopts the connection of its name), or flowform state rm"
                  + " --env "
                  + environment
                  + " "
                  + address
                  + " first"));
    }
    return Optional.of(
        new Problem(
            "'" + address + "' is already in state (id " + recorded.get().id() + ")",
            "flowform state rm --env "
                + environment
                + " "
                + address
                + " first to import another connection"));
  }

  /** The id is recorded under another address. */
  public static Optional<Problem> recordedElsewhere(
      String id, String address, Map<String, ResourceState> resources) {
    for (Map.Entry<String, ResourceState> entry : resources.entrySet()) {
      if (!entry.getKey().equals(address) && id.equals(entry.getValue().id())) {
        return Optional.of(
            new Problem(
                "connection " + id + " is already recorded as '" + entry.getKey() + "'",
                "a connection is managed under one address; flowform state mv moves it"));
      }
    }
    return Optional.empty();
  }

  /**
   * The platform does not have the id, or has it as a connection of another spec than {@code
   * wanted}.
   */
  public static Optional<Problem> remote(
      String id, Optional<RemoteConnection> remote, String sandbox, ConnectionSpecRef wanted) {
    if (remote.isEmpty()) {
      return Optional.of(
          new Problem(
              "no connection " + id + " in sandbox '" + sandbox + "'",
              "check the id: flowform import takes an existing connection's id"));
    }
    ConnectionSpecRef spec = remote.get().connectionSpec();
    String want = wanted == null ? ConnectionSpecRef.HUBSPOT_ID : wanted.id();
    if (spec == null || !Objects.equals(want, spec.id())) {
      return Optional.of(
          new Problem(
              "connection "
                  + id
                  + " belongs to another connection spec ("
                  + (spec == null ? "unknown" : spec.id())
                  + "), not HubSpot's ("
                  + want
                  + ")",
              "import the id of a HubSpot base connection"));
    }
    return Optional.empty();
  }
}
