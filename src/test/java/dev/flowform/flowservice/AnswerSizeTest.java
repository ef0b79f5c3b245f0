package dev.flowform.flowservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 21, item 10: no answer is read past a cap, endless or announced as huge. */
class AnswerSizeTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FlowServiceApi api = TestClients.api(server.baseUrl(), new RecordingSleeper());

  @Test
  void aReadWhoseAnswerIsLargerThanTheCapFailsNamingTheHost() {
    String huge = "x".repeat((int) BoundedBody.MAX_BYTES + 1);
    server.stubFor(
        get(urlPathEqualTo(TestClients.PATH + "/connections/c1"))
            .willReturn(aResponse().withStatus(200).withBody(huge)));

    FlowServiceException e = assertThrows(FlowServiceException.class, () -> api.get("c1"));

    assertTrue(e.getMessage().contains("answer too large from localhost"), e.getMessage());
  }

  @Test
  void aCreateWhoseAnswerIsTooLargeHasAnUnknownOutcome() {
    String huge = "{\"id\":\"" + "x".repeat((int) BoundedBody.MAX_BYTES) + "\"}";
    server.stubFor(
        post(urlPathEqualTo(TestClients.PATH + "/connections"))
            .willReturn(aResponse().withStatus(201).withBody(huge)));

    assertThrows(
        UnknownOutcomeException.class, () -> api.create(TestClients.hubspot("HubSpot eu")));
  }

  @Test
  void anEndlessBodyIsCutAtTheCapAndAnAnnouncedHugeOneIsNotReadAtAll() throws IOException {
    Request request = new Request.Builder().url("https://platform.example/x").build();
    Source endless =
        new Source() {
          @Override
          public long read(Buffer sink, long byteCount) {
            sink.writeUtf8("y".repeat((int) Math.min(byteCount, 4096)));
            return Math.min(byteCount, 4096);
          }

          @Override
          public Timeout timeout() {
            return Timeout.NONE;
          }

          @Override
          public void close() {}
        };
    ResponseBody stream = ResponseBody.create(Okio.buffer(endless), null, -1);
    FlowServiceException cut =
        assertThrows(
            FlowServiceException.class, () -> BoundedBody.read(stream, request, true, 100_000));
    assertTrue(cut.getMessage().contains("answer too large from platform.example"));

    ResponseBody announced =
        ResponseBody.create(
            Okio.buffer(endless), MediaType.get("application/json"), 10L * 1024 * 1024 * 1024);
    FlowServiceException refused =
        assertThrows(FlowServiceException.class, () -> BoundedBody.read(announced, request, true));
    assertTrue(refused.detail().contains("announced 10737418240 bytes"), refused.detail());

    ResponseBody small = ResponseBody.create("{}", MediaType.get("application/json"));
    assertEquals("{}", BoundedBody.read(small, request, true));
  }
}
