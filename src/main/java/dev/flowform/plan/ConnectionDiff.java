package dev.flowform.plan;

import dev.flowform.manifest.DesiredConnection;
import dev.flowform.manifest.Secret;
import dev.flowform.model.ConnectionSpecRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The attributes a change sets or alters, as JSON pointers into the connection. Secrets are
 * compared by salted fingerprint only; one that did not resolve cannot be compared and counts as
 * unchanged.
 */
final class ConnectionDiff {
  static final String NAME = "/name";
  static final String DESCRIPTION = "/description";
  static final String SPEC_ID = "/connectionSpec/id";
  static final String SPEC_VERSION = "/connectionSpec/version";
  static final String AUTH_SPEC = "/auth/specName";
  static final String PARAMS = "/auth/params/";

  private ConnectionDiff() {}

  /** Every attribute a create sets; sensitive params only as {@code sensitive}. */
  static List<AttributeChange> created(DesiredConnection desired) {
    List<AttributeChange> out = new ArrayList<>();
    addIfSet(out, NAME, desired.name());
    addIfSet(out, DESCRIPTION, blankToNull(desired.description()));
    ConnectionSpecRef spec = desired.connectionSpec();
    if (spec != null) {
      addIfSet(out, SPEC_ID, spec.id());
      addIfSet(out, SPEC_VERSION, spec.version());
    }
    addIfSet(out, AUTH_SPEC, desired.authSpecName());
    for (String param : paramNames(desired)) {
      if (desired.secrets().containsKey(param)) {
        out.add(AttributeChange.sensitive(PARAMS + param));
      } else {
        addIfSet(out, PARAMS + param, desired.params().get(param));
      }
    }
    return marked(out, desired);
  }

  /** What differs between what is there and what the manifest wants, in a stable order. */
  static List<AttributeChange> changed(Baseline now, DesiredConnection desired, String salt) {
    List<AttributeChange> out = new ArrayList<>();
    addIfDifferent(out, NAME, now.name(), desired.name());
    addIfDifferent(
        out, DESCRIPTION, blankToNull(now.description()), blankToNull(desired.description()));
    ConnectionSpecRef was = now.connectionSpec();
    ConnectionSpecRef want = desired.connectionSpec();
    addIfDifferent(out, SPEC_ID, was == null ? null : was.id(), want == null ? null : want.id());
    addIfDifferent(
        out,
        SPEC_VERSION,
        was == null ? null : was.version(),
        want == null ? null : want.version());
    addIfDifferent(out, AUTH_SPEC, now.authSpecName(), desired.authSpecName());
    SortedSet<String> names = paramNames(desired);
    names.addAll(now.params().keySet());
    names.addAll(now.secretFingerprints().keySet());
    for (String param : names) {
      Secret secret = desired.secrets().get(param);
      String recorded = now.secretFingerprints().get(param);
      if (secret != null || recorded != null) {
        if (secretDiffers(recorded, secret, salt)) {
          out.add(AttributeChange.sensitive(PARAMS + param));
        }
      } else {
        addIfDifferent(out, PARAMS + param, now.params().get(param), desired.params().get(param));
      }
    }
    return marked(out, desired);
  }

  /** The attributes whose wanted value did not resolve (offline), marked as such. */
  private static List<AttributeChange> marked(
      List<AttributeChange> attributes, DesiredConnection desired) {
    return attributes.stream()
        .map(
            a ->
                !a.sensitive() && desired.unresolved().contains(a.path())
                    ? AttributeChange.unresolved(a.path(), a.before(), a.after())
                    : a)
        .toList();
  }

  /** Whether the connection spec (id or version) is not the recorded one. */
  static boolean specChanged(Baseline now, DesiredConnection desired) {
    return !Objects.equals(now.connectionSpec(), desired.connectionSpec());
  }

  static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static boolean secretDiffers(String recorded, Secret secret, String salt) {
    if (secret == null || recorded == null) {
      return true;
    }
    return secret.value().map(v -> !Fingerprints.of(salt, v).equals(recorded)).orElse(false);
  }

  private static SortedSet<String> paramNames(DesiredConnection desired) {
    SortedSet<String> names = new TreeSet<>(desired.params().keySet());
    names.addAll(desired.secrets().keySet());
    return names;
  }

  private static void addIfSet(List<AttributeChange> out, String path, String value) {
    if (value != null) {
      out.add(AttributeChange.plain(path, null, value));
    }
  }

  private static void addIfDifferent(
      List<AttributeChange> out, String path, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(AttributeChange.plain(path, before, after));
    }
  }
}
