package dev.flowform.run;

import dev.flowform.diag.FlowformException;
import dev.flowform.flowservice.FlowServiceConfig;
import java.util.Map;

/**
 * The page size flowform asks for when it lists a sandbox: {@code FLOWFORM_LIST_PAGE_SIZE}, else
 * {@link FlowServiceConfig#DEFAULT_LIST_PAGE_SIZE}. The platform's largest page is not documented;
 * the variable lets a user lower it for a platform that refuses large pages.
 */
final class ListPageSize {
  static final String VARIABLE = "FLOWFORM_LIST_PAGE_SIZE";

  private ListPageSize() {}

  static int from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return FlowServiceConfig.DEFAULT_LIST_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FlowformException(
        VARIABLE + " is '" + value + "', not a page size", "set it to a whole number, like 100");
  }
}
