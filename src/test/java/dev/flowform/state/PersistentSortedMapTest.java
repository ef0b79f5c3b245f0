package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistentSortedMapTest {

  @Test
  void agreesWithATreeMapOverManyRandomChanges() {
    Random random = new Random(42);
    TreeMap<String, Integer> expected = new TreeMap<>();
    PersistentSortedMap<String, Integer> map = PersistentSortedMap.empty();
    for (int i = 0; i < 5_000; i++) {
      String key = "k" + random.nextInt(700);
      if (random.nextInt(3) == 0) {
        expected.remove(key);
        map = map.minus(key);
      } else {
        expected.put(key, i);
        map = map.plus(key, i);
      }
      assertEquals(expected.size(), map.size());
    }
    assertEquals(expected, map);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(map.keySet()));
    assertEquals(expected.firstKey(), map.firstKey());
    assertEquals(expected.lastKey(), map.lastKey());
    assertEquals(expected.hashCode(), map.hashCode());
  }

  @Test
  void leavesTheMapItCameFromAsItWas() {
    PersistentSortedMap<String, Integer> before =
        PersistentSortedMap.copyOf(Map.of("a", 1, "b", 2, "c", 3));
    PersistentSortedMap<String, Integer> after = before.plus("b", 20).minus("c").plus("d", 4);
    assertEquals(Map.of("a", 1, "b", 2, "c", 3), before);
    assertEquals(Map.of("a", 1, "b", 20, "d", 4), after);
  }

  @Test
  void staysBalancedWhenKeysComeInOrder() {
    PersistentSortedMap<Integer, Integer> map = PersistentSortedMap.empty();
    for (int i = 0; i < 10_000; i++) {
      map = map.plus(i, i);
    }
    // An AVL tree of n nodes is at most 1.44 log2(n) high: 19 for 10,000, against 10,000
    // unbalanced.
    assertTrue(map.height() <= 20, "height " + map.height());
    assertEquals(0, map.firstKey());
    assertEquals(9_999, map.lastKey());
  }

  @Test
  void refusesEveryChangeInPlace() {
    PersistentSortedMap<String, Integer> map = PersistentSortedMap.copyOf(Map.of("a", 1));
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertThrows(
        UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(5));
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().remove("a"));
    assertEquals(Map.of("a", 1), map);
  }

  @Test
  void knowsTheOneKeyItWasDerivedBy() {
    PersistentSortedMap<String, Integer> base = PersistentSortedMap.copyOf(Map.of("a", 1, "b", 2));
    PersistentSortedMap<String, Integer> changed = base.plus("b", 3);
    assertTrue(changed.derivedFrom(base, "b"));
    assertTrue(base.minus("a").derivedFrom(base, "a"));
    assertFalse(changed.derivedFrom(base, "a"));
    assertFalse(changed.plus("a", 5).derivedFrom(base, "a"));
    assertFalse(base.derivedFrom(changed, "b"));
    assertFalse(changed.derivedFrom(new TreeMap<>(base), "b"));
  }

  @Test
  void copiesAnOrdinaryMapButNotAPersistentOne() {
    TreeMap<String, Integer> source = new TreeMap<>(Map.of("b", 2, "a", 1));
    PersistentSortedMap<String, Integer> copy = PersistentSortedMap.copyOf(source);
    source.put("c", 3);
    assertEquals(Map.of("a", 1, "b", 2), copy);
    assertSame(copy, PersistentSortedMap.copyOf(copy));
    assertEquals(
        List.of("a", "b"),
        List.copyOf(PersistentSortedMap.copyOf(Map.of("b", 2, "a", 1)).keySet()));
  }

  @Test
  void readsLikeASortedMap() {
    PersistentSortedMap<String, Integer> map =
        PersistentSortedMap.copyOf(Map.of("a", 1, "b", 2, "c", 3));
    assertEquals(2, map.get("b"));
    assertNull(map.get("z"));
    assertTrue(map.containsKey("c"));
    assertEquals(Map.of("b", 2), map.subMap("b", "c"));
    assertEquals(Map.of("a", 1), map.headMap("b"));
    assertEquals(Map.of("c", 3), map.tailMap("c"));
    assertNull(map.comparator());
    assertThrows(NoSuchElementException.class, () -> PersistentSortedMap.empty().firstKey());
  }

  @Test
  void equalsTheStateItWasBuiltFrom() {
    State state = new State(1, "l", 1, "e", "s", "o", "https://x.test", "salt", new TreeMap<>());
    assertEquals(state, new State(1, "l", 1, "e", "s", "o", "https://x.test", "salt", null));
    assertTrue(state.resources().isEmpty());
  }
}
