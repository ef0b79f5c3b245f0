package dev.flowform.plan;

import java.time.Instant;

/**
 * A connection on the platform with exactly the name (and spec) of one flowform manages, but
 * another id that no address of the state records: most often a create sent twice. flowform never
 * deletes it by itself.
 *
 * @param address the managed connection it duplicates
 * @param name their shared AEP name
 * @param id the duplicate's id
 * @param createdAt when the platform created the duplicate, or null when it did not say
 */
public record Duplicate(String address, String name, String id, Instant createdAt) {

  /** How to remove one: flowform manages only what state records, so it is deleted by hand. */
  public static final String HINT =
      "delete each duplicate in AEP (Sources > Accounts, or DELETE /connections/ID with the"
          + " environment's credentials); to keep one instead, flowform state rm the address and"
          + " flowform import it";
}
