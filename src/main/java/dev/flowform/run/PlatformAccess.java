package dev.flowform.run;

import dev.flowform.manifest.Credentials;
import dev.flowform.manifest.EnvironmentConfig;
import dev.flowform.manifest.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an environment's platform can be read here, and if not, why, naming what to set: a drift
 * check that cannot look must say so instead of passing as if nothing had changed.
 */
public final class PlatformAccess {
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([^}]+)}");

  private PlatformAccess() {}

  /** Empty when the platform can be reached (the embedded emulator, or resolved credentials). */
  public static Optional<String> whyNot(EnvironmentConfig environment) {
    if (environment.endpoint().embedded()) {
      return Optional.empty();
    }
    if (environment.credentials().isEmpty()) {
      return Optional.of("environment \"" + environment.name() + "\" declares no credentials");
    }
    Credentials credentials = environment.credentials().get();
    if (credentials.resolved()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    for (Secret secret : secrets(credentials)) {
      if (!secret.isResolved()) {
        missing.add(describe(secret.reference()));
      }
    }
    return Optional.of("its AEP credentials do not resolve here: " + String.join(", ", missing));
  }

  /** {@code AEP_CLIENT_SECRET is not set} for an {@code ${env:}} reference, else the reference. */
  private static String describe(String reference) {
    Matcher env = ENV_REFERENCE.matcher(reference);
    if (env.matches()) {
      return env.group(1) + " is not set";
    }
    return reference + " does not resolve";
  }

  private static List<Secret> secrets(Credentials credentials) {
    if (credentials instanceof Credentials.ClientCredentials c) {
      return List.of(c.clientId(), c.clientSecret());
    }
    Credentials.AccessToken t = (Credentials.AccessToken) credentials;
    return List.of(t.accessToken(), t.apiKey());
  }
}
