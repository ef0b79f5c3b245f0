package dev.flowform.apply;

import dev.flowform.flowservice.PatchOperation;
import dev.flowform.manifest.DesiredConnection;
import dev.flowform.plan.AttributeChange;
import dev.flowform.plan.Fingerprints;
import dev.flowform.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON Patch of one update: {@code /name}, {@code /description} and, when any param or secret
 * fingerprint moved, {@code /auth/params} with all params. Compares the recorded connection with
 * the manifest, and also takes every attribute the plan names (drift seen by a refresh, which state
 * does not show). Pure.
 */
final class PatchBuilder {
  static final String NAME = "/name";
  static final String DESCRIPTION = "/description";
  static final String PARAMS = "/auth/params";

  private PatchBuilder() {}

  static List<PatchOperation> operations(
      ResourceState recorded,
      DesiredConnection desired,
      String salt,
      List<AttributeChange> planned) {
    List<PatchOperation> ops = new ArrayList<>();
    if (!Objects.equals(recorded.name(), desired.name()) || names(planned, NAME)) {
      ops.add(PatchOperation.replace(NAME, desired.name()));
    }
    String currentDescription =
        attribute(planned, DESCRIPTION).map(AttributeChange::before).orElse(recorded.description());
    if (!Objects.equals(recorded.description(), desired.description())
        || names(planned, DESCRIPTION)) {
      description(currentDescription, desired.description()).ifPresent(ops::add);
    }
    boolean paramsMoved =
        !recorded.params().equals(desired.params())
            || !recorded.secretFingerprints().equals(Fingerprints.ofAll(salt, desired.secrets()))
            || planned.stream().anyMatch(a -> a.path().startsWith(PARAMS));
    if (paramsMoved) {
      ops.add(PatchOperation.replace(PARAMS, desired.sentParams()));
    }
    return ops;
  }

  private static Optional<PatchOperation> description(String current, String wanted) {
    if (wanted == null) {
      return current == null ? Optional.empty() : Optional.of(PatchOperation.remove(DESCRIPTION));
    }
    return Optional.of(
        current == null
            ? PatchOperation.add(DESCRIPTION, wanted)
            : PatchOperation.replace(DESCRIPTION, wanted));
  }

  private static boolean names(List<AttributeChange> planned, String path) {
    return attribute(planned, path).isPresent();
  }

  private static Optional<AttributeChange> attribute(List<AttributeChange> planned, String path) {
    return planned.stream().filter(a -> a.path().equals(path)).findFirst();
  }
}
