package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowform.emulator.EmulatorConfig;
import dev.flowform.emulator.FlowServiceEmulator;
import dev.flowform.model.RemoteConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Looking a connection up by name against the emulator, for names the filter syntax uses. */
class FindByNameOnTheEmulatorTest {
  private static final String ORG = "5C13ABCD@AdobeOrg";
  private static final Map<String, String> PARAMS =
      Map.of("clientId", "c", "clientSecret", "s", "accessToken", "a", "refreshToken", "r");

  private FlowServiceEmulator emulator;
  private FlowServiceApi api;

  @BeforeEach
  void start() {
    emulator = FlowServiceEmulator.start(EmulatorConfig.builder().pageSize(2).build());
    URI base = emulator.flowServiceUrl();
    FlowServiceConfig config =
        FlowServiceConfig.builder(base, ORG, "dev", "client-1", "flowform/test")
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
            .retries(1, Duration.ofMillis(1), Duration.ofMillis(1))
            .build();
    api =
        new FlowServiceClients(
                config, Optional.empty(), new RecordingSleeper(), new Random(7), Clock.systemUTC())
            .api(TokenSource.fixed(emulator.issueToken("client-1")));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String add(String name) {
    return emulator.addConnection(ORG, "dev", name, PARAMS).id();
  }

  @Test
  void findsAConnectionWhoseNameHoldsACommaAndOnlyThatOne() {
    String wanted = add("HubSpot marketing, EU");
    add("HubSpot marketing");
    add(" EU");
    add("other");

    List<String> found =
        api.findByName("HubSpot marketing, EU").stream().map(RemoteConnection::id).toList();

    assertEquals(List.of(wanted), found);
  }

  @Test
  void findsConnectionsWhoseNamesHoldFilterSyntaxOrUnicode() {
    for (String name : List.of("a==b", "a!=b", "x & y = z", "Zürich ✓ 100%", "trailing ")) {
      String id = add(name);
      assertEquals(
          List.of(id), api.findByName(name).stream().map(RemoteConnection::id).toList(), name);
    }
    assertEquals(List.of(), api.findByName("trailing"));
  }

  @Test
  void findsTheConnectionsOfSeveralNamesInOneFilterFollowingItsPages() {
    List<String> names = List.of("a==b", "x & y = z", "Zürich ✓ 100%", "plain", "trailing ");
    java.util.Set<String> wanted = new java.util.HashSet<>();
    for (String name : names) {
      wanted.add(add(name));
    }
    wanted.add(add("plain")); // a duplicate name: both are found
    add("trailing");
    add("other");

    List<RemoteConnection> found = api.findByNames(names);

    // a page holds two: the answer spans pages, each asked with the same filter
    assertEquals(wanted, java.util.Set.copyOf(found.stream().map(RemoteConnection::id).toList()));
    assertEquals(wanted.size(), found.size());
  }
}
