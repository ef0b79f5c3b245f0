package dev.flowform.flowservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ConnectionSpecsTest {

  @Test
  void plainHttpSetsUpNoTls() {
    assertEquals(
        List.of(ConnectionSpec.CLEARTEXT),
        FlowServiceClients.connectionSpecs(URI.create("http://127.0.0.1:8080/flowservice")));
  }

  @Test
  void httpsKeepsOkHttpsDefault() {
    assertEquals(
        new OkHttpClient().connectionSpecs(),
        FlowServiceClients.connectionSpecs(
            URI.create("https://platform.adobe.io/data/foundation/flowservice")));
  }
}
