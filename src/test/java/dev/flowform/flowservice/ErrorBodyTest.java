package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBodyTest {
  private final ObjectMapper json = new ObjectMapper();

  private FlowServiceException parse(int status, String body, String... headers) {
    return ErrorBody.parse(new HttpResult(status, Headers.of(headers), body), json)
        .toException(status);
  }

  @Test
  void readsTheFlowServiceForm() {
    FlowServiceException e =
        parse(
            404,
            """
            {"type":"https://ns.adobe.com/aep/errors/FLOW-1101-404","title":"Resource not found",
             "status":404,"report":{"detailed-message":"Connection c1 not found","request-id":"r-1"},
             "errorMessage":"Connection c1 not found","errorDetails":"..."}
            """);

    assertEquals(404, e.status());
    assertEquals("1101-404", e.code());
    assertEquals("Resource not found", e.title());
    assertEquals("Connection c1 not found", e.detail());
    assertEquals("r-1", e.requestId());
    assertEquals(
        "HTTP 404 1101-404: Resource not found: Connection c1 not found (request id r-1)",
        e.getMessage());
  }

  @Test
  void readsTheGatewayFormWithTheRequestIdFromTheHeader() {
    FlowServiceException e =
        parse(
            403,
            "{\"error_code\":\"403010\",\"message\":\"Oauth token is missing.\"}",
            "x-request-id",
            "gw-9");

    assertEquals("403010", e.code());
    assertEquals("Oauth token is missing.", e.title());
    assertEquals("gw-9", e.requestId());
    assertTrue(e.hint().contains("credentials"), e.hint());
  }

  @Test
  void readsTheImsForm() {
    FlowServiceException e =
        parse(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"invalid client_secret parameter\"}");

    assertEquals("invalid_client", e.code());
    assertEquals("invalid client_secret parameter", e.title());
    assertTrue(e.hint().contains("clientSecret"), e.hint());
  }

  @Test
  void keepsANonJsonBodyAsTheDetail() {
    FlowServiceException e = parse(502, "<html><body>Bad   Gateway</body></html>\n");

    assertNull(e.code());
    assertNull(e.title());
    assertEquals("<html><body>Bad Gateway</body></html>", e.detail());
    assertEquals("HTTP 502: <html><body>Bad Gateway</body></html>", e.getMessage());
    assertNotNull(e.hint());
  }

  @Test
  void anEmptyBodyLeavesOnlyTheStatus() {
    FlowServiceException e = parse(400, "");
    assertEquals("HTTP 400", e.getMessage());
    assertNull(e.hint());
  }

  @Test
  void anUnknownJsonShapeKeepsWhatItCanRead() {
    FlowServiceException e = parse(418, "{\"message\":\"teapot\",\"other\":{\"x\":1}}");
    assertNull(e.code());
    assertEquals("teapot", e.title());
  }

  @ParameterizedTest
  @CsvSource({
    "400, FLOW-2105-400, x-sandbox-name",
    "404, FLOW-2100-404, spec.sandbox",
    "401, FLOW-2001-401, spec.orgId",
    "401, FLOW-2002-401, spec.orgId",
    "400, FLOW-1413-400, cc6a4487-9e91-433e-a3a3-9cf6626c1806",
    "400, FLOW-1415-400, specName",
    "412, FLOW-1404-412, run flowform refresh",
    "400, FLOW-1403-400, If-Match",
    "400, FLOW-1418-400, dataflows",
    "403, FLOW-2118-403, permission",
    "403, FLOW-2120-403, permission",
    "403, FLOW-2121-403, permission"
  })
  void hintsAtTheCommonFlowServiceErrors(int status, String type, String hintPart) {
    FlowServiceException e =
        parse(
            status, "{\"type\":\"https://ns.adobe.com/aep/errors/" + type + "\",\"title\":\"t\"}");

    assertEquals(type.substring("FLOW-".length()), e.code());
    assertTrue(e.hint() != null && e.hint().contains(hintPart), e.hint());
  }

  @ParameterizedTest
  @CsvSource({
    "403, 403010, access token",
    "401, 401013, invalid or expired",
    "403, 403000, missing",
    "403, 403003, not valid",
    "400, 400003, spec.orgId"
  })
  void hintsAtTheCommonGatewayErrors(int status, String code, String hintPart) {
    FlowServiceException e = parse(status, "{\"error_code\":\"" + code + "\",\"message\":\"m\"}");

    assertEquals(code, e.code());
    assertTrue(e.hint() != null && e.hint().contains(hintPart), e.hint());
  }

  @Test
  void anUnknownOutcomeKeepsEverythingTheBodySaid() {
    UnknownOutcomeException e =
        ErrorBody.parse(
                new HttpResult(
                    503,
                    Headers.of(),
                    "{\"type\":\"x/FLOW-1103-503\",\"title\":\"Unavailable\",\"report\":{\"request-id\":\"r\"}}"),
                json)
            .toUnknownOutcome(503);
    assertEquals("1103-503", e.code());
    assertEquals("r", e.requestId());
    assertTrue(e.hint().contains("looks the name up"));
  }
}
