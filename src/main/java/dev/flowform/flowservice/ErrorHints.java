package dev.flowform.flowservice;

import java.util.Map;

/** What the user can do about the common Flow Service, gateway and IMS errors. */
final class ErrorHints {
  private static final String ORG_HEADER =
      "the x-gw-ims-org-id header is missing or wrong: set spec.orgId of the environment to the"
          + " org id (like 5C13...@AdobeOrg)";
  private static final String PERMISSION =
      "the credentials lack a permission: give the Developer Console project's product profile the"
          + " Sources permissions (View Sources, Manage Sources) for this sandbox";

  private static final Map<String, String> BY_CODE =
      Map.ofEntries(
          Map.entry(
              "2105-400",
              "the x-sandbox-name header is missing: set spec.sandbox of the environment"),
          Map.entry(
              "2100-404",
              "sandbox not found: check spec.sandbox of the environment (all lower case) and that"
                  + " the sandbox exists in this org"),
          Map.entry("403010", "no access token reached Adobe: check the environment's credentials"),
          Map.entry(
              "401013",
              "the access token is invalid or expired: check the environment's credentials, or"
                  + " give a fresh accessToken"),
          Map.entry(
              "403000", "the API key (x-api-key) is missing: set credentials.clientId (or apiKey)"),
          Map.entry(
              "403003",
              "the API key is not valid: set credentials.clientId (or apiKey) to the client id of"
                  + " the Developer Console project"),
          Map.entry("400003", ORG_HEADER),
          Map.entry("2001-401", ORG_HEADER),
          Map.entry("2002-401", ORG_HEADER),
          Map.entry(
              "2000-401",
              "the token has no access to this org: check that spec.orgId is the credentials' org"),
          Map.entry("1101-404", "the connection does not exist (any more): run flowform refresh"),
          Map.entry(
              "1413-400",
              "invalid connection spec id: HubSpot's is cc6a4487-9e91-433e-a3a3-9cf6626c1806"),
          Map.entry(
              "1415-400",
              "auth spec not found for this connection spec: check spec.auth.specName (HubSpot:"
                  + " Basic Authentication)"),
          Map.entry(
              "1404-412",
              "the connection changed since flowform recorded its etag: run flowform refresh,"
                  + " then plan again"),
          Map.entry(
              "1403-400",
              "the If-Match header was missing: run flowform refresh to record the current etag"),
          Map.entry(
              "1414-400",
              "the connection spec of a connection cannot be changed: plan with --allow-replace"),
          Map.entry(
              "1416-400",
              "the connection is in a state that allows no update or delete (it must be enabled,"
                  + " disabled or initializing)"),
          Map.entry(
              "1418-400",
              "the connection is used by dataflows: delete those dataflows first, or forget it"
                  + " with flowform state rm"),
          Map.entry("2118-403", PERMISSION),
          Map.entry("2120-403", PERMISSION),
          Map.entry("2121-403", PERMISSION),
          Map.entry(
              "invalid_client",
              "IMS refused the client id or secret: check credentials.clientId and clientSecret"),
          Map.entry(
              "invalid_scope",
              "IMS refused a scope: compare credentials.scopes with the Developer Console project"),
          Map.entry(
              "unauthorized_client",
              "this client may not use the client_credentials grant: use an OAuth Server-to-Server"
                  + " credential"));

  private ErrorHints() {}

  /** The hint for an Adobe error code, else a general one for the status, else null. */
  static String forError(int status, String code) {
    if (code != null && BY_CODE.containsKey(code)) {
      return BY_CODE.get(code);
    }
    if (status == 429) {
      return "Adobe is limiting the request rate: try again later, or lower --parallelism";
    }
    if (status >= 500) {
      return "Adobe's service failed to answer: try again later";
    }
    return null;
  }
}
