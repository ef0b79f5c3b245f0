package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.Change;
import java.util.ArrayList;
import java.util.List;

/** The advice shown under a change that needs the user: conflicts, orphans, adoptions. */
final class Hints {
  private Hints() {}

  /** The advice under {@code change}, a change of a plan for {@code environment}. */
  static List<String> of(String environment, Change change) {
    List<String> out = new ArrayList<>();
    String address = change.address();
    String env = " --env " + environment + " ";
    if (change.action() == Action.CONFLICT) {
      out.add(
          "nothing will be sent; found on the platform: " + String.join(", ", change.remoteIds()));
      if (change.remoteIds().size() == 1) {
        out.add(
            "to manage it with flowform: flowform import"
                + env
                + address
                + " "
                + change.remoteIds().get(0));
        out.add("or plan again with --adopt-existing to adopt it");
      } else {
        out.add(
            "flowform will not choose: import the right one with flowform import"
                + env
                + address
                + " <id>");
        out.add("and rename or delete the others in AEP");
      }
    } else if (change.action() == Action.ORPHAN) {
      out.add("kept: apply --prune deletes it");
      out.add("to stop managing it without deleting it: flowform state rm" + env + address);
    } else if (change.adopts()) {
      out.add(
          "nothing is created: flowform takes over connection "
              + change.id()
              + " and sets it to the manifest");
    } else if (change.action() == Action.DELETE && change.id() == null) {
      out.add("no connection id was ever recorded: applying only forgets the pending record");
    }
    return out;
  }

  /** {@code (id 2fce...)} for changes about a known connection, else empty. */
  static String idSuffix(Change change) {
    return change.id() == null ? "" : " (id " + change.id() + ")";
  }

  /** The verb shown for a change: its action, or {@code adopt} for an adopting create. */
  static String verb(Change change) {
    return change.adopts() ? "adopt" : change.action().label();
  }
}
