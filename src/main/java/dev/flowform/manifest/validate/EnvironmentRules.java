package dev.flowform.manifest.validate;

import dev.flowform.diag.Diagnostic;
import dev.flowform.diag.Severity;
import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.EnvironmentManifest.Credentials;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.SourceMap;
import dev.flowform.model.Endpoint;
import dev.flowform.model.EndpointPolicy;
import dev.flowform.model.PostgresUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of one Environment beyond its field constraints. */
public final class EnvironmentRules {
  private static final String FORMS =
      "give clientId + clientSecret (OAuth server-to-server) or accessToken + apiKey";

  private EnvironmentRules() {}

  /** True when the (interpolated or raw) endpoint names the embedded emulator. */
  public static boolean embedded(EnvironmentManifest manifest) {
    return Endpoint.EMBEDDED_NAME.equals(manifest.spec().endpoint());
  }

  public static List<Diagnostic> check(Bound<EnvironmentManifest> bound, RuleContext context) {
    List<Diagnostic> out = new ArrayList<>();
    EnvironmentManifest.Spec spec = bound.manifest().spec();
    SourceMap sources = bound.document().sources();
    url(spec.endpoint(), "/spec/endpoint", sources, true, out);
    stateUrl(bound, context, out);
    Credentials credentials = spec.credentials();
    boolean embedded = embedded(bound.manifest());
    if (credentials == null) {
      if (!embedded) {
        out.add(
            Diagnostic.error(
                sources.position("/spec"),
                "spec.credentials is required unless the endpoint is embedded",
                FORMS));
      }
      return out;
    }
    form(credentials, sources, out);
    url(credentials.imsEndpoint(), "/spec/credentials/imsEndpoint", sources, false, out);
    String name = bound.manifest().metadata().name();
    Optional<Severity> severity =
        !embedded
            ? Optional.of(Severity.ERROR)
            : context.selected().isEmpty() || context.selected().get().equals(name)
                ? Optional.of(Severity.WARNING)
                : Optional.empty();
    for (String field : List.of("clientSecret", "accessToken")) {
      String pointer = "/spec/credentials/" + field;
      LiteralSecrets.addTo(
          out, LiteralSecrets.check(bound.document().text(pointer), pointer, sources, severity));
    }
    return out;
  }

  private static void form(Credentials c, SourceMap sources, List<Diagnostic> out) {
    boolean client =
        c.clientId() != null
            || c.clientSecret() != null
            || c.scopes() != null
            || c.imsEndpoint() != null;
    boolean token = c.accessToken() != null || c.apiKey() != null;
    String at = "/spec/credentials";
    if (client && token) {
      out.add(
          Diagnostic.error(
              sources.position(at), "spec.credentials mixes the two forms", "either " + FORMS));
    } else if (client) {
      required(c.clientId(), "clientId", "clientSecret", sources, out);
      required(c.clientSecret(), "clientSecret", "clientId", sources, out);
    } else if (token) {
      required(c.accessToken(), "accessToken", "apiKey", sources, out);
      required(c.apiKey(), "apiKey", "accessToken", sources, out);
    } else {
      out.add(Diagnostic.error(sources.position(at), "spec.credentials is empty", FORMS));
    }
  }

  private static void required(
      String value, String field, String partner, SourceMap sources, List<Diagnostic> out) {
    if (value == null || value.isBlank()) {
      out.add(
          Diagnostic.error(
              sources.position("/spec/credentials/" + field),
              "spec.credentials." + field + " is required with " + partner));
    }
  }

  /**
   * A PostgreSQL state URL must parse, libpq's variables filling in what it leaves out, and a
   * password written in it must be a reference: the database password is a secret.
   */
  private static void stateUrl(
      Bound<EnvironmentManifest> bound, RuleContext context, List<Diagnostic> out) {
    literalPassword(bound.document().text("/spec/state"))
        .ifPresent(
            why ->
                out.add(
                    Diagnostic.error(
                        bound.document().sources().position("/spec/state"),
                        "the password in spec.state " + why,
                        "write it as ${env:NAME} or ${file:PATH} in the URL, or leave it out and"
                            + " set PGPASSWORD")));
    String state = bound.manifest().spec().state();
    if (!PostgresUrl.isUrl(state) || References.hasAny(state)) {
      return;
    }
    String name = bound.manifest().metadata().name();
    try {
      PostgresUrl.parse(state, name, libpqVariables(name, context));
    } catch (IllegalArgumentException e) {
      out.add(
          Diagnostic.error(
              bound.document().sources().position("/spec/state"),
              "spec." + e.getMessage(),
              "write it as postgresql://[user[:password]@]host[:port]/database"
                  + "[?schema=NAME&key=NAME&sslmode=MODE]"));
    }
  }

  /**
   * The variables a state URL is checked with. The environment a run is for (--env) needs its user
   * now; for the others only the URL's shape is checked: a URL that leaves the user to {@code
   * PGUSER} is valid where PGUSER is not set, as in a pull request's validate job, which opens no
   * state.
   */
  private static Map<String, String> libpqVariables(String environment, RuleContext context) {
    if (context.selected().filter(environment::equals).isPresent()
        || context.env().containsKey("PGUSER")) {
      return context.env();
    }
    Map<String, String> env = new java.util.HashMap<>(context.env());
    env.put("PGUSER", "user-given-when-the-state-is-opened");
    return env;
  }

  /** Why the password of a state URL as written is not a single secret reference, if it is not. */
  private static Optional<String> literalPassword(String raw) {
    if (!PostgresUrl.isUrl(raw)) {
      return Optional.empty();
    }
    String rest = raw.substring(raw.indexOf("//") + 2);
    int at = rest.lastIndexOf('@');
    int colon = at < 0 ? -1 : separator(rest.substring(0, at));
    if (colon < 0) {
      return Optional.empty();
    }
    List<References.Part> parts = References.parse(rest.substring(colon + 1, at));
    boolean oneSecretReference =
        parts.size() == 1
            && parts.get(0) instanceof References.Ref ref
            && !ref.scheme().equals("var");
    return oneSecretReference
        ? Optional.empty()
        : Optional.of("is sensitive and must be a reference, not a literal value");
  }

  /**
   * Where the user name of a URL's user info, as written, ends: its first {@code :} outside any
   * reference (the one in {@code ${env:NAME}} separates a scheme, not a password), or -1.
   */
  static int separator(String userInfo) {
    for (int i = 0; i < userInfo.length(); i++) {
      if (userInfo.startsWith("$${", i)) {
        i += 2;
      } else if (userInfo.startsWith("${", i)) {
        int close = userInfo.indexOf('}', i);
        if (close < 0) {
          return -1;
        }
        i = close;
      } else if (userInfo.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  private static void url(
      String value,
      String pointer,
      SourceMap sources,
      boolean mayBeEmbedded,
      List<Diagnostic> out) {
    if (value == null || References.hasAny(value)) {
      return;
    }
    if (mayBeEmbedded && value.equals(Endpoint.EMBEDDED_NAME)) {
      return;
    }
    if (!EndpointPolicy.allows(value)) {
      out.add(
          Diagnostic.error(
              sources.position(pointer),
              SourceMap.dotted(pointer)
                  + " must be an https:// URL"
                  + (mayBeEmbedded ? " or 'embedded'" : ""),
              EndpointPolicy.HINT));
    }
  }
}
