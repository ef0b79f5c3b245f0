package dev.flowform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * What keeps a secret out of a state file without ever rewriting it: state is data with a format,
 * never output, so it does not go through the scrubber (a secret equal to a word of the format,
 * {@code secret} or {@code 2026}, would corrupt it). It holds no secret by construction (salted
 * fingerprints only); this checks every value a user gave (names, descriptions, params, the
 * binding) before the bytes are written and refuses the write, loudly, when one is, whole, a secret
 * the run knows or one of its encoded forms.
 */
final class SecretGuard {
  /**
   * Values the format owns (statuses, kinds, times, ids, etags, fingerprints, serials, the
   * journal's header): never a value a user gave, so never a secret, whatever word a secret happens
   * to be.
   */
  private static final Set<String> FORMAT_OWNED =
      Set.of(
          "formatVersion",
          "lineage",
          "serial",
          "fingerprintSalt",
          "kind",
          "status",
          "id",
          "etag",
          "connectionSpec",
          "secretFingerprints",
          "createdAt",
          "updatedAt",
          "journal",
          "base",
          "address");

  private final Scrubber scrubber;
  private final ObjectMapper mapper;
  private final String shownAs;

  SecretGuard(Scrubber scrubber, ObjectMapper mapper, String shownAs) {
    this.scrubber = scrubber;
    this.mapper = mapper;
    this.shownAs = shownAs;
  }

  /**
   * Returns {@code json} unchanged.
   *
   * @throws FlowformException when a value in it is a known secret (nothing is written)
   */
  byte[] checked(byte[] json) {
    if (scrubber.isEmpty()) {
      return json;
    }
    try {
      find(mapper.readTree(json), "");
    } catch (IOException e) {
      throw new IllegalStateException("flowform wrote state it cannot read back", e);
    }
    return json;
  }

  private void find(JsonNode node, String pointer) {
    if (node.isTextual() && scrubber.isSecret(node.textValue())) {
      throw new FlowformException(
          "refusing to write " + shownAs + ": the value at " + pointer + " is a secret",
          "a secret must never be written to state; check that the manifest does not use a"
              + " secret as a non-sensitive value (a name, a description, clientId). The state was"
              + " left as it was");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        find(node.get(i), pointer + "/" + i);
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (FORMAT_OWNED.contains(field.getKey())) {
        continue;
      }
      find(field.getValue(), pointer + "/" + field.getKey());
    }
  }
}
