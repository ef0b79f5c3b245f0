package dev.flowform.kinds;

import dev.flowform.manifest.DesiredResource;
import dev.flowform.model.RemoteResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a kind sends and reads. Every method throws the client's exceptions: a create's {@code
 * UnknownOutcomeException} when it may have landed unseen, a {@code FlowServiceException} for an
 * error answer.
 */
public interface KindCalls {

  /**
   * Creates the resource.
   *
   * @param dependencies what each reference's address holds now (its id, outputs, spec)
   * @param beforeEachSend runs right before each POST of the create is sent (the applier stamps its
   *     pending record there); what it throws stops the create before that POST
   */
  Written create(
      DesiredResource desired, Map<String, Dependency> dependencies, Runnable beforeEachSend);

  /** Reads it by id; empty when it is gone. */
  Optional<RemoteResource> read(String id);

  /**
   * The resources that could be this one, created by an earlier attempt whose answer was lost: of
   * its name, or (a kind without names) of its content.
   */
  List<RemoteResource> find(DesiredResource desired, Map<String, Dependency> dependencies);

  /**
   * Brings the resource in line with the manifest in place.
   *
   * @param recorded what state holds (id, etag, attributes, outputs)
   * @param changed the attribute pointers that differ
   */
  Written update(
      Recorded recorded,
      DesiredResource desired,
      Map<String, Dependency> dependencies,
      List<String> changed);

  /** Deletes it; gone already counts as done. */
  void delete(String id);

  /** The health of a resource that runs (a dataflow's latest run); empty for others. */
  default Optional<Health> health(String id) {
    return Optional.empty();
  }
}
