package dev.flowform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void dropsEscapesBellsLineBreaksAndBidirectionalOverrides() {
    assertEquals(
        "alice[2J@host evil", Printable.of("alice\u001b[2J@host\u0007\r\n \u202eevil\u0000"));
  }

  @Test
  void leavesPrintableTextAloneWhateverItsScript() {
    String text = "José@宿主-7 (GitHub run 42)";
    assertSame(text, Printable.of(text));
    assertNull(Printable.of(null));
  }
}
