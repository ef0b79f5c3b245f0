package dev.flowform.bench;

import dev.flowform.diag.Scrubber;

/**
 * Benchmark, not a test (never run by Maven): how long indexing 40,000 secrets takes (adding them,
 * then the first scrub, which builds the index), and one scrub of a 1 MiB text afterwards. Prints
 * {@code <secrets> <ms to add and index> <ms per MiB scrubbed>}, median of five rounds. Goal: well
 * under a second to index.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/flowform.jar
 * dev.flowform.bench.ScrubberBench}
 */
public final class ScrubberBench {
  private static final int SECRETS = 40_000;

  private ScrubberBench() {}

  public static void main(String[] args) {
    String text = "ordinary output line, nothing secret in it at all; ".repeat(20_000);
    double[] index = new double[5];
    double[] scrub = new double[5];
    for (int round = 0; round < index.length + 2; round++) { // two warm-up rounds
      Scrubber scrubber = new Scrubber();
      long start = System.nanoTime();
      for (int i = 0; i < SECRETS; i++) {
        scrubber.add("pat-na1-" + Integer.toHexString(i * 0x9E3779B1) + "-" + (i * 7919L));
      }
      scrubber.scrub("x");
      long indexed = System.nanoTime();
      scrubber.scrub(text);
      long scrubbed = System.nanoTime();
      if (round >= 2) {
        index[round - 2] = (indexed - start) / 1e6;
        scrub[round - 2] = (scrubbed - indexed) / 1e6;
      }
    }
    java.util.Arrays.sort(index);
    java.util.Arrays.sort(scrub);
    System.out.printf("%d %.1f %.1f%n", SECRETS, index[2], scrub[2]);
  }
}
