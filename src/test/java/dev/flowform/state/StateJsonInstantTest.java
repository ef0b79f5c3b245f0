package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateJsonInstantTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-28T10:00:00Z",
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59.5Z",
        "2026-12-03T02:30:42.123456789Z",
        "2026-12-03T02:30:42.000001Z",
        "9999-12-31T23:59:59.999Z"
      })
  void readsWhatInstantParseReads(String text) {
    assertEquals(Instant.parse(text), StateJson.utc(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T10:00:00Z",
        "2026-13-01T10:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T10:00:00.1234567891Z"
      })
  void refusesWhatDoesNotExist(String text) {
    assertThrows(DateTimeException.class, () -> StateJson.utc(text));
  }

  @org.junit.jupiter.api.Test
  void writesWhatInstantToStringWrites() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(253_402_300_800L); // years 1970 to 9999
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertEquals(instant.toString(), StateJson.utcText(instant));
    }
    Instant ancient = Instant.parse("-0001-01-01T00:00:00Z");
    assertEquals(ancient.toString(), StateJson.utcText(ancient));
  }
}
