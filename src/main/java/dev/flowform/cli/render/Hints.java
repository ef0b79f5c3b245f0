package dev.flowform.cli.render;

import dev.flowform.plan.Action;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Change;
import dev.flowform.plan.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The advice shown under a change that needs the user (conflicts, orphans, adoptions, imports,
 * moves), and the words for its reason.
 */
final class Hints {
  private Hints() {}

  /** The advice under {@code change}, a change of a plan for {@code environment}. */
  static List<String> of(String environment, Change change) {
    List<String> out = new ArrayList<>();
    String address = change.address();
    String env = " --env " + environment + " ";
    if (change.action() == Action.CONFLICT && change.reason() == Reason.NAME_TAKEN) {
      out.add(
          "nothing will be sent: the platform already has \""
              + change.name()
              + "\", a connection this state does not manage: "
              + String.join(", ", change.remoteIds()));
      out.add("give spec.name another value, or rename or delete that connection in AEP first");
    } else if (change.action() == Action.CONFLICT) {
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
    } else if (change.action() == Action.IMPORT && change.isPipeline()) {
      out.add(
          "nothing is sent: flowform reads "
              + change.kind()
              + " "
              + change.id()
              + " and records it as the platform holds it; the next plan updates what differs");
      if (change.etag() == null) {
        out.add("planned offline: apply reads it first and stops if it cannot be imported");
      }
    } else if (change.action() == Action.IMPORT) {
      out.add(
          "nothing is created: flowform reads connection "
              + change.id()
              + ", records it, and sets it to the manifest");
      if (change.etag() == null) {
        out.add("planned offline: apply reads it first and stops if it cannot be imported");
      }
    } else if (change.adopts()) {
      out.add(
          "nothing is created: flowform takes over connection "
              + change.id()
              + " and sets it to the manifest");
    } else if (change.action() == Action.DELETE && change.id() == null) {
      out.add("no connection id was ever recorded: applying only forgets the pending record");
    }
    if (change.moves()) {
      out.add(
          "moved from \""
              + change.movedFrom()
              + "\" (metadata.movedFrom): state only, nothing is sent for the move");
    }
    return out;
  }

  /** True when the attributes are all a create sets (a create, or a replace by request). */
  static boolean setsAll(Change change) {
    return change.action() == Action.CREATE || change.reason() == Reason.REPLACE_REQUESTED;
  }

  /** Why the change is there, in words: {@code secret rotated (clientSecret)}. */
  static String reason(Change change) {
    if (change.reason() == Reason.SECRET_ROTATED || change.reason() == Reason.IMPORTED_SECRETS) {
      List<String> params =
          change.attributes().stream()
              .filter(AttributeChange::sensitive)
              .map(AttributeChange::param)
              .toList();
      if (!params.isEmpty() && change.reason() == Reason.SECRET_ROTATED) {
        return change.reason().description() + " (" + String.join(", ", params) + ")";
      }
    }
    return change.reason().description();
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
