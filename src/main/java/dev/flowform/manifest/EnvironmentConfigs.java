package dev.flowform.manifest;

import dev.flowform.manifest.doc.Bound;
import dev.flowform.manifest.doc.EnvironmentManifest;
import dev.flowform.manifest.doc.References;
import dev.flowform.model.Endpoint;
import dev.flowform.model.PostgresUrl;
import dev.flowform.model.StateLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Turns a bound Environment document into the {@link EnvironmentConfig} the rest works with. */
final class EnvironmentConfigs {
  private EnvironmentConfigs() {}

  /**
   * @param manifestsDir absolute; the default state lives in {@code .flowform/} beside it
   * @param env libpq's variables for a PostgreSQL state URL
   */
  static EnvironmentConfig of(
      Bound<EnvironmentManifest> bound, Path manifestsDir, Map<String, String> env) {
    EnvironmentManifest manifest = bound.manifest();
    EnvironmentManifest.Spec spec = manifest.spec();
    String name = manifest.metadata().name();
    Path parent = manifestsDir.getParent() == null ? manifestsDir : manifestsDir.getParent();
    Path flowformDir = parent.resolve(".flowform");
    StateLocation state =
        state(bound, spec.state(), flowformDir.resolve(name + ".state.json"), env);
    Path emulatorData =
        (state instanceof StateLocation.File file ? file.path().getParent() : flowformDir)
            .resolve(name + ".emulator.json");
    return new EnvironmentConfig(
        name,
        bound.document().position(),
        spec.sandbox(),
        spec.orgId(),
        endpoint(spec.endpoint()),
        state,
        emulatorData,
        credentials(bound, spec.credentials()),
        spec.variables() == null ? Map.of() : spec.variables(),
        bound.unresolvedInSpec(DocumentResolver.SENSITIVE_CREDENTIALS));
  }

  private static StateLocation state(
      Bound<EnvironmentManifest> bound, String written, Path byDefault, Map<String, String> env) {
    if (written == null) {
      return new StateLocation.File(byDefault.normalize());
    }
    if (!PostgresUrl.isUrl(written)) {
      return new StateLocation.File(
          bound.document().file().toAbsolutePath().getParent().resolve(written).normalize());
    }
    if (References.hasAny(written)) {
      return new StateLocation.Unusable("spec.state holds a reference that was not resolved");
    }
    try {
      return new StateLocation.Postgres(
          PostgresUrl.parse(written, bound.manifest().metadata().name(), env));
    } catch (IllegalArgumentException e) {
      return new StateLocation.Unusable(e.getMessage()); // validation reports it with its position
    }
  }

  private static Endpoint endpoint(String url) {
    if (url == null) {
      return Endpoint.of(Endpoint.DEFAULT_URL);
    }
    return url.equals(Endpoint.EMBEDDED_NAME) ? Endpoint.inProcess() : Endpoint.of(url);
  }

  private static Optional<Credentials> credentials(
      Bound<EnvironmentManifest> bound, EnvironmentManifest.Credentials c) {
    if (c == null) {
      return Optional.empty();
    }
    String at = "/spec/credentials/";
    if (c.accessToken() != null) {
      return Optional.of(
          new Credentials.AccessToken(
              SecretValues.of(bound, at + "accessToken", c.accessToken()),
              SecretValues.of(bound, at + "apiKey", c.apiKey())));
    }
    return Optional.of(
        new Credentials.ClientCredentials(
            SecretValues.of(bound, at + "clientId", c.clientId()),
            SecretValues.of(bound, at + "clientSecret", c.clientSecret()),
            c.scopes() == null ? Credentials.DEFAULT_SCOPES : c.scopes(),
            c.imsEndpoint() == null ? Credentials.DEFAULT_IMS_ENDPOINT : c.imsEndpoint()));
  }
}
