package dev.flowform.run;

import dev.flowform.diag.Scrubber;
import dev.flowform.manifest.Credentials;
import dev.flowform.manifest.DesiredState;
import dev.flowform.manifest.Secret;

/**
 * Tells the run's scrubber the secrets of a desired state, literal ones too (the embedded emulator
 * tolerates them): every sensitive param, and AEP's client secret or access token.
 */
final class RunSecrets {
  private RunSecrets() {}

  static void register(DesiredState desired, Scrubber scrubber) {
    desired
        .connections()
        .values()
        .forEach(c -> c.secrets().values().forEach(s -> add(s, scrubber)));
    desired
        .environment()
        .credentials()
        .ifPresent(
            credentials -> {
              if (credentials instanceof Credentials.ClientCredentials client) {
                add(client.clientSecret(), scrubber);
              } else if (credentials instanceof Credentials.AccessToken token) {
                add(token.accessToken(), scrubber);
              }
            });
  }

  private static void add(Secret secret, Scrubber scrubber) {
    secret.value().ifPresent(scrubber::add);
  }
}
