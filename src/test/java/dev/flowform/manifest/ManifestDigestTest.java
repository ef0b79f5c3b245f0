package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowform.diag.SourcePosition;
import dev.flowform.model.ConnectionSpecRef;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestDigestTest {
  private static final SourcePosition AT = new SourcePosition("m.yaml", 1, 1);

  /** Text that JSON escapes, or that takes more than one byte or one char. */
  private static final String AWKWARD =
      "q\"b\\s/ t\tn\nr\rb\bf\fnul\u0000us\u001fdel\u007f é 日本 \u2028\u2029 😀 \uD83D\uDE00";

  private static DesiredConnection connection(String address, String description) {
    return new DesiredConnection(
        address,
        AT,
        "Name " + AWKWARD,
        description,
        ConnectionSpecRef.HUBSPOT,
        DesiredConnection.DEFAULT_AUTH_SPEC,
        new TreeMap<>(Map.of("clientId", "app-" + AWKWARD)),
        new TreeMap<>(
            Map.of(
                "clientSecret", Secret.resolved("${env:HS_SECRET}", "never-in-a-digest"),
                "accessToken", Secret.unresolved("${file:token " + AWKWARD + "}"))),
        Set.of(),
        List.of("old-" + address, AWKWARD));
  }

  private static DesiredResource resource(String address) {
    return new DesiredResource(
        "Dataflow",
        address,
        AT,
        "flow " + AWKWARD,
        new TreeMap<>(Map.of("/name", "flow", "/z", AWKWARD, "/a", "")),
        List.of(
            ResourceReference.to("/sourceId", "src", Set.of("SourceConnection"), AT, true)
                .resolvedTo("source.src"),
            ResourceReference.to("/targetId", "dst " + AWKWARD, Set.of("Target"), AT, false)),
        Set.of(),
        Set.of(),
        List.of("dataflow.before"));
  }

  @Test
  void isTheDigestOfWhatTheObjectMapperRendered() throws Exception {
    List<DesiredConnection> connections =
        List.of(connection("b", null), connection("a", AWKWARD), connection("c-" + AWKWARD, ""));
    List<DeclaredImport> imports =
        List.of(new DeclaredImport("z", "id-" + AWKWARD, AT), new DeclaredImport("a", "1", AT));
    List<DesiredResource> resources = List.of(resource("dataflow.b"), resource("dataflow.a"));

    assertEquals(
        rendered(connections, imports, resources),
        new ManifestDigest().of(connections, imports, resources));
    assertEquals(rendered(connections, List.of(), List.of()), new ManifestDigest().of(connections));
    assertEquals(rendered(List.of(), List.of(), List.of()), new ManifestDigest().of(List.of()));
  }

  @Test
  void followsTheConnectionsNotTheSecretValues() {
    String digest = new ManifestDigest().of(List.of(connection("a", "d")));
    assertNotEquals(digest, new ManifestDigest().of(List.of(connection("a", "e"))));
  }

  /** How the digest was made before it was streamed: kept to show that it did not change. */
  private static String rendered(
      Collection<DesiredConnection> connections,
      List<DeclaredImport> imports,
      Collection<DesiredResource> resources)
      throws Exception {
    List<Object> canonical = new ArrayList<>();
    connections.stream()
        .sorted(java.util.Comparator.comparing(DesiredConnection::address))
        .forEach(
            c -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("address", c.address());
              out.put("name", c.name());
              out.put("description", c.description());
              out.put(
                  "connectionSpec",
                  Map.of("id", c.connectionSpec().id(), "version", c.connectionSpec().version()));
              out.put("authSpecName", c.authSpecName());
              out.put("params", new TreeMap<>(c.params()));
              Map<String, String> secrets = new TreeMap<>();
              c.secrets().forEach((k, v) -> secrets.put(k, v.reference()));
              out.put("secrets", secrets);
              if (!c.movedFrom().isEmpty()) {
                out.put("movedFrom", c.movedFrom());
              }
              canonical.add(out);
            });
    resources.stream()
        .sorted(java.util.Comparator.comparing(DesiredResource::address))
        .forEach(
            r -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("address", r.address());
              out.put("kind", r.kind());
              out.put("attributes", new TreeMap<>(r.attributes()));
              Map<String, String> references = new TreeMap<>();
              r.references().forEach(ref -> references.put(ref.field(), ref.name()));
              out.put("references", references);
              if (!r.movedFrom().isEmpty()) {
                out.put("movedFrom", r.movedFrom());
              }
              canonical.add(out);
            });
    if (!imports.isEmpty()) {
      Map<String, String> declared = new TreeMap<>();
      imports.forEach(i -> declared.put(i.address(), i.id()));
      canonical.add(Map.of("imports", declared));
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    return "sha256:"
        + HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(canonical)));
  }
}
