package dev.flowform.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attribute that a change sets or alters, e.g. {@code /name} from "a" to "b". For sensitive
 * attributes {@code before} and {@code after} are always null and {@code sensitive} is true: the
 * plan knows only that the fingerprint differs.
 *
 * @param path a JSON pointer into the connection: {@code /name}, {@code /auth/params/clientId}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeChange(String path, String before, String after, boolean sensitive) {

  public static AttributeChange plain(String path, String before, String after) {
    return new AttributeChange(path, before, after, false);
  }

  public static AttributeChange sensitive(String path) {
    return new AttributeChange(path, null, null, true);
  }
}
