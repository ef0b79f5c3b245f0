package dev.flowform.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NameBatchesTest {
  private static List<String> names(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("conn %04d", i)).toList();
  }

  @Test
  void holdsAsManyNamesAReadAsAPageAnswersUpToAHundred() {
    NameBatches batches = NameBatches.of(names(250), 1000);

    assertEquals(3, batches.reads());
    assertEquals(
        names(250), batches.byKey().values().stream().flatMap(List::stream).sorted().toList());
    assertEquals(names(100), batches.byKey().get("conn 0001 and 99 more"));
  }

  @Test
  void holdsAtMostAHundredNamesAndAFewThousandCharactersARead() {
    assertTrue(
        NameBatches.of(names(5000), 1000).byKey().values().stream()
            .allMatch(b -> b.size() <= NameBatches.MOST_NAMES));
    List<String> long_ = IntStream.range(0, 40).mapToObj(i -> i + "x".repeat(200)).toList();
    for (List<String> batch : NameBatches.of(long_, 1000).byKey().values()) {
      int chars = batch.stream().mapToInt(n -> n.length() + 1).sum();
      assertTrue(chars <= NameBatches.MOST_QUERY_CHARS, "a read of " + chars + " characters");
    }
  }

  @Test
  void asksForNoMoreNamesThanAPageHoldsConnections() {
    assertEquals(20, NameBatches.of(names(40), 2).reads());
  }

  @Test
  void readsANameWithACommaAlone() {
    List<String> all = new ArrayList<>(names(6));
    all.add("sales, west");

    NameBatches batches = NameBatches.of(all, 1000);

    assertEquals(List.of("sales, west"), batches.byKey().get("sales, west"));
    assertTrue(
        batches.byKey().values().stream()
            .filter(b -> b.size() > 1)
            .allMatch(b -> b.stream().noneMatch(n -> n.contains(","))));
    assertEquals(2, batches.reads());
  }

  @Test
  void countsRoundTrips() {
    assertEquals(1, ReadChoice.rounds(16, 16));
    assertEquals(2, ReadChoice.rounds(17, 16));
    assertEquals(ReadChoice.BY_NAMES, ReadChoice.of(2, java.util.OptionalLong.of(0), 1000));
    assertEquals(ReadChoice.LIST, ReadChoice.of(3, java.util.OptionalLong.of(1500), 1000));
    assertEquals(ReadChoice.BY_NAMES, ReadChoice.of(3, java.util.OptionalLong.of(3000), 1000));
  }
}
