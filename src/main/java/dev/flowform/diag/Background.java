package dev.flowform.diag;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own while the caller goes on: a value others wait for, and
 * then, on the same thread, what makes later uses of that value quicker (its caches warmed).
 */
public final class Background {
  private Background() {}

  /**
   * Starts {@code build} on a daemon thread named {@code name}. Its value completes the answer as
   * soon as it is made; {@code then} runs with it afterwards on that thread. A failure of {@code
   * build} fails the answer, and {@code then} does not run.
   */
  public static <T> CompletableFuture<T> start(String name, Supplier<T> build, Consumer<T> then) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              T value;
              try {
                value = build.get();
              } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
                return;
              }
              answer.complete(value);
              then.accept(value);
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return answer;
  }

  /**
   * Once both {@code value} and {@code items} are there, and only when there are items, runs {@code
   * warm} with each on a daemon thread named {@code name}: a second warming, of what the caller
   * learns it needs later. Nothing runs, and no thread waits, while either is missing.
   */
  public static <T, I> void later(
      String name,
      CompletionStage<T> value,
      CompletionStage<? extends Collection<I>> items,
      BiConsumer<T, I> warm) {
    value.thenAcceptBoth(
        items,
        (ready, more) -> {
          if (!more.isEmpty()) {
            start(name, () -> ready, r -> more.forEach(item -> warm.accept(r, item)));
          }
        });
  }
}
