package dev.flowform.emulator;

/** Request bodies for tests. */
final class Bodies {
  private Bodies() {}

  static String connection(String name) {
    return connection(name, Api.HUBSPOT, "Basic Authentication");
  }

  static String connection(String name, String specId, String authSpecName) {
    return """
        {"name": "%s", "description": "CRM contacts",
         "auth": {"specName": "%s", "params": {"clientId": "hub-client",
           "clientSecret": "s3cret-value", "accessToken": "access-value",
           "refreshToken": "refresh-value"}},
         "connectionSpec": {"id": "%s", "version": "1.0"}}
        """
        .formatted(name, authSpecName, specId);
  }
}
