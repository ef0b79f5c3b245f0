package dev.flowform.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering rules can fail: {@code plan.ForbiddenRunImport}, a test class that reaches up from
 * the planner's layer into run, breaks them.
 */
class ForbiddenImportTest {

  @Test
  void rulesFailOnAForbiddenImport() {
    JavaClasses withOffender =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.flowform.plan", "dev.flowform.run");

    assertThrows(AssertionError.class, () -> ArchitectureTest.layering().check(withOffender));
  }
}
