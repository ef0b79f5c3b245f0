package dev.flowform.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowform.diag.Diagnostic;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BadManifestCorpusTest {

  static List<CorpusCase> corpus() throws URISyntaxException {
    return CorpusCase.all(Path.of(BadManifestCorpusTest.class.getResource("/bad").toURI()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void reportsExactlyTheExpectedDiagnosticsAndNoDesiredState(CorpusCase input) {
    LoadResult result = input.load();
    List<String> actual = result.diagnostics().all().stream().map(Diagnostic::format).toList();
    assertEquals(input.expected(), actual, input.name());
    assertTrue(result.diagnostics().hasErrors(), "a bad input must give an error");
    assertTrue(result.desired().isEmpty(), "nothing reaches past validation with an error");
  }

  @Test
  void theCorpusHoldsAtLeastThirtyBadInputs() throws URISyntaxException {
    assertTrue(corpus().size() >= 30, "corpus size " + corpus().size());
  }
}
