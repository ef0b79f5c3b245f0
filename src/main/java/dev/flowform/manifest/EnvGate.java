package dev.flowform.manifest;

import dev.flowform.manifest.doc.SourceMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which environment variables {@code ${env:NAME}} may read in a field flowform prints (a plan, a
 * pull-request comment): a manifest of a pull request is not trusted, and only values flowform
 * knows are secrets are masked. As Terraform reads only {@code TF_VAR_} variables, a printed field
 * reads only names starting with {@link #PREFIX}, those the selected environment lists in {@code
 * spec.allowedEnv}, and those a secret field reads (their values are masked). Secret fields
 * (credentials, the state URL) keep reading any name.
 *
 * @param printed the pointers of the fields whose values are printed
 * @param listed the names the selected environment allows ({@code spec.allowedEnv})
 * @param sources the env variables secret fields read
 * @param environment the selected environment's name, for messages
 * @param secretFields the pointers of the document's secret fields (a connection's secret params,
 *     as its connector's spec marks them), which hints name as the place for a secret
 */
record EnvGate(
    Predicate<String> printed,
    Set<String> listed,
    SecretSources sources,
    String environment,
    Set<String> secretFields) {
  static final String PREFIX = "FLOWFORM_VAR_";

  /** No restriction: every field reads any name. */
  static final EnvGate OPEN = new EnvGate(p -> false, Set.of(), SecretSources.NONE, "", Set.of());

  EnvGate {
    listed = Set.copyOf(listed);
    secretFields = Set.copyOf(secretFields);
  }

  /** True when the field at {@code pointer} may read environment variable {@code name}. */
  boolean allows(String pointer, String name) {
    return !printed.test(pointer)
        || name.startsWith(PREFIX)
        || listed.contains(name)
        || sources.isSecretEnv(name);
  }

  String message(String reference, String name) {
    return reference
        + ": environment variable "
        + name
        + " may not be read here: this field is printed (plans, pull-request comments), so"
        + " ${env:} reads only "
        + PREFIX
        + "* names or those the environment lists in spec.allowedEnv";
  }

  String hint(String name) {
    return "set "
        + PREFIX
        + name
        + " instead, or add "
        + name
        + " to spec.allowedEnv of environment "
        + environment
        + "; "
        + secretsHint();
  }

  /**
   * Where a secret belongs in this document: its own secret fields, by name, or, when it has none,
   * a connection's.
   */
  String secretsHint() {
    List<String> fields = secretFields.stream().sorted().map(SourceMap::dotted).toList();
    if (fields.isEmpty()) {
      return "this document has no secret field (its values are printed): secrets belong in a"
          + " connection's secret params, which flowform specs show CONNECTOR marks";
    }
    String named =
        fields.size() == 1
            ? fields.get(0)
            : String.join(", ", fields.subList(0, fields.size() - 1))
                + " or "
                + fields.get(fields.size() - 1);
    return "secrets belong in "
        + named
        + (fields.size() == 1 ? ", its secret field" : ", its secret fields");
  }
}
