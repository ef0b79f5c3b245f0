package dev.flowform.emulator;

/** What of a request an {@link FaultKind#ECHO_REQUEST} answer repeats back. */
public enum EchoPart {
  /** The request body, as sent. */
  BODY,
  /** The query string, as sent (still URL-encoded). */
  QUERY,
  /** Every request header and its values, as sent (names in the JDK server's capitalisation). */
  HEADERS
}
