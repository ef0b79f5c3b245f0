package dev.flowform.refresh;

import static dev.flowform.testing.Fixtures.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.apply.ResourceRecords;
import dev.flowform.model.RemoteConnection;
import dev.flowform.plan.RemoteView;
import dev.flowform.state.ResourceState;
import dev.flowform.state.State;
import dev.flowform.testing.Fixtures;
import dev.flowform.testing.StateFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateRefreshTest {
  private static final Instant AT = Fixtures.CLOCK.instant();
  private final ResourceState a =
      ResourceRecords.pending(connection("a").build(), Fixtures.SALT, AT)
          .withCreated("id-a", "\"1\"", AT);
  private final ResourceState pending =
      ResourceRecords.pending(connection("p").build(), Fixtures.SALT, AT);
  private final State state = StateFixtures.empty().with("a", a).with("p", pending);

  private RemoteConnection remote(String etag, String name) {
    return new RemoteConnection(
        "id-a",
        etag,
        name,
        a.description(),
        a.connectionSpec(),
        "enabled",
        a.authSpecName(),
        Map.of("clientId", a.params().get("clientId"), "clientSecret", "****"));
  }

  @Test
  void keepsTheSameStateWhenNothingMoved() {
    RemoteView view = new RemoteView(Map.of("a", remote("\"1\"", a.name())), Set.of(), Map.of());

    assertSame(state, StateRefresh.learn(state, view));
  }

  @Test
  void recordsANewEtagAndNameInOneWrite() {
    RemoteView view = new RemoteView(Map.of("a", remote("\"2\"", "renamed")), Set.of(), Map.of());

    State learned = StateRefresh.learn(state, view);

    assertEquals(state.serial() + 1, learned.serial());
    ResourceState refreshed = learned.resource("a").orElseThrow();
    assertEquals("\"2\"", refreshed.etag());
    assertEquals("renamed", refreshed.name());
    assertEquals(a.secretFingerprints(), refreshed.secretFingerprints());
    assertEquals(Set.of("clientId"), refreshed.params().keySet());
  }

  @Test
  void forgetsConnectionsDeletedOutsideFlowformButKeepsPendingOnes() {
    RemoteView view = new RemoteView(Map.of(), Set.of("a"), Map.of("p", List.of()));

    State learned = StateRefresh.learn(state, view);

    assertTrue(learned.resource("a").isEmpty());
    assertEquals(pending, learned.resource("p").orElseThrow());
  }
}
