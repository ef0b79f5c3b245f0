package dev.flowform.plan;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * How flowform writes plan JSON (saved plans and {@code --output json}): two-space indents, {@code
 * "key": value}, {@code \n} line ends on every platform, empty arrays as {@code []}.
 */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectWriter writer(ObjectMapper mapper) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }
}
