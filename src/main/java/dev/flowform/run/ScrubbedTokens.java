package dev.flowform.run;

import dev.flowform.diag.Scrubber;
import dev.flowform.flowservice.TokenSource;
import java.util.Optional;

/** A token source whose every token, first or renewed, the run's scrubber learns before use. */
record ScrubbedTokens(TokenSource tokens, Scrubber scrubber) implements TokenSource {

  @Override
  public String token() {
    String token = tokens.token();
    scrubber.add(token);
    return token;
  }

  @Override
  public Optional<String> renew(String rejected) {
    Optional<String> renewed = tokens.renew(rejected);
    renewed.ifPresent(scrubber::add);
    return renewed;
  }
}
