package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor(new ObjectMapper());

  @Test
  void hidesSecretParamsOfAConnectionBody() {
    String body =
        "{\"name\":\"n\",\"auth\":{\"specName\":\"Basic Authentication\",\"params\":{"
            + "\"clientId\":\"c\",\"clientSecret\":\"s1\",\"accessToken\":\"a1\",\"refreshToken\":\"r1\"}}}";

    assertEquals(
        "{\"name\":\"n\",\"auth\":{\"specName\":\"Basic Authentication\",\"params\":{"
            + "\"clientId\":\"c\",\"clientSecret\":\"(sensitive)\",\"accessToken\":\"(sensitive)\","
            + "\"refreshToken\":\"(sensitive)\"}}}",
        redactor.body(body, "application/json"));
  }

  @Test
  void hidesTheValueOfAPatchOfOneSecretParam() {
    String body =
        "[{\"op\":\"replace\",\"path\":\"/auth/params/clientSecret\",\"value\":\"s1\"},"
            + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n\"}]";

    assertEquals(
        "[{\"op\":\"replace\",\"path\":\"/auth/params/clientSecret\",\"value\":\"(sensitive)\"},"
            + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n\"}]",
        redactor.body(body, "application/json"));
  }

  @Test
  void hidesTheClientSecretOfAnImsForm() {
    assertEquals(
        "grant_type=client_credentials&client_id=id&client_secret=(sensitive)&scope=openid",
        redactor.body(
            "grant_type=client_credentials&client_id=id&client_secret=s%2B1&scope=openid",
            "application/x-www-form-urlencoded"));
  }

  @Test
  void hidesTheAccessTokenOfAnImsAnswer() {
    assertEquals(
        "{\"access_token\":\"(sensitive)\",\"token_type\":\"bearer\",\"expires_in\":86399}",
        redactor.body(
            "{\"access_token\":\"eyJ.x.y\",\"token_type\":\"bearer\",\"expires_in\":86399}", null));
  }

  @Test
  void fallsBackToAPatternOnTextThatIsNotJson() {
    assertEquals(
        "oops clientSecret=(sensitive) and \"accessToken\": \"(sensitive)\"",
        redactor.body("oops clientSecret=s1 and \"accessToken\": \"a1\"", "text/plain"));
  }

  @Test
  void hidesSecretsInJsonCutOffByTheTraceLimitEvenWithSpacesAndEscapedQuotes() {
    String truncated =
        "{\"items\":[{\"auth\":{\"params\":{\"clientSecret\":\"s3cr et \\\"quoted\\\" tail\","
            + "\"accessToken\":\"tok en-cut-off-in-the-midd";
    String patch =
        "[{\"op\":\"replace\",\"path\":\"/auth/params/refreshToken\",\"value\":\"re fresh\"},"
            + "{\"op\":\"replace\",\"path\":\"/na";

    String shown = redactor.body(truncated, "application/json");
    String shownPatch = redactor.body(patch, "application/json");

    for (String part : new String[] {"s3cr", "quoted", "tail", "tok en", "midd"}) {
      assertFalse(shown.contains(part), part + " in " + shown);
    }
    assertFalse(shownPatch.contains("re fresh"), shownPatch);
    assertTrue(shown.contains("\"clientSecret\":\"(sensitive)\""), shown);
    assertTrue(shownPatch.contains("\"value\":\"(sensitive)\""), shownPatch);
  }

  @Test
  void hidesTheBearerTokenButKeepsOtherHeaders() {
    assertEquals("Bearer (sensitive)", Redactor.header("Authorization", "Bearer abc"));
    assertEquals("dev", Redactor.header("x-sandbox-name", "dev"));
  }
}
