package dev.flowform.model;

import java.util.List;

/**
 * The HubSpot source's connection spec as flowform sends it: its auth params, and which of them are
 * sensitive. The one list of sensitive params: manifests, plans, state and traces all ask it.
 */
public final class HubSpotSpec {
  /** Where a HubSpotConnection manifest holds its auth params (a JSON pointer prefix). */
  public static final String PARAMS_POINTER = "/spec/auth/params/";

  /** The params sent as they are, and shown in plans and state. */
  public static final List<String> PLAIN_PARAMS = List.of("clientId");

  /** The params that are secrets: references only, never written or shown. */
  public static final List<String> SENSITIVE_PARAMS =
      List.of("clientSecret", "accessToken", "refreshToken");

  private HubSpotSpec() {}

  private static final List<String> SENSITIVE_POINTERS =
      SENSITIVE_PARAMS.stream().map(p -> PARAMS_POINTER + p).toList();

  /** The manifest pointers of the sensitive params, e.g. {@code /spec/auth/params/accessToken}. */
  public static List<String> sensitivePointers() {
    return SENSITIVE_POINTERS;
  }
}
