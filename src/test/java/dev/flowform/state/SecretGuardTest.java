package dev.flowform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowform.diag.FlowformException;
import dev.flowform.diag.Scrubber;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SecretGuardTest {
  private static final String SECRET = "hs-CLIENT-SECRET-0001";
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static SecretGuard guard() {
    Scrubber scrubber = new Scrubber();
    scrubber.add(SECRET);
    return new SecretGuard(scrubber, "state");
  }

  private static ResourceState mappingSet(String source) {
    SortedMap<String, String> attributes = new TreeMap<>();
    attributes.put("/mappings/0/source", source);
    return ResourceState.resource(
        "MappingSet",
        ResourceStatus.CREATED,
        "m1",
        "\"v0\"",
        null,
        attributes,
        new TreeMap<>(),
        new TreeMap<>(java.util.Map.of("version", "0")),
        AT,
        AT);
  }

  @Test
  void aRecordWithoutANameIsKeptAsItIs() {
    ResourceState record = mappingSet("Vid");

    assertSame(record, guard().checked("mapping.m", record));
  }

  @Test
  void aSecretInsideAnAttributeIsMaskedAndTheDependenciesAndOutputsAreKept() {
    SortedMap<String, String> dependsOn = new TreeMap<>(java.util.Map.of("source.s", "s1"));
    ResourceState record =
        mappingSet("concat(Vid, '" + SECRET + "')")
            .withUpdate(
                "\"v0\"",
                "Flow",
                mappingSet("concat(Vid, '" + SECRET + "')").attributes(),
                dependsOn,
                new TreeMap<>(java.util.Map.of("version", "0")),
                AT);

    ResourceState checked = guard().checked("dataflow.f", record);

    assertEquals(dependsOn, checked.dependsOn());
    assertEquals("0", checked.outputs().get("version"));
    assertEquals(false, checked.attributes().get("/mappings/0/source").contains(SECRET));
  }

  @Test
  void anAttributeThatIsASecretIsRefused() {
    assertThrows(FlowformException.class, () -> guard().checked("mapping.m", mappingSet(SECRET)));
  }
}
