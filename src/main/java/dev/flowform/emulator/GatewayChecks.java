package dev.flowform.emulator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The header checks of Adobe's API gateway (token, API key, org) and of the Flow Service (sandbox),
 * in that order, each failing with Adobe's code.
 */
final class GatewayChecks {
  private static final Pattern SANDBOX = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private final TokenRegistry tokens;

  GatewayChecks(TokenRegistry tokens) {
    this.tokens = tokens;
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
    String sandbox = call.header("x-sandbox-name").orElseThrow(Errors::sandboxMissing);
    if (!SANDBOX.matcher(sandbox).matches()) {
      throw Errors.sandboxNotFound(sandbox);
    }
    return new Caller(client, new Scope(org, sandbox));
  }
}
