package dev.flowform.state;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a resource stands: sent but not yet confirmed, or confirmed with an id and etag. */
public enum ResourceStatus {
  /** Recorded before the POST (write-ahead); the create may or may not have landed. */
  @JsonProperty("pending")
  PENDING,
  /** The platform confirmed it: id and etag are known. */
  @JsonProperty("created")
  CREATED
}
