package dev.flowform.state;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What keeps secrets out of a state file without ever rewriting its format: the encoded bytes do
 * not go through the scrubber (a secret equal to a word of the format, {@code secret} or {@code
 * 2026}, corrupted the file). State holds no secret by construction (salted fingerprints only);
 * what a user gave (a name, a description, a param, the binding) is checked before encoding: a
 * value that is, whole, a known secret is refused loudly, and a value holding one inside a longer
 * text (a description from a secret's source, say) has that part masked, in that value alone.
 */
final class SecretGuard {
  private final Scrubber scrubber;
  private final String shownAs;

  SecretGuard(Scrubber scrubber, String shownAs) {
    this.scrubber = scrubber;
    this.shownAs = shownAs;
  }

  /**
   * The state to encode.
   *
   * @throws FlowformException when a value in it is a known secret (nothing is written)
   */
  State checked(State state) {
    if (scrubber.isEmpty()) {
      return state;
    }
    refuse(state.environment(), "environment");
    refuse(state.sandbox(), "sandbox");
    refuse(state.orgId(), "orgId");
    refuse(state.endpoint(), "endpoint");
    SortedMap<String, ResourceState> resources = new TreeMap<>();
    boolean changed = false;
    for (Map.Entry<String, ResourceState> entry : state.resources().entrySet()) {
      ResourceState clean = checked(entry.getKey(), entry.getValue());
      changed |= clean != entry.getValue();
      resources.put(entry.getKey(), clean);
    }
    if (!changed) {
      return state;
    }
    return new State(
        state.formatVersion(),
        state.lineage(),
        state.serial(),
        state.environment(),
        state.sandbox(),
        state.orgId(),
        state.endpoint(),
        state.fingerprintSalt(),
        resources);
  }

  /** The record to encode for {@code address} (null stays null). */
  ResourceState checked(String address, ResourceState r) {
    if (r == null || scrubber.isEmpty()) {
      return r;
    }
    String at = "/resources/" + address;
    String name = masked(r.name(), at + "/name");
    String description = masked(r.description(), at + "/description");
    refuse(r.authSpecName(), at + "/authSpecName");
    SortedMap<String, String> params = maskedAll(r.params(), at + "/params");
    SortedMap<String, String> attributes = maskedAll(r.attributes(), at + "/attributes");
    if (java.util.Objects.equals(name, r.name())
        && java.util.Objects.equals(description, r.description())
        && params.equals(r.params())
        && attributes.equals(r.attributes())) {
      return r;
    }
    return r.withText(name, description, params, attributes);
  }

  /** Each value masked, refused when it is a secret (keys are pointers or names: never touched). */
  private SortedMap<String, String> maskedAll(SortedMap<String, String> values, String at) {
    SortedMap<String, String> out = new TreeMap<>();
    values.forEach(
        (key, value) -> out.put(key, masked(value, at + (key.startsWith("/") ? "" : "/") + key)));
    return out;
  }

  private String masked(String value, String pointer) {
    refuse(value, pointer);
    return scrubber.scrub(value);
  }

  private void refuse(String value, String pointer) {
    if (scrubber.isSecret(value)) {
      throw new FlowformException(
          "refusing to write " + shownAs + ": the value at " + pointer + " is a secret",
          "a secret must never be written to state; check that the manifest does not use a"
              + " secret as a non-sensitive value (a name, a description, clientId). The state was"
              + " left as it was");
    }
  }
}
