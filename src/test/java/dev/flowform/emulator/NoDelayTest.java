package dev.flowform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class NoDelayTest {

  @Test
  void turnsNagleOffBeforeServingSoBodiesAreNotHeldBackForAnAck() {
    try (FlowServiceEmulator emulator =
        FlowServiceEmulator.start(EmulatorConfig.builder().port(0).build())) {
      assertNotNull(emulator.flowServiceUrl());
      assertEquals("true", System.getProperty(FlowServiceEmulator.NO_DELAY));
    }
  }
}
