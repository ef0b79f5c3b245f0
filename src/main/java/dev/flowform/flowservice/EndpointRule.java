package dev.flowform.flowservice;

import dev.flowform.diag.FlowformException;
import dev.flowform.model.EndpointPolicy;
import java.net.URI;

/** Refuses, before any call, a URL that {@link EndpointPolicy} does not allow. */
final class EndpointRule {
  private EndpointRule() {}

  /**
   * @param what names the setting in the message, e.g. "endpoint"
   * @throws FlowformException for any other scheme, or http to a host that is not loopback
   */
  static URI requireAllowed(URI url, String what) {
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new FlowformException(
          what + " " + url + " is not an absolute URL with a host",
          "write it as https://host/path");
    }
    if (!EndpointPolicy.allows(url)) {
      throw new FlowformException(
          what + " " + url + " is refused: credentials are only sent over https",
          EndpointPolicy.HINT);
    }
    return url;
  }
}
