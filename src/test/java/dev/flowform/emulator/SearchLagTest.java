package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowform.testing.HandClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchLagTest {
  private final HandClock clock = HandClock.at("2026-11-28T10:00:00Z");
  private FlowServiceEmulator emulator;
  private Api api;

  @BeforeEach
  void start() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder()
                .clock(clock)
                .faults(Faults.none().withSearchLag(Duration.ofSeconds(1)))
                .build());
    api = Api.signedIn(emulator, "client-a", "dev");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private int listed(String query) {
    return api.get("/connections" + query).json().get("items").size();
  }

  @Test
  void aNewConnectionIsMissingFromListsUntilTheLagHasPassedButReadableByIdAtOnce() {
    String id = api.create("lagging").json().get("id").asText();
    assertEquals(200, api.get("/connections/" + id).status());
    assertEquals(0, listed("?property=name%3D%3Dlagging"));
    assertEquals(0, listed(""));
    assertEquals(0, api.get("/connections?count=true").json().get("count").asInt());
    clock.advance(Duration.ofMillis(999));
    assertEquals(0, listed("?property=name%3D%3Dlagging"));
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, listed("?property=name%3D%3Dlagging"));
    assertEquals(1, listed(""));
    assertEquals(1, api.get("/connections?count=true").json().get("count").asInt());
  }

  @Test
  void onlyTheNewConnectionIsHidden() {
    api.create("old");
    clock.advance(Duration.ofSeconds(5));
    api.create("new");
    assertEquals("old", api.get("/connections").json().get("items").get(0).get("name").asText());
    assertEquals(1, listed(""));
  }

  @Test
  void withoutALagAListSeesANewConnectionAtOnce() {
    try (FlowServiceEmulator plain =
        FlowServiceEmulator.start(EmulatorConfig.builder().clock(clock).build())) {
      Api other = Api.signedIn(plain, "client-a", "dev");
      other.create("at once");
      assertEquals(
          1, other.get("/connections?property=name%3D%3Dat%20once").json().get("items").size());
    }
  }

  @Test
  void aNegativeLagIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Faults.none().withSearchLag(Duration.ofSeconds(-1)));
  }
}
