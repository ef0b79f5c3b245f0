package dev.flowform.flowservice;

import java.util.Objects;
import java.util.Optional;

/** A given access token: nothing to fetch, nothing to renew. */
final class FixedTokenSource implements TokenSource {
  private final String accessToken;

  FixedTokenSource(String accessToken) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
  }

  @Override
  public String token() {
    return accessToken;
  }

  @Override
  public Optional<String> renew(String rejected) {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "FixedTokenSource[(sensitive)]";
  }
}
