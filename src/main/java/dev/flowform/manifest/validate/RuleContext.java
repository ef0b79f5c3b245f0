package dev.flowform.manifest.validate;

import dev.flowform.diag.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the rules need to know about the run: the selected environment (if any) and which
 * environments exist and run the embedded emulator.
 *
 * @param embedded every known environment's name, true when its endpoint is {@code embedded}
 * @param env the process environment, whose libpq variables complete a state URL
 */
public record RuleContext(
    Optional<String> selected, Map<String, Boolean> embedded, Map<String, String> env) {

  public RuleContext {
    embedded = new TreeMap<>(embedded);
    env = Map.copyOf(env);
  }

  public Set<String> environments() {
    return embedded.keySet();
  }

  /**
   * How bad a literal secret is in a document that applies to {@code targets} (null: all
   * environments): a warning where only the embedded emulator sees it, else an error; nothing when
   * the run is about another environment and the literal is harmless there.
   */
  public Optional<Severity> literalSecret(List<String> targets) {
    List<String> applies =
        targets == null
            ? List.copyOf(environments())
            : targets.stream().filter(embedded::containsKey).toList();
    if (selected.isPresent() && applies.contains(selected.get())) {
      return Optional.of(embedded.get(selected.get()) ? Severity.WARNING : Severity.ERROR);
    }
    boolean onlyEmbedded = !applies.isEmpty() && applies.stream().allMatch(embedded::get);
    if (!onlyEmbedded) {
      return Optional.of(Severity.ERROR);
    }
    return selected.isPresent() ? Optional.empty() : Optional.of(Severity.WARNING);
  }
}
