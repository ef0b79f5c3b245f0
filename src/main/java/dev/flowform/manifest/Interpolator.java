package dev.flowform.manifest;

import dev.flowform.diag.Scrubber;
import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.References.Literal;
import dev.flowform.manifest.doc.References.Malformed;
import dev.flowform.manifest.doc.References.Part;
import dev.flowform.manifest.doc.References.Ref;
import dev.flowform.manifest.doc.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves {@code ${env:NAME}}, {@code ${file:PATH}} and {@code ${var:NAME}} inside one string, and
 * turns {@code $${} into {@code ${}. Values are never re-read for references, and never appear in a
 * failure's message. An empty environment variable counts as missing.
 *
 * @param env the process environment
 * @param variables the selected environment's {@code spec.variables}
 * @param variablesOwner how messages name where variables come from, e.g. {@code environment dev}
 * @param files where {@code ${file:}} may read
 * @param sources the env variables and files that sensitive fields refer to
 * @param secrets told every value read from one of those sources, wherever it is used
 */
public record Interpolator(
    Map<String, String> env,
    Map<String, String> variables,
    String variablesOwner,
    FileAccess files,
    SecretSources sources,
    Consumer<String> secrets) {

  public Interpolator {
    env = Map.copyOf(env);
    variables = Map.copyOf(variables);
  }

  /** An interpolator that reports no secret. */
  public Interpolator(
      Map<String, String> env, Map<String, String> variables, String owner, FileAccess files) {
    this(env, variables, owner, files, SecretSources.NONE, value -> {});
  }

  /**
   * Why one reference did not resolve; {@code malformed} when it does not even parse, {@code
   * refused} when flowform will not read what it names (a {@code ${file:}} outside the project, a
   * device): neither is ever tolerated, in any {@link Resolution}.
   */
  public record Failure(
      int offset, String message, String hint, boolean malformed, boolean refused) {
    public Failure(int offset, String message, String hint, boolean malformed) {
      this(offset, message, hint, malformed, false);
    }

    /** True when a lenient resolution may leave this reference unresolved (unset, missing). */
    public boolean tolerable() {
      return !malformed && !refused;
    }
  }

  /**
   * The resolved text, or the failures (then {@code value} is null); {@code secretSourced} when a
   * reference read the environment variable or file of a secret.
   */
  public record Result(String value, List<Failure> failures, boolean secretSourced) {
    public Result {
      failures = List.copyOf(failures);
    }

    public boolean ok() {
      return failures.isEmpty();
    }
  }

  /** Resolves every reference; {@code baseDir} is the folder of the file holding the text. */
  public Result interpolate(String text, Path baseDir) {
    return interpolate(text, baseDir, name -> true, null, null);
  }

  /**
   * Resolves every reference of the field at {@code pointer}; an {@code ${env:}} reference whose
   * name {@code gate} does not allow there is refused (never tolerated), unread.
   */
  Result interpolate(String text, Path baseDir, EnvGate gate, String pointer) {
    return interpolate(text, baseDir, name -> gate.allows(pointer, name), gate, pointer);
  }

  private Result interpolate(
      String text,
      Path baseDir,
      java.util.function.Predicate<String> readable,
      EnvGate gate,
      String pointer) {
    StringBuilder out = new StringBuilder();
    List<Failure> failures = new ArrayList<>();
    boolean secretSourced = false;
    for (Part part : References.parse(text)) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Malformed bad) {
        failures.add(new Failure(bad.offset(), bad.message(), bad.hint(), true));
      } else if (part instanceof Ref ref) {
        if (ref.scheme().equals("env") && !readable.test(ref.argument())) {
          failures.add(
              new Failure(
                  ref.offset(),
                  gate.message(ref.text(), ref.argument()),
                  gate.hint(ref.argument()),
                  false,
                  true));
          continue;
        }
        String read = read(ref, baseDir, failures);
        // asked once: for a file, whether it is a secret's takes a real path or two
        boolean secret = read != null && isSecretSource(ref, baseDir);
        String value = checked(ref, read, secret, failures, pointer);
        secretSourced |= value != null && secret;
        if (value != null) {
          out.append(value);
        }
      }
    }
    return new Result(failures.isEmpty() ? out.toString() : null, failures, secretSourced);
  }

  /** Syntax only: the references that do not parse, without resolving anything. */
  public static List<Failure> checkSyntax(String text) {
    List<Failure> failures = new ArrayList<>();
    for (Part part : References.parse(text)) {
      if (part instanceof Malformed bad) {
        failures.add(new Failure(bad.offset(), bad.message(), bad.hint(), true));
      }
    }
    return failures;
  }

  /** What the reference names, as read; null when there is nothing (a file says why). */
  private String read(Ref ref, Path baseDir, List<Failure> failures) {
    return switch (ref.scheme()) {
      case "env" -> env.get(ref.argument());
      case "var" -> variables.get(ref.argument());
      default -> FileReference.read(ref, baseDir, files, failures);
    };
  }

  /**
   * The value read, once checked (a secret told to {@code secrets}, and refused when too short);
   * null, with a failure, when it is missing or refused.
   *
   * @param secret true when it was read from the environment variable or file of a secret
   */
  private String checked(
      Ref ref, String value, boolean secret, List<Failure> failures, String pointer) {
    if (value != null && secret) {
      secrets.accept(value);
      if (!value.isEmpty() && value.length() < Scrubber.MIN_LENGTH) {
        failures.add(tooShort(ref, pointer));
        return null;
      }
    }
    if (ref.scheme().equals("env") && value != null && value.isEmpty()) {
      // CI systems give a secret that is not available (a pull request from a fork) as ""
      failures.add(
          new Failure(
              ref.offset(),
              ref.text() + ": environment variable " + ref.argument() + " is empty",
              "a secret missing in CI is often set to an empty value",
              false));
      return null;
    }
    if (value == null && !ref.scheme().equals("file")) {
      failures.add(unset(ref));
    }
    return value;
  }

  private boolean isSecretSource(Ref ref, Path baseDir) {
    return switch (ref.scheme()) {
      case "env" -> sources.isSecretEnv(ref.argument());
      case "file" -> sources.isSecretFile(baseDir, ref.argument());
      default -> false;
    };
  }

  /**
   * A secret of 1 to 3 characters: no real credential is that short, and the scrubber cannot keep
   * one out of the output without wrecking ordinary words. Names the field, never the value; never
   * tolerated.
   */
  private static Failure tooShort(Ref ref, String pointer) {
    return new Failure(
        ref.offset(),
        (pointer == null ? "" : SourceMap.dotted(pointer) + ": ")
            + ref.text()
            + " reads a secret shorter than "
            + Scrubber.MIN_LENGTH
            + " characters",
        "no real credential is that short, and flowform could not keep one so short out of its"
            + " output: check the value",
        false,
        true);
  }

  private Failure unset(Ref ref) {
    if (ref.scheme().equals("env")) {
      return new Failure(
          ref.offset(),
          ref.text() + ": environment variable " + ref.argument() + " is not set",
          null,
          false);
    }
    String hint =
        variables.isEmpty()
            ? "define it under spec.variables"
            : "defined: " + String.join(", ", new java.util.TreeSet<>(variables.keySet()));
    return new Failure(
        ref.offset(),
        ref.text() + ": variable " + ref.argument() + " is not defined in " + variablesOwner,
        hint,
        false);
  }
}
