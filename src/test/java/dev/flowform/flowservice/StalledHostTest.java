package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.flowservice.StallingServer.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 12: a host that accepts the connection and then stalls (says nothing, sends
 * endless headers, trickles its answer) is reported as having answered but stalled, not as
 * unreachable, and the call timeout bounds each attempt however slowly bytes keep coming.
 */
class StalledHostTest {
  private static final Duration READ = Duration.ofMillis(500);
  private static final Duration CALL = Duration.ofMillis(1500);

  /** The longest two stalled attempts may take, with room for a slow machine. */
  private static final Duration BOUND =
      CALL.multipliedBy(Reachability.STALL_ATTEMPTS).plusSeconds(3);

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private FlowServiceClients clients(StallingServer server) {
    return TestClients.clients(
        TestClients.configBuilder(server.url()).timeouts(Duration.ofSeconds(2), READ, CALL).build(),
        sleeper);
  }

  private FlowServiceApi api(StallingServer server) {
    return clients(server).api(TokenSource.fixed(TestClients.TOKEN));
  }

  @Test
  void aServerThatAcceptsAndSaysNothingAnsweredButStalled() throws Exception {
    try (StallingServer server = new StallingServer(Mode.SILENT)) {
      UnreachableException e =
          assertThrows(UnreachableException.class, () -> api(server).get("c1"));

      assertEquals(
          "127.0.0.1:" + server.port() + " answered but stalled: no answer within the read timeout",
          e.getMessage());
      assertTrue(e.isStalled());
      assertEquals(Reachability.STALL_ATTEMPTS, server.accepted());
    }
  }

  @Test
  void endlessHeadersAreCutByTheCallTimeoutAndReportedAsAStall() throws Exception {
    try (StallingServer server = new StallingServer(Mode.ENDLESS_HEADERS)) {
      Instant start = Instant.now();
      UnreachableException e =
          assertThrows(UnreachableException.class, () -> api(server).get("c1"));

      assertTrue(Duration.between(start, Instant.now()).compareTo(BOUND) < 0, "not bounded");
      assertEquals(
          "127.0.0.1:"
              + server.port()
              + " answered but stalled: the answer did not end within the call timeout",
          e.getMessage());
      assertFalse(e.getMessage().contains("could not reach"));
    }
  }

  @Test
  void afterOneCallFoundTheHostStalledTheOthersFailAtOnce() throws Exception {
    try (StallingServer server = new StallingServer(Mode.SILENT)) {
      FlowServiceApi api = api(server);
      UnreachableException first = assertThrows(UnreachableException.class, () -> api.get("a"));
      int accepted = server.accepted();

      UnreachableException second =
          assertThrows(UnreachableException.class, () -> api.findByName("b"));

      assertEquals(first.getMessage(), second.getMessage());
      assertEquals(accepted, server.accepted());
    }
  }

  @Test
  void aStalledCreateHasAnUnknownOutcomeSayingTheHostStalled() throws Exception {
    try (StallingServer server = new StallingServer(Mode.TRICKLING_BODY)) {
      UnknownOutcomeException e =
          assertThrows(
              UnknownOutcomeException.class,
              () -> api(server).create(TestClients.hubspot("HubSpot eu")));

      assertTrue(
          e.getMessage().contains("127.0.0.1:" + server.port() + " answered but stalled"),
          e.getMessage());
      assertEquals(1, server.accepted());
    }
  }

  @Test
  void anImsThatTricklesItsTokenAnsweredButStalledWithinTheCallTimeout() throws Exception {
    try (StallingServer server = new StallingServer(Mode.TRICKLING_BODY)) {
      TokenSource tokens = clients(server).imsTokens(TestClients.ims(server.url()));
      Instant start = Instant.now();

      UnreachableException e = assertThrows(UnreachableException.class, tokens::token);

      assertTrue(Duration.between(start, Instant.now()).compareTo(BOUND) < 0, "not bounded");
      assertEquals(
          "127.0.0.1:"
              + server.port()
              + " answered but stalled: the answer did not end within the call timeout",
          e.getMessage());
      assertTrue(e.hint().contains("credentials.imsEndpoint"), e.hint());
      UnreachableException again = assertThrows(UnreachableException.class, tokens::token);
      assertEquals(e.getMessage(), again.getMessage());
      assertEquals(Reachability.STALL_ATTEMPTS, server.accepted());
    }
  }
}
