package dev.flowform.manifest.validate;

import dev.flowform.diag.Background;
import dev.flowform.diag.Diagnostic;
import dev.flowform.manifest.doc.SourceMap;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Jakarta constraints on the document records, as diagnostics at the nodes they concern. The
 * validator is built once, in the background from {@link #prepare()} (while the files are read),
 * without Expression Language (faster to start) and without Hibernate Validator's version line on
 * the console. Thread-safe.
 */
public final class BeanChecks {
  private volatile CompletableFuture<Validator> validator;

  /**
   * Every constraint the record breaks, each at its field's position (or its parent's), except at
   * the pointers {@code skip} accepts (fields already reported as being of the wrong type).
   */
  public List<Diagnostic> check(Object document, SourceMap sources, Predicate<String> skip) {
    List<Diagnostic> out = new ArrayList<>();
    for (ConstraintViolation<?> violation : validator().validate(document)) {
      String pointer = pointer(violation);
      if (!skip.test(pointer)) {
        out.add(
            Diagnostic.error(
                sources.position(pointer),
                SourceMap.dotted(pointer) + " " + violation.getMessage()));
      }
    }
    return out;
  }

  private static String pointer(ConstraintViolation<?> violation) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getIndex() != null) {
        pointer.append('/').append(node.getIndex());
      } else if (node.getKey() != null) {
        pointer.append('/').append(SourceMap.segment(String.valueOf(node.getKey())));
      }
      if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
        pointer.append('/').append(SourceMap.segment(node.getName()));
      }
    }
    return pointer.toString();
  }

  /** Starts building the validator in the background, so it is ready when the first check comes. */
  public void prepare() {
    prepare(List.of(), CompletableFuture.completedStage(List.of()));
  }

  /**
   * Starts building the validator in the background, and then the constraints of {@code types} (the
   * document records and the records they hold): what the first check of each would otherwise build
   * on the thread that checks. The constraints of {@code later} (types the caller learns it needs
   * once it has read its input) are built on a thread of their own once both are there.
   */
  public synchronized void prepare(
      Collection<Class<?>> types, CompletionStage<? extends Collection<Class<?>>> later) {
    if (validator == null) {
      List<Class<?>> warm = List.copyOf(types);
      // checks may start meanwhile: a type both want is built once (the validator's cache makes
      // the later one wait for it)
      validator =
          Background.start(
              "flowform-validator-bootstrap",
              BeanChecks::build,
              ready -> warm.forEach(ready::getConstraintsForClass));
      Background.later(
          "flowform-validator-warm",
          validator,
          later,
          (ready, type) -> ready.getConstraintsForClass(type)); // linked where it runs
    }
  }

  private Validator validator() {
    CompletableFuture<Validator> started = validator;
    if (started == null) {
      prepare(); // each check took this lock before: the threads that check contended for it
      started = validator;
    }
    return started.join();
  }

  private static Validator build() {
    Logger quiet = Logger.getLogger("org.hibernate.validator");
    Level before = quiet.getLevel();
    quiet.setLevel(Level.WARNING);
    try {
      ValidatorFactory factory =
          Validation.byProvider(HibernateValidator.class)
              .configure()
              .ignoreXmlConfiguration()
              .messageInterpolator(new ParameterMessageInterpolator())
              .buildValidatorFactory();
      return factory.getValidator();
    } finally {
      quiet.setLevel(before);
    }
  }
}
