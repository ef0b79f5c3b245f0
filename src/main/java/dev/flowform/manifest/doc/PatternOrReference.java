package dev.flowform.manifest.doc;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Like {@code @Pattern}, but a value that still holds a reference passes: it is checked once it is
 * resolved (a structure-only run never resolves it).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PatternOrReference.Check.class)
public @interface PatternOrReference {
  String regexp();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check itself. */
  final class Check implements ConstraintValidator<PatternOrReference, String> {
    private Pattern pattern;

    @Override
    public void initialize(PatternOrReference annotation) {
      pattern = Pattern.compile(annotation.regexp());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || References.hasAny(value) || pattern.matcher(value).matches();
    }
  }
}
