package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoFaultTest {
  private final List<FlowServiceEmulator> started = new ArrayList<>();

  private FlowServiceEmulator start(Faults faults) {
    FlowServiceEmulator emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().faults(faults).build());
    started.add(emulator);
    return emulator;
  }

  @AfterEach
  void stop() {
    started.forEach(FlowServiceEmulator::close);
  }

  private static String token(Api api) {
    return api.get("/connectionSpecs").raw().request().headers().firstValue("Authorization").get();
  }

  @Test
  void aScriptedEchoRepeatsBodyQueryAndHeadersVerbatimInAdobesErrorFormAndNothingLands() {
    FlowServiceEmulator emulator = start(Faults.none());
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.ECHO_REQUEST, 1);
    Api.Answer answer = api.post("/connections?trace=q-s3cret", Bodies.connection("echoed"));
    assertEquals(400, answer.status());
    assertEquals("1100-400", answer.errorCode());
    String message = answer.json().get("report").get("detailed-message").asText();
    assertEquals(message, answer.json().get("errorMessage").asText());
    assertTrue(message.contains("POST /data/foundation/flowservice/connections"), message);
    assertTrue(message.contains("\"clientSecret\": \"s3cret-value\""), message);
    assertTrue(message.contains("query: trace=q-s3cret"), message);
    assertTrue(message.contains("Authorization: " + token(api)), message);
    assertTrue(message.contains(": client-a"), message);
    assertTrue(emulator.connections("dev").isEmpty());
    assertEquals(201, api.create("next one lands").status());
  }

  @Test
  void theQueryIsEchoedAsSentStillEncoded() {
    FlowServiceEmulator emulator = start(Faults.none().echoing(EchoPart.QUERY));
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.LIST, FaultKind.ECHO_REQUEST, 1);
    String message =
        api.get("/connections?property=name%3D%3Dtop%20secret").json().get("errorMessage").asText();
    assertTrue(message.contains("query: property=name%3D%3Dtop%20secret"), message);
    assertFalse(message.contains("headers:"), message);
    assertFalse(message.contains(token(api)), message);
  }

  @Test
  void onlyTheChosenPartsAreEchoed() {
    FlowServiceEmulator emulator = start(Faults.none().echoing(EchoPart.BODY));
    Api api = Api.signedIn(emulator, "client-a", "dev");
    emulator.injectFaults(Operation.CREATE, FaultKind.ECHO_REQUEST, 1);
    String message = api.create("body only").json().get("errorMessage").asText();
    assertTrue(message.contains("s3cret-value"), message);
    assertFalse(message.contains(token(api)), message);
    assertFalse(message.contains("query:"), message);
  }

  @Test
  void anEchoRateOnOneOperationLeavesTheOthersAlone() {
    FlowServiceEmulator emulator =
        start(Faults.none().with(FaultKind.ECHO_REQUEST, 1).onlyFor(Operation.UPDATE));
    Api api = Api.signedIn(emulator, "client-a", "dev");
    Api.Answer created = api.create("kept");
    assertEquals(201, created.status());
    String id = created.json().get("id").asText();
    Api.Answer patched =
        api.header("If-Match", created.json().get("etag").asText())
            .patch(
                "/connections/" + id,
                "[{\"op\":\"replace\",\"path\":\"/auth/params/accessToken\",\"value\":\"new-tok\"}]");
    assertEquals(400, patched.status());
    assertTrue(patched.json().get("errorMessage").asText().contains("new-tok"));
    assertEquals("access-value", emulator.connections("dev").get(0).params().get("accessToken"));
    assertEquals(200, api.get("/connections/" + id).status());
  }
}
