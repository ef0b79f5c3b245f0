package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolatorTest {
  @TempDir Path dir;

  private Interpolator interpolator;

  @BeforeEach
  void interpolatorInsideTheTemporaryProject() {
    interpolator =
        new Interpolator(
            Map.of("TOKEN", "s3cr3t", "NESTED", "${env:TOKEN}"),
            Map.of("region", "eu"),
            "environment dev",
            new FileAccess(dir, List.of()));
  }

  @Test
  void replacesEnvironmentVariablesAndVariablesInsideText() {
    Interpolator.Result result =
        interpolator.interpolate("HubSpot (${var:region}) ${env:TOKEN}", dir);
    assertEquals("HubSpot (eu) s3cr3t", result.value());
    assertTrue(result.ok());
  }

  @Test
  void readsAFileRelativeToTheFolderGivenAndDropsOneTrailingNewline() throws IOException {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token"), "abc\n\n");
    assertEquals("abc\n", interpolator.interpolate("${file:secrets/token}", dir).value());
  }

  @Test
  void dropsAWindowsLineEndingToo() throws IOException {
    Files.writeString(dir.resolve("token"), "abc\r\n");
    assertEquals("abc", interpolator.interpolate("${file:token}", dir).value());
  }

  @Test
  void aDoubledDollarIsALiteralReference() {
    assertEquals(
        "${env:TOKEN} costs $5", interpolator.interpolate("$${env:TOKEN} costs $5", dir).value());
  }

  @Test
  void doesNotResolveReferencesInsideResolvedValues() {
    assertEquals("${env:TOKEN}", interpolator.interpolate("${env:NESTED}", dir).value());
  }

  @Test
  void anUnsetEnvironmentVariableFailsAtTheOffsetOfItsReference() {
    Interpolator.Result result = interpolator.interpolate("x ${env:MISSING}", dir);
    assertNull(result.value());
    Interpolator.Failure failure = result.failures().get(0);
    assertEquals(2, failure.offset());
    assertEquals("${env:MISSING}: environment variable MISSING is not set", failure.message());
    assertFalse(failure.malformed());
  }

  @Test
  void anUndefinedVariableNamesTheDefinedOnes() {
    Interpolator.Failure failure = interpolator.interpolate("${var:regoin}", dir).failures().get(0);
    assertEquals(
        "${var:regoin}: variable regoin is not defined in environment dev", failure.message());
    assertEquals("defined: region", failure.hint());
  }

  @Test
  void aMissingFileIsAFailureThatShowsNoContent() {
    Interpolator.Failure failure = interpolator.interpolate("${file:nope}", dir).failures().get(0);
    assertEquals("${file:nope}: cannot read file (no such file)", failure.message());
  }

  @Test
  void anUnknownSchemeIsMalformed() {
    Interpolator.Failure failure = interpolator.interpolate("${vault:x}", dir).failures().get(0);
    assertTrue(failure.malformed());
    assertEquals("unknown reference scheme 'vault' in '${vault:x}'", failure.message());
  }

  @Test
  void anUnterminatedReferenceIsMalformed() {
    assertEquals(
        "unterminated reference", Interpolator.checkSyntax("abc ${env:X").get(0).message());
  }

  @Test
  void reportsEveryFailingReferenceOfOneString() {
    assertEquals(2, interpolator.interpolate("${env:A}-${env:B}", dir).failures().size());
  }

  @Test
  void noFailureMessageHoldsAResolvedValue() {
    Interpolator.Result result = interpolator.interpolate("${env:TOKEN}${env:MISSING}", dir);
    assertTrue(result.failures().stream().noneMatch(f -> f.message().contains("s3cr3t")));
  }
}
