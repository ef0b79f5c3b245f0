package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowform.testing.HandClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {

  @Test
  void theBuilderStartsFromTheDefaults() {
    assertEquals(EmulatorConfig.defaults(), EmulatorConfig.builder().build());
    assertEquals(0, EmulatorConfig.defaults().port());
    assertEquals(Optional.empty(), EmulatorConfig.defaults().dataFile());
    assertEquals(EmulatorConfig.DEFAULT_PAGE_SIZE, EmulatorConfig.defaults().pageSize());
  }

  @Test
  void toBuilderKeepsEverySettingItDoesNotChange() {
    EmulatorConfig config =
        EmulatorConfig.builder()
            .port(8081)
            .dataFile(Path.of("data.json"))
            .latency(Duration.ofMillis(5))
            .faults(Faults.errorRate(0.3))
            .client("id", "secret")
            .seed(7)
            .clock(HandClock.at("2026-11-28T10:00:00Z"))
            .tokenLifetime(Duration.ofMinutes(3))
            .pageSize(4)
            .maxPageSize(50)
            .sandboxes(Set.of("prod", "dev"))
            .orgIds(Set.of("5C13ABCD@AdobeOrg"))
            .build();
    EmulatorConfig moved = config.toBuilder().port(9090).build();
    assertEquals(9090, moved.port());
    assertNotEquals(config, moved);
    assertEquals(config, moved.toBuilder().port(8081).build());
    assertEquals(config, config.toBuilder().build());
  }

  @Test
  void buildChecksTheSettings() {
    assertThrows(
        IllegalArgumentException.class, () -> EmulatorConfig.builder().port(70_000).build());
    assertThrows(
        IllegalArgumentException.class, () -> EmulatorConfig.builder().pageSize(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> EmulatorConfig.builder().latency(Duration.ofMillis(-1)).build());
  }

  @Test
  void theDefaultPageSizeNeverExceedsTheMaxPageSize() {
    assertEquals(20, EmulatorConfig.defaults().pageSize());
    assertEquals(100, EmulatorConfig.defaults().maxPageSize());
    assertEquals(5, EmulatorConfig.builder().maxPageSize(5).build().pageSize());
    assertThrows(
        IllegalArgumentException.class,
        () -> EmulatorConfig.builder().pageSize(6).maxPageSize(5).build());
  }

  @Test
  void aBuiltConfigDoesNotChangeWhenItsBuilderDoes() {
    EmulatorConfig.Builder builder = EmulatorConfig.builder().port(1);
    EmulatorConfig built = builder.build();
    builder.port(2);
    assertEquals(1, built.port());
  }

  @Test
  void theConfigNeverShowsTheClientSecret() {
    String shown = EmulatorConfig.builder().client("id", "do-not-show").build().toString();
    assertFalse(shown.contains("do-not-show"), shown);
  }

  @Test
  void aConnectionsBuilderChangesOnlyWhatItIsTold() {
    EmulatedConnection original =
        EmulatedConnection.builder()
            .id("c1")
            .scope(new Scope("org", "dev"))
            .name("before")
            .connectionSpec(Api.HUBSPOT, "1.0")
            .authSpecName("Basic Authentication")
            .params(Map.of("clientId", "x"))
            .state("enabled")
            .etag("\"e1\"")
            .created(1_000, "client-a")
            .sequence(3)
            .build();
    EmulatedConnection renamed = original.toBuilder().name("after").build();
    assertEquals("after", renamed.name());
    assertEquals(original, renamed.toBuilder().name("before").build());
    EmulatedConnection updated = original.updated("\"e2\"", 2_000, "client-b");
    assertEquals(1_000, updated.createdAt());
    assertEquals("client-a", updated.createdClient());
    assertEquals(2_000, updated.updatedAt());
    assertEquals("client-b", updated.updatedClient());
    assertEquals("\"e2\"", updated.etag());
  }
}
