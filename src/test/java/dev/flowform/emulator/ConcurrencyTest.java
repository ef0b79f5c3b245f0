package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void concurrentCreatesWithLatencyAllLandOnceWithDistinctIds() throws Exception {
    EmulatorConfig config =
        EmulatorConfig.builder()
            .latency(Duration.ofMillis(50))
            .dataFile(dir.resolve("data.json"))
            .build();
    try (FlowServiceEmulator emulator = FlowServiceEmulator.start(config)) {
      Api api = Api.signedIn(emulator, "client-a", "dev");
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String name = "c" + i;
          answers.add(pool.submit(() -> api.create(name)));
        }
        Set<String> ids = new HashSet<>();
        for (Future<Api.Answer> answer : answers) {
          assertEquals(201, answer.get().status());
          ids.add(answer.get().json().get("id").asText());
        }
        assertEquals(40, ids.size());
        assertEquals(40, emulator.connections("dev").size());
        assertEquals(40, emulator.requestCount("POST", "/connections"));
      } finally {
        pool.shutdownNow();
      }
    }
    try (FlowServiceEmulator reloaded = FlowServiceEmulator.start(config)) {
      assertEquals(40, reloaded.connections("dev").size());
    }
  }
}
