package dev.flowform.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sha256:<hex>} over a canonical JSON rendering of an environment's desired connections,
 * sorted by address, with each secret replaced by its reference: never a secret value.
 *
 * <p>The rendering is the one an {@code ObjectMapper} with {@code ORDER_MAP_ENTRIES_BY_KEYS} gives
 * (so digests of saved plans still match), written by Jackson's streaming generator straight into
 * the digest: no serializers to build for one document, and no copy of it in memory.
 */
final class ManifestDigest {
  private final JsonFactory json = new JsonFactory();

  String of(Collection<DesiredConnection> connections) {
    return of(connections, List.of());
  }

  /** The digest of the connections and the environment's declared imports (when it has any). */
  String of(Collection<DesiredConnection> connections, List<DeclaredImport> imports) {
    return of(connections, imports, List.of());
  }

  /** The digest of the connections, the declared imports and the pipeline resources. */
  String of(
      Collection<DesiredConnection> connections,
      List<DeclaredImport> imports,
      Collection<DesiredResource> resources) {
    List<Object> canonical = new ArrayList<>();
    connections.stream()
        .sorted(java.util.Comparator.comparing(DesiredConnection::address))
        .forEach(c -> canonical.add(render(c)));
    resources.stream()
        .sorted(java.util.Comparator.comparing(DesiredResource::address))
        .forEach(r -> canonical.add(render(r)));
    if (!imports.isEmpty()) {
      Map<String, String> declared = new TreeMap<>();
      imports.forEach(i -> declared.put(i.address(), i.id()));
      canonical.add(Map.of("imports", declared));
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (JsonGenerator out =
          json.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
        write(out, canonical);
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot digest the manifests", e);
    }
  }

  /** Maps (their entries by key), lists, text and nulls: all that the renderings hold. */
  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        out.writeFieldName((String) entry.getKey());
        write(out, entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(out, item);
      }
      out.writeEndArray();
    } else if (value == null) {
      out.writeNull();
    } else {
      out.writeString((String) value);
    }
  }

  private static Map<String, Object> render(DesiredResource r) {
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
    return out;
  }

  private static Map<String, Object> render(DesiredConnection c) {
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
    return out;
  }
}
