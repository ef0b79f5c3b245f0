package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnownSandboxesAndOrgsTest {
  private static FlowServiceEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        FlowServiceEmulator.start(
            EmulatorConfig.builder()
                .sandboxes(Set.of("prod", "dev"))
                .orgIds(Set.of(Api.ORG))
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void aKnownSandboxOfAKnownOrgIsServed() {
    Api dev = Api.signedIn(emulator, "client-a", "dev");
    String id = dev.create("in dev").json().get("id").asText();
    assertEquals(200, dev.get("/connections/" + id).status());
    assertEquals(200, Api.signedIn(emulator, "client-a", "prod").get("/connections").status());
  }

  @Test
  void anUnknownSandboxIs2100InTheFlowServicesErrorFormNeverAnEmptyList() {
    Api stage = Api.signedIn(emulator, "client-a", "stage");
    Api.Answer list = stage.get("/connections?property=name%3D%3Dx");
    assertEquals(404, list.status());
    assertEquals("https://ns.adobe.com/aep/errors/FLOW-2100-404", list.json().get("type").asText());
    assertTrue(list.json().get("report").get("detailed-message").asText().contains("'stage'"));
    assertEquals("2100-404", stage.get("/connections?count=true").errorCode());
    assertEquals("2100-404", stage.create("nowhere").errorCode());
    assertEquals("2100-404", stage.get("/connectionSpecs").errorCode());
    assertTrue(emulator.connections("stage").isEmpty());
  }

  @Test
  void anotherOrgIs2000UnauthorisedInTheFlowServicesErrorForm() {
    Api foreign =
        Api.signedIn(emulator, "client-a", "dev").header("x-gw-ims-org-id", "9999@AdobeOrg");
    Api.Answer list = foreign.get("/connections");
    assertEquals(401, list.status());
    assertEquals("https://ns.adobe.com/aep/errors/FLOW-2000-401", list.json().get("type").asText());
    assertEquals(401, list.json().get("status").asInt());
    assertEquals("2000-401", foreign.create("not mine").errorCode());
    assertTrue(emulator.connections("9999@AdobeOrg", "dev").isEmpty());
  }

  @Test
  void theOrgIsCheckedBeforeTheSandbox() {
    Api both =
        Api.signedIn(emulator, "client-a", "stage").header("x-gw-ims-org-id", "9999@AdobeOrg");
    assertEquals("2000-401", both.get("/connections").errorCode());
  }

  @Test
  void aConfigRefusesASandboxNameThatCannotExist() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EmulatorConfig.builder().sandboxes(Set.of("Prod")).build());
  }

  @Test
  void withoutKnownSandboxesOrOrgsAnyWellFormedOneIsServed() {
    try (FlowServiceEmulator open = FlowServiceEmulator.start(EmulatorConfig.defaults())) {
      Api api = Api.signedIn(open, "client-a", "stage").header("x-gw-ims-org-id", "9999@AdobeOrg");
      assertEquals(200, api.get("/connections").status());
    }
  }
}
