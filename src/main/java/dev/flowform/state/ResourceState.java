package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowform.model.ConnectionSpecRef;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What state remembers of one connection. Holds no secret: sensitive params are kept only as salted
 * fingerprints ({@code sha256:<hex>}).
 *
 * @param id null while pending
 * @param etag exactly as the API returned it, quotes included; null while pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceState(
    String kind,
    ResourceStatus status,
    String id,
    String etag,
    String name,
    String description,
    ConnectionSpecRef connectionSpec,
    String authSpecName,
    SortedMap<String, String> params,
    SortedMap<String, String> secretFingerprints,
    Instant createdAt,
    Instant updatedAt) {

  public ResourceState {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? emptyMap() : params));
    secretFingerprints =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(secretFingerprints == null ? emptyMap() : secretFingerprints));
  }

  private static SortedMap<String, String> emptyMap() {
    return new TreeMap<>();
  }

  public boolean isPending() {
    return status == ResourceStatus.PENDING;
  }

  public ResourceState withCreated(String newId, String newEtag, Instant at) {
    return new ResourceState(
        kind,
        ResourceStatus.CREATED,
        newId,
        newEtag,
        name,
        description,
        connectionSpec,
        authSpecName,
        params,
        secretFingerprints,
        createdAt == null ? at : createdAt,
        at);
  }
}
