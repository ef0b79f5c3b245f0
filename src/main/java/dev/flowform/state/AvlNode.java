package dev.flowform.state;

import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One node of an immutable AVL tree, and the operations on such trees (null is the empty tree):
 * each returns new nodes along one path from the root and shares every other node.
 */
record AvlNode<K, V>(
    K key, V value, AvlNode<K, V> left, AvlNode<K, V> right, int height, int size) {

  static <K, V> AvlNode<K, V> of(K key, V value, AvlNode<K, V> left, AvlNode<K, V> right) {
    return new AvlNode<>(
        key,
        value,
        left,
        right,
        1 + Math.max(heightOf(left), heightOf(right)),
        1 + sizeOf(left) + sizeOf(right));
  }

  /** The node of {@code key}, or null. */
  static <K extends Comparable<? super K>, V> AvlNode<K, V> find(AvlNode<K, V> root, K key) {
    AvlNode<K, V> node = root;
    while (node != null) {
      int order = key.compareTo(node.key());
      if (order == 0) {
        return node;
      }
      node = order < 0 ? node.left() : node.right();
    }
    return null;
  }

  /** The leftmost ({@code first}) or rightmost node of a tree that is not empty. */
  static <K, V> AvlNode<K, V> edge(AvlNode<K, V> root, boolean first) {
    AvlNode<K, V> node = root;
    while ((first ? node.left() : node.right()) != null) {
      node = first ? node.left() : node.right();
    }
    return node;
  }

  static <K extends Comparable<? super K>, V> AvlNode<K, V> put(
      AvlNode<K, V> node, K key, V value) {
    if (node == null) {
      return of(key, value, null, null);
    }
    int order = key.compareTo(node.key());
    if (order == 0) {
      return new AvlNode<>(key, value, node.left(), node.right(), node.height(), node.size());
    }
    return order < 0
        ? balance(node.key(), node.value(), put(node.left(), key, value), node.right())
        : balance(node.key(), node.value(), node.left(), put(node.right(), key, value));
  }

  static <K extends Comparable<? super K>, V> AvlNode<K, V> remove(AvlNode<K, V> node, K key) {
    if (node == null) {
      return null;
    }
    int order = key.compareTo(node.key());
    if (order < 0) {
      return balance(node.key(), node.value(), remove(node.left(), key), node.right());
    }
    if (order > 0) {
      return balance(node.key(), node.value(), node.left(), remove(node.right(), key));
    }
    if (node.left() == null) {
      return node.right();
    }
    if (node.right() == null) {
      return node.left();
    }
    AvlNode<K, V> next = node.right();
    while (next.left() != null) {
      next = next.left();
    }
    return balance(next.key(), next.value(), node.left(), remove(node.right(), next.key()));
  }

  static <K, V> AvlNode<K, V> balance(K key, V value, AvlNode<K, V> left, AvlNode<K, V> right) {
    int skew = heightOf(left) - heightOf(right);
    if (skew > 1) {
      if (heightOf(left.left()) < heightOf(left.right())) {
        left = rotateLeft(left);
      }
      return rotateRight(of(key, value, left, right));
    }
    if (skew < -1) {
      if (heightOf(right.right()) < heightOf(right.left())) {
        right = rotateRight(right);
      }
      return rotateLeft(of(key, value, left, right));
    }
    return of(key, value, left, right);
  }

  static <K, V> AvlNode<K, V> rotateRight(AvlNode<K, V> n) {
    AvlNode<K, V> l = n.left();
    return of(l.key(), l.value(), l.left(), of(n.key(), n.value(), l.right(), n.right()));
  }

  static <K, V> AvlNode<K, V> rotateLeft(AvlNode<K, V> n) {
    AvlNode<K, V> r = n.right();
    return of(r.key(), r.value(), of(n.key(), n.value(), n.left(), r.left()), r.right());
  }

  static <K, V> AvlNode<K, V> balanced(
      List<Map.Entry<? extends K, ? extends V>> entries, int from, int to) {
    if (from >= to) {
      return null;
    }
    int middle = (from + to) >>> 1;
    Map.Entry<? extends K, ? extends V> entry = entries.get(middle);
    return of(
        entry.getKey(),
        entry.getValue(),
        balanced(entries, from, middle),
        balanced(entries, middle + 1, to));
  }

  static int heightOf(AvlNode<?, ?> node) {
    return node == null ? 0 : node.height();
  }

  static int sizeOf(AvlNode<?, ?> node) {
    return node == null ? 0 : node.size();
  }

  /** Walks the tree in key order; read only. */
  static final class InOrder<K, V> implements Iterator<Map.Entry<K, V>> {
    private final Deque<AvlNode<K, V>> path = new ArrayDeque<>();

    InOrder(AvlNode<K, V> root) {
      descend(root);
    }

    @Override
    public boolean hasNext() {
      return !path.isEmpty();
    }

    @Override
    public Map.Entry<K, V> next() {
      if (path.isEmpty()) {
        throw new NoSuchElementException();
      }
      AvlNode<K, V> node = path.pop();
      descend(node.right());
      return new AbstractMap.SimpleImmutableEntry<>(node.key(), node.value());
    }

    private void descend(AvlNode<K, V> node) {
      for (AvlNode<K, V> n = node; n != null; n = n.left()) {
        path.push(n);
      }
    }
  }
}
