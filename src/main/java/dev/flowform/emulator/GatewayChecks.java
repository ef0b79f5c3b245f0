package dev.flowform.emulator;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header checks of Adobe's API gateway (token, API key, org) and of the Flow Service (access to
 * the org, sandbox), in that order, each failing with Adobe's code.
 */
final class GatewayChecks {
  /** What a sandbox name looks like: all lowercase, like {@code prod} or {@code dev-2}. */
  static final Pattern SANDBOX = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final TokenRegistry tokens;
  private final Set<String> sandboxes;
  private final Set<String> orgIds;

  /**
   * @param sandboxes the sandboxes that exist; empty: any well-formed name
   * @param orgIds the orgs tokens have access to; empty: any
   */
  GatewayChecks(TokenRegistry tokens, Set<String> sandboxes, Set<String> orgIds) {
    this.tokens = tokens;
    this.sandboxes = Set.copyOf(sandboxes);
    this.orgIds = Set.copyOf(orgIds);
  }

  /** Who calls, in which org and sandbox; throws the gateway's or service's error otherwise. */
  Caller check(HttpCall call) {
    String authorization = call.header("Authorization").orElseThrow(Errors::tokenMissing);
    if (!authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw Errors.tokenInvalid();
    }
    String client =
        tokens
            .clientOf(authorization.substring("bearer ".length()).trim())
            .orElseThrow(Errors::tokenInvalid);
    String apiKey = call.header("x-api-key").orElseThrow(Errors::apiKeyMissing);
    if (!apiKey.equals(client)) {
      throw Errors.apiKeyInvalid();
    }
    String org = call.header("x-gw-ims-org-id").orElseThrow(Errors::orgMissing);
    if (!orgIds.isEmpty() && !orgIds.contains(org)) {
      throw Errors.noAccessToOrg(org);
    }
    String sandbox = call.header("x-sandbox-name").orElseThrow(Errors::sandboxMissing);
    if (!SANDBOX.matcher(sandbox).matches()
        || (!sandboxes.isEmpty() && !sandboxes.contains(sandbox))) {
      throw Errors.sandboxNotFound(sandbox);
    }
    return new Caller(client, new Scope(org, sandbox));
  }
}
