package dev.flowform.e2e;

import dev.flowform.cli.CliRun;
import dev.flowform.emulator.FlowServiceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A project folder in a temporary directory whose environment {@code test} points at a running
 * emulator, with connection manifests whose secrets come from the process environment. Runs the
 * real command line in-process against it.
 */
final class Workspace {
  static final String ORG = "5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg";
  static final String SANDBOX = "dev";

  private final Path root;
  private final FlowServiceEmulator emulator;
  private final Map<String, String> env = new HashMap<>();

  Workspace(Path root, FlowServiceEmulator emulator) {
    this.root = root;
    this.emulator = emulator;
    env.put("AEP_CLIENT_ID", "e2e-client");
    env.put("AEP_CLIENT_SECRET", "p8e-AEP-CLIENT-SECRET-e2e");
    env.put("HS_CLIENT_SECRET", "hs-CLIENT-SECRET-0001");
    env.put("HS_ACCESS_TOKEN", "hs-ACCESS-TOKEN-0002");
    env.put("HS_REFRESH_TOKEN", "hs-REFRESH-TOKEN-0003");
    writeEnvironment("test", SANDBOX);
  }

  Path root() {
    return root;
  }

  Path manifests() {
    return root.resolve("manifests");
  }

  Path stateFile() {
    return root.resolve(".flowform/test.state.json");
  }

  Map<String, String> env() {
    return env;
  }

  /** The secret values this workspace uses: none may appear in any output or file. */
  java.util.List<String> secretValues() {
    return java.util.stream.Stream.of(
            "AEP_CLIENT_SECRET", "HS_CLIENT_SECRET", "HS_ACCESS_TOKEN", "HS_REFRESH_TOKEN")
        .map(env::get)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  Workspace setEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  void writeEnvironment(String name, String sandbox) {
    writeEnvironment(name, sandbox, "");
  }

  /** An environment whose spec ends with {@code moreSpec} (lines indented by two spaces). */
  void writeEnvironment(String name, String sandbox, String moreSpec) {
    write(
        "environments/" + name + ".yaml",
        """
        apiVersion: flowform/v1
        kind: Environment
        metadata:
          name: %s
        spec:
          sandbox: %s
          orgId: %s
          endpoint: %s
          credentials:
            clientId: ${env:AEP_CLIENT_ID}
            clientSecret: ${env:AEP_CLIENT_SECRET}
            imsEndpoint: %s
        """
                .formatted(name, sandbox, ORG, emulator.flowServiceUrl(), emulator.imsUrl())
            + moreSpec);
  }

  /** A connection manifest {@code connections/<address>.yaml}. */
  Workspace connection(String address, String name) {
    return connection(address, name, "Managed by flowform");
  }

  Workspace connection(String address, String name, String description) {
    return connection(address, name, description, "");
  }

  /** A connection whose metadata ends with {@code moreMetadata} (lines indented by two spaces). */
  Workspace connection(String address, String name, String description, String moreMetadata) {
    write(
        "connections/" + address + ".yaml",
        """
        apiVersion: flowform/v1
        kind: HubSpotConnection
        metadata:
          name: %s
        %sspec:
          name: %s
          description: %s
          auth:
            params:
              clientId: hubspot-app-%s
              clientSecret: ${env:HS_CLIENT_SECRET}
              accessToken: ${env:HS_ACCESS_TOKEN}
              refreshToken: ${env:HS_REFRESH_TOKEN}
        """
            .formatted(address, moreMetadata, name, description, address));
    return this;
  }

  void removeConnection(String address) {
    try {
      Files.delete(manifests().resolve("connections/" + address + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String relative, String text) {
    try {
      Path file = manifests().resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CliRun run(String... args) {
    return CliRun.run(root, env, args);
  }
}
