package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.FlowformException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointRuleTest {

  private static FlowServiceConfig configFor(String url) {
    return FlowServiceConfig.of(URI.create(url), "org", "dev", "key", "flowform/test");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://platform.adobe.io/data/foundation/flowservice",
        "http://127.0.0.1:8080/data/foundation/flowservice",
        "http://127.45.0.9/x",
        "http://localhost:9000/x",
        "http://LOCALHOST/x",
        "http://[::1]:9000/x"
      })
  void acceptsHttpsAnywhereAndHttpOnLoopback(String url) {
    assertDoesNotThrow(() -> configFor(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://platform.adobe.io/data/foundation/flowservice",
        "http://10.0.0.1/x",
        "http://128.0.0.1/x",
        "http://127.0.0.1.example.com/x",
        "http://localhost.example.com/x",
        "ftp://127.0.0.1/x",
        "/data/foundation/flowservice"
      })
  void refusesAnythingElseBeforeAnyCall(String url) {
    FlowformException e = assertThrows(FlowformException.class, () -> configFor(url));
    assertTrue(e.hint() != null && !e.hint().isBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://ims.example.com/ims/token/v3", "ftp://localhost/ims"})
  void refusesAPlainHttpImsEndpoint(String url) {
    assertThrows(
        FlowformException.class,
        () -> new ImsCredentials(URI.create(url), "id", "secret", List.of("openid")));
  }
}
