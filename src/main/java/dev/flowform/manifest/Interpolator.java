package dev.flowform.manifest;

import dev.flowform.manifest.doc.References;
import dev.flowform.manifest.doc.References.Literal;
import dev.flowform.manifest.doc.References.Malformed;
import dev.flowform.manifest.doc.References.Part;
import dev.flowform.manifest.doc.References.Ref;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code ${env:NAME}}, {@code ${file:PATH}} and {@code ${var:NAME}} inside one string, and
 * turns {@code $${} into {@code ${}. Values are never re-read for references, and never appear in a
 * failure's message. An empty environment variable counts as missing.
 *
 * @param env the process environment
 * @param variables the selected environment's {@code spec.variables}
 * @param variablesOwner how messages name where variables come from, e.g. {@code environment dev}
 */
public record Interpolator(
    Map<String, String> env, Map<String, String> variables, String variablesOwner) {

  public Interpolator {
    env = Map.copyOf(env);
    variables = Map.copyOf(variables);
  }

  /** Why one reference did not resolve; {@code malformed} when it does not even parse. */
  public record Failure(int offset, String message, String hint, boolean malformed) {}

  /** The resolved text, or the failures (then {@code value} is null). */
  public record Result(String value, List<Failure> failures) {
    public Result {
      failures = List.copyOf(failures);
    }

    public boolean ok() {
      return failures.isEmpty();
    }
  }

  /** Resolves every reference; {@code baseDir} is the folder of the file holding the text. */
  public Result interpolate(String text, Path baseDir) {
    StringBuilder out = new StringBuilder();
    List<Failure> failures = new ArrayList<>();
    for (Part part : References.parse(text)) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Malformed bad) {
        failures.add(new Failure(bad.offset(), bad.message(), bad.hint(), true));
      } else if (part instanceof Ref ref) {
        String value = resolve(ref, baseDir, failures);
        if (value != null) {
          out.append(value);
        }
      }
    }
    return new Result(failures.isEmpty() ? out.toString() : null, failures);
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

  private String resolve(Ref ref, Path baseDir, List<Failure> failures) {
    String value =
        switch (ref.scheme()) {
          case "env" -> env.get(ref.argument());
          case "var" -> variables.get(ref.argument());
          default -> readFile(ref, baseDir, failures);
        };
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

  private static String readFile(Ref ref, Path baseDir, List<Failure> failures) {
    Path path = baseDir.resolve(ref.argument());
    if (Files.isDirectory(path)) {
      failures.add(fileFailure(ref, "it is a folder"));
      return null;
    }
    try {
      String content = Files.readString(path);
      if (content.endsWith("\r\n")) {
        return content.substring(0, content.length() - 2);
      }
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (NoSuchFileException e) {
      failures.add(
          new Failure(
              ref.offset(),
              ref.text() + ": cannot read file (no such file)",
              "the path is relative to the file holding the reference",
              false));
    } catch (AccessDeniedException e) {
      failures.add(fileFailure(ref, "permission denied"));
    } catch (CharacterCodingException e) {
      failures.add(fileFailure(ref, "not UTF-8 text"));
    } catch (IOException e) {
      failures.add(fileFailure(ref, e.getClass().getSimpleName()));
    }
    return null;
  }

  private static Failure fileFailure(Ref ref, String reason) {
    return new Failure(
        ref.offset(), ref.text() + ": cannot read file (" + reason + ")", null, false);
  }
}
