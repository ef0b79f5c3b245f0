package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource's item in a list, with its creation sequence: filters and {@code orderby} read the
 * item's fields by dotted path ({@code connectionSpec.id}); times sort as numbers.
 */
record ListedItem(long sequence, ObjectNode item) {
  static final ListQuery.View<ListedItem> VIEW =
      new ListQuery.View<>() {
        @Override
        public String value(ListedItem listed, String field) {
          JsonNode node = listed.item();
          for (String part : field.split("\\.")) {
            node = node.path(part);
          }
          if (node.isIntegralNumber()) {
            return String.format("%020d", node.longValue());
          }
          return node.isValueNode() ? node.asText() : null;
        }

        @Override
        public long sequence(ListedItem listed) {
          return listed.sequence();
        }
      };
}
