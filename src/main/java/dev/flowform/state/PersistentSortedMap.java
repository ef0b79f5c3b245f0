package dev.flowform.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable map in the natural order of its keys whose {@link #plus} and {@link #minus} return a
 * new map in O(log n), sharing every node but those on one path (a persistent AVL tree). Reads are
 * those of a sorted map; every mutator of {@link Map} throws {@link UnsupportedOperationException}.
 * The range views ({@link #subMap}, {@link #headMap}, {@link #tailMap}) are copies, O(n).
 *
 * <p>A map made by {@code plus} or {@code minus} remembers which map and key it came from, so
 * {@link #derivedFrom} can tell in O(1) that two maps differ at one key at most.
 */
final class PersistentSortedMap<K extends Comparable<? super K>, V> extends AbstractMap<K, V>
    implements SortedMap<K, V> {

  private final AvlNode<K, V> root;
  private final Object identity = new Object();
  private final Object parent;
  private final K changedKey;

  private PersistentSortedMap(AvlNode<K, V> root, Object parent, K changedKey) {
    this.root = root;
    this.parent = parent;
    this.changedKey = changedKey;
  }

  static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> empty() {
    return new PersistentSortedMap<>(null, null, null);
  }

  /** {@code map} itself when it is one, else a copy of it (O(n) when it is sorted naturally). */
  static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> copyOf(
      Map<? extends K, ? extends V> map) {
    if (map instanceof PersistentSortedMap<?, ?>) {
      @SuppressWarnings("unchecked")
      PersistentSortedMap<K, V> same = (PersistentSortedMap<K, V>) map;
      return same;
    }
    boolean sorted = map instanceof SortedMap<?, ?> s && s.comparator() == null;
    List<Map.Entry<? extends K, ? extends V>> entries =
        new ArrayList<>(sorted ? map.entrySet() : new TreeMap<K, V>(map).entrySet());
    entries.forEach(e -> Objects.requireNonNull(e.getKey(), "key"));
    return new PersistentSortedMap<>(AvlNode.balanced(entries, 0, entries.size()), null, null);
  }

  /** This map with {@code key} set to {@code value}. */
  PersistentSortedMap<K, V> plus(K key, V value) {
    Objects.requireNonNull(key, "key");
    return new PersistentSortedMap<>(AvlNode.put(root, key, value), identity, key);
  }

  /** This map without {@code key}. */
  PersistentSortedMap<K, V> minus(K key) {
    Objects.requireNonNull(key, "key");
    return new PersistentSortedMap<>(AvlNode.remove(root, key), identity, key);
  }

  /** True when this map was made from {@code other} by one {@code plus} or {@code minus} of key. */
  boolean derivedFrom(Map<?, ?> other, Object key) {
    return other instanceof PersistentSortedMap<?, ?> map
        && parent == map.identity
        && changedKey.equals(key);
  }

  /** Levels of the tree: at most about 1.44 log2(n + 2). */
  int height() {
    return AvlNode.heightOf(root);
  }

  @Override
  public int size() {
    return AvlNode.sizeOf(root);
  }

  @Override
  public V get(Object key) {
    AvlNode<K, V> node = find(key);
    return node == null ? null : node.value();
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) != null;
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new AvlNode.InOrder<>(root);
      }

      @Override
      public int size() {
        return PersistentSortedMap.this.size();
      }
    };
  }

  @Override
  public Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public K firstKey() {
    if (root == null) {
      throw new NoSuchElementException();
    }
    return AvlNode.edge(root, true).key();
  }

  @Override
  public K lastKey() {
    if (root == null) {
      throw new NoSuchElementException();
    }
    return AvlNode.edge(root, false).key();
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }

  private AvlNode<K, V> find(Object key) {
    @SuppressWarnings("unchecked")
    K wanted = (K) Objects.requireNonNull(key, "key");
    return AvlNode.find(root, wanted);
  }
}
