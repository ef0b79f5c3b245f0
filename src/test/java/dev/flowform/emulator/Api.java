package dev.flowform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client of the emulator for tests: real requests, headers under test control. */
final class Api {
  static final String ORG = "5C13ABCD@AdobeOrg";
  static final String HUBSPOT = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, headers and the body as JSON (null when empty). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String errorCode() {
      if (json.has("error_code")) {
        return json.get("error_code").asText();
      }
      String type = json.path("type").asText();
      return type.substring(type.lastIndexOf("FLOW-") + "FLOW-".length());
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final FlowServiceEmulator emulator;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final URI base;

  Api(FlowServiceEmulator emulator) {
    this(emulator, emulator.flowServiceUrl());
  }

  private Api(FlowServiceEmulator emulator, URI base) {
    this.emulator = emulator;
    this.base = base;
  }

  /** The same client (headers copied) of Data Prep, {@code /data/foundation/conversion}. */
  Api dataPrep() {
    Api prep = new Api(emulator, emulator.dataPrepUrl());
    prep.headers.putAll(headers);
    return prep;
  }

  /** A client of sandbox {@code sandbox} with a token IMS issued to client {@code client}. */
  static Api signedIn(FlowServiceEmulator emulator, String client, String sandbox) {
    Api api = new Api(emulator);
    String token = api.token(client, "any-secret").json().get("access_token").asText();
    return api.header("Authorization", "Bearer " + token)
        .header("x-api-key", client)
        .header("x-gw-ims-org-id", ORG)
        .header("x-sandbox-name", sandbox);
  }

  Api header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Api without(String name) {
    headers.remove(name);
    return this;
  }

  Answer token(String clientId, String clientSecret) {
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + "&scope=openid,AdobeID";
    return send(
        HttpRequest.newBuilder(emulator.imsUrl())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST whose Content-Type is {@code contentType}, or none when it is null. */
  Answer post(String path, String body, String contentType) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(builder::header);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer patch(String path, String body) {
    return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  /** Creates a HubSpot connection and returns the answer (201 expected). */
  Answer create(String name) {
    return post("/connections", Bodies.connection(name));
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(builder::header);
    return builder.header("Content-Type", "application/json");
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
