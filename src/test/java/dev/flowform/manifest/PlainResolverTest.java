package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

class PlainResolverTest {
  private final Resolver snakeyaml = new Resolver();
  private final Resolver plain = new PlainResolver();

  private void sameAsSnakeYaml(String value) {
    for (boolean implicit : new boolean[] {true, false}) {
      for (NodeId kind : NodeId.values()) {
        assertEquals(
            snakeyaml.resolve(kind, value, implicit),
            plain.resolve(kind, value, implicit),
            () -> kind + " '" + value + "' implicit=" + implicit);
      }
    }
  }

  @Test
  void resolvesEveryScalarAsSnakeYamlDoesWhateverItsFirstCharacter() {
    List<String> tails =
        List.of("", "a", "0", "ull", "rue", "1:00", "x_y z", "-12-14", "123456789");
    for (char first = 0; first < 0x3000; first++) {
      for (String tail : tails) {
        sameAsSnakeYaml(first + tail);
      }
    }
  }

  @Test
  void resolvesTheImplicitTypesAsSnakeYamlDoes() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "~",
                "null",
                "Null",
                "NULL",
                "nulls",
                "true",
                "True",
                "yes",
                "No",
                "on",
                "OFF",
                "y",
                "1",
                "-1",
                "+1",
                "0x1F",
                "0o17",
                "0b101",
                "1_000",
                "1.5",
                ".5",
                "-.inf",
                ".NaN",
                "1e3",
                "6.8523015e+5",
                "190:20:30",
                "2001-12-14",
                "2001-12-14t21:59:43.10-05:00",
                "<<",
                "=",
                "!",
                "&a",
                "*a",
                "flowform/v1",
                "HubSpotConnection",
                "${env:X}",
                "apiVersion",
                "a very long value that is longer than fifty characters at least"));
    for (String value : values) {
      sameAsSnakeYaml(value);
    }
  }

  @Test
  void takesPlainTextForText() {
    assertEquals(Tag.STR, plain.resolve(NodeId.scalar, "apiVersion", true));
    assertEquals(Tag.BOOL, plain.resolve(NodeId.scalar, "false", true));
    assertEquals(Tag.NULL, plain.resolve(NodeId.scalar, "", true));
  }
}
