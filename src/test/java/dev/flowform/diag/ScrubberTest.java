package dev.flowform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ScrubberTest {
  private static final String SECRET = "hs-SECRET/access+token \"é\"";

  private final Scrubber scrubber = new Scrubber();

  ScrubberTest() {
    scrubber.add(SECRET);
  }

  @Test
  void replacesTheSecretWhereverItStands() {
    assertEquals(
        "error: HTTP 400: cannot parse {\"accessToken\":(sensitive)}",
        scrubber.scrub("error: HTTP 400: cannot parse {\"accessToken\":" + SECRET + "}"));
  }

  @Test
  void replacesItsJsonEscapedForms() {
    String minimal = "\"hs-SECRET/access+token \\\"é\\\"\"";
    String slashes = "hs-SECRET\\/access+token \\\"\\u00e9\\\"";
    assertEquals("\"(sensitive)\"", scrubber.scrub(minimal));
    assertEquals("(sensitive)", scrubber.scrub(slashes));
    StringBuilder everyChar = new StringBuilder();
    SECRET.chars().forEach(c -> everyChar.append(String.format("\\u%04x", c)));
    assertEquals("x(sensitive)x", scrubber.scrub("x" + everyChar + "x"));
  }

  @Test
  void replacesItsUrlEncodedForms() {
    String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    assertEquals("?token=(sensitive)&a=b", scrubber.scrub("?token=" + form + "&a=b"));
    assertEquals(
        "?token=(sensitive)",
        scrubber.scrub("?token=hs-SECRET%2faccess%2btoken%20%22%c3%a9%22"),
        "RFC 3986, lower case hex");
  }

  @Test
  void replacesItsBase64AndHexFormsEvenInsideALongerEncodedText() {
    byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
    for (String prefix : new String[] {"", "u:", "us:", "use:"}) {
      byte[] joined = (prefix + SECRET).getBytes(StandardCharsets.UTF_8);
      String basic = "Basic " + Base64.getEncoder().encodeToString(joined);
      assertFalse(
          scrubber.scrub(basic).contains(Base64.getEncoder().encodeToString(bytes).substring(4)),
          "prefix '" + prefix + "': " + scrubber.scrub(basic));
      assertTrue(scrubber.scrub(basic).contains(Scrubber.MASK), prefix);
    }
    assertEquals("(sensitive)", scrubber.scrub(Base64.getUrlEncoder().encodeToString(bytes)));
    assertEquals("(sensitive)", scrubber.scrub(HexFormat.of().formatHex(bytes)));
    assertEquals("(sensitive)", scrubber.scrub(HexFormat.of().withUpperCase().formatHex(bytes)));
  }

  @Test
  void leavesTextWithoutSecretsAsItWas() {
    String text = "Plan: 1 to create, 0 to update.";
    assertSame(text, scrubber.scrub(text));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertSame(bytes, scrubber.scrub(bytes));
  }

  @Test
  void ignoresValuesTooShortToBeScrubbedWithoutWreckingWords() {
    Scrubber fresh = new Scrubber();
    fresh.add("ab");
    fresh.add(null);
    assertTrue(fresh.isEmpty());
    assertEquals("about", fresh.scrub("about"));
  }

  @Test
  void aWrappedWriterScrubsASecretWrittenInPieces() {
    StringWriter sink = new StringWriter();
    PrintWriter out = scrubber.wrap(new PrintWriter(sink));
    out.print("token: hs-SECRET/");
    out.print("access+token \"é\"");
    assertEquals("", sink.toString(), "held until a flush");
    out.println();
    assertEquals("token: (sensitive)" + System.lineSeparator(), sink.toString());
  }

  @Test
  void aSecretLearnedLaterIsScrubbedFromWhatIsWrittenAfter() {
    StringWriter sink = new StringWriter();
    PrintWriter out = scrubber.wrap(new PrintWriter(sink));
    scrubber.add("ims-token-0123456789");
    out.println("Authorization: Bearer ims-token-0123456789");
    assertEquals("Authorization: Bearer (sensitive)" + System.lineSeparator(), sink.toString());
  }

  @Test
  void masksTheBeginningOfASecretThatAShortenedMessageCutOff() {
    assertEquals(
        "cannot parse {\"accessToken\":\"(sensitive)...",
        scrubber.scrub("cannot parse {\"accessToken\":\"hs-SECRET/acc..."));
    assertEquals("hs-S...", scrubber.scrub("hs-S..."), "too short to tell");
  }
}
