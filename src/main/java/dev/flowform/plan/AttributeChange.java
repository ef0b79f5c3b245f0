package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attribute that a change sets or alters, e.g. {@code /name} from "a" to "b". For sensitive
 * attributes {@code before} and {@code after} are always null and {@code sensitive} is true: the
 * plan knows only that the fingerprint differs.
 *
 * @param path a JSON pointer into the connection: {@code /name}, {@code /auth/params/clientId}
 * @param unresolved true when {@code after} is the raw text of references that did not resolve (a
 *     status computed offline), so the difference is not a real one; never written when false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeChange(
    String path,
    String before,
    String after,
    boolean sensitive,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean unresolved) {

  public static AttributeChange plain(String path, String before, String after) {
    return new AttributeChange(path, before, after, false, false);
  }

  public static AttributeChange sensitive(String path) {
    return new AttributeChange(path, null, null, true, false);
  }

  /** A plain attribute whose wanted value did not resolve: {@code after} is its raw text. */
  public static AttributeChange unresolved(String path, String before, String rawAfter) {
    return new AttributeChange(path, before, rawAfter, false, true);
  }
}
