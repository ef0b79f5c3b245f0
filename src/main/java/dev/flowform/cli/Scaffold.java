package dev.flowform.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files {@code flowform init} writes, by path relative to the project folder (the parent of the
 * manifests folder): environments {@code local} (the embedded emulator) and {@code dev}, one
 * connection for both, its secrets read from {@code .secrets/} (ignored by git), and a {@code
 * .gitignore} for flowform's local files.
 */
final class Scaffold {
  static final String GITIGNORE = ".gitignore";

  /** What {@code .gitignore} gets: state, backups, journals, locks, emulator data, secrets. */
  static final String IGNORED =
      """
      # flowform: state files and their backups, journals and locks, emulator data, local secrets.
      # To keep state in git instead (see docs/ci.md), drop the first line and keep the others.
      .flowform/
      *.state.json.backup
      *.state.json.journal
      *.state.json.lock
      *.lock.info
      *.emulator.json
      *.plan
      .secrets/
      """;

  private Scaffold() {}

  /**
   * @param manifests the manifests folder, relative to the project folder (e.g. {@code manifests})
   */
  static Map<String, String> files(String manifests) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(manifests + "/environments/local.yaml", LOCAL);
    files.put(manifests + "/environments/dev.yaml", DEV);
    files.put(manifests + "/connections/example-hubspot.yaml", CONNECTION);
    files.put(".secrets/hubspot-client-secret", "replace-me\n");
    files.put(".secrets/hubspot-access-token", "replace-me\n");
    files.put(".secrets/hubspot-refresh-token", "replace-me\n");
    return files;
  }

  private static final String LOCAL =
      """
      # The zero-setup environment: the Flow Service emulator runs inside flowform itself.
      # Try it: flowform plan --env local && flowform apply --env local
      apiVersion: flowform/v1
      kind: Environment
      metadata:
        name: local
      spec:
        sandbox: local
        orgId: 0000000000000000000LOCAL@AdobeOrg
        endpoint: embedded        # data kept in .flowform/local.emulator.json
        variables:
          region: local
      """;

  private static final String DEV =
      """
      # A real AEP sandbox. Credentials come from the environment (CI secrets), never from git.
      apiVersion: flowform/v1
      kind: Environment
      metadata:
        name: dev
      spec:
        sandbox: dev                            # x-sandbox-name
        orgId: ${env:AEP_ORG_ID}                # e.g. 5C13...@AdobeOrg
        credentials:                            # OAuth server-to-server (Developer Console)
          clientId: ${env:AEP_CLIENT_ID}
          clientSecret: ${env:AEP_CLIENT_SECRET}
          scopes: [openid, AdobeID, read_organizations, additional_info.projectedProductContext, session]
        variables:
          region: eu
      """;

  private static final String CONNECTION =
      """
      # One HubSpot base connection, in every environment (add metadata.environments to narrow it).
      # Secrets are references, never literals: files under .secrets/ (ignored by git) here;
      # in CI prefer ${env:HUBSPOT_CLIENT_SECRET} and friends, set from the pipeline's secrets.
      apiVersion: flowform/v1
      kind: HubSpotConnection
      metadata:
        name: example-hubspot
      spec:
        name: HubSpot example (${var:region})
        description: Created by flowform init
        auth:
          params:
            clientId: your-hubspot-app-client-id
            clientSecret: ${file:../../.secrets/hubspot-client-secret}
            accessToken: ${file:../../.secrets/hubspot-access-token}
            refreshToken: ${file:../../.secrets/hubspot-refresh-token}
      """;
}
