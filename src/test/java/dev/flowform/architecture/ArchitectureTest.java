package dev.flowform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' layering, as the README draws it: arrows point down only, and no package imports
 * another that imports it back.
 *
 * <pre>
 * cli -> run -> {plan, apply, refresh, status} -> {state, flowservice, manifest, catalog}
 *     -> {model, diag}
 * emulator -> diag
 * </pre>
 */
class ArchitectureTest {
  private static JavaClasses flowform;

  @BeforeAll
  static void importMainClasses() {
    flowform =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flowform");
  }

  /** The layering of flowform's main packages; {@link #rulesFailOnAForbiddenImport} proves it. */
  static ArchRule layering() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.flowform..")
        .layer("cli")
        .definedBy("dev.flowform.cli..")
        .layer("run")
        .definedBy("dev.flowform.run..")
        .layer("operations")
        .definedBy(
            "dev.flowform.plan..",
            "dev.flowform.apply..",
            "dev.flowform.refresh..",
            "dev.flowform.status..")
        .layer("kinds")
        .definedBy("dev.flowform.kinds..", "dev.flowform.registry..")
        .layer("edges")
        .definedBy(
            "dev.flowform.state..",
            "dev.flowform.flowservice..",
            "dev.flowform.manifest..",
            "dev.flowform.catalog..")
        .layer("model")
        .definedBy("dev.flowform.model..")
        .layer("diag")
        .definedBy("dev.flowform.diag..")
        .layer("emulator")
        .definedBy("dev.flowform.emulator..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("run")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("operations")
        .mayOnlyBeAccessedByLayers("cli", "run")
        .whereLayer("kinds")
        .mayOnlyBeAccessedByLayers("cli", "run", "operations")
        .whereLayer("edges")
        .mayOnlyBeAccessedByLayers("cli", "run", "operations", "kinds")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("cli", "run", "operations", "kinds", "edges")
        .whereLayer("emulator")
        .mayOnlyBeAccessedByLayers("cli", "run");
  }

  @Test
  void layersPointDownOnly() {
    layering().check(flowform);
  }

  /** A kind package never imports another kind's: a reference between kinds is data. */
  @Test
  void kindPackagesDoNotImportEachOther() {
    slices().matching("dev.flowform.kinds.(*)..").should().notDependOnEachOther().check(flowform);
  }

  @Test
  void noPackageImportsAPackageThatImportsItBack() {
    slices().matching("dev.flowform.(**)").should().beFreeOfCycles().check(flowform);
  }

  @Test
  void theModelUsesNothingElseOfFlowform() {
    noClasses()
        .that()
        .resideInAPackage("dev.flowform.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.flowform.model..", "java..")
        .check(flowform);
  }

  @Test
  void theEmulatorStandsAloneButForDiagnostics() {
    noClasses()
        .that()
        .resideInAPackage("dev.flowform.emulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.flowform.cli..",
            "dev.flowform.run..",
            "dev.flowform.plan..",
            "dev.flowform.apply..",
            "dev.flowform.refresh..",
            "dev.flowform.status..",
            "dev.flowform.state..",
            "dev.flowform.flowservice..",
            "dev.flowform.manifest..",
            "dev.flowform.catalog..",
            "dev.flowform.model..")
        .check(flowform);
  }

  @Test
  void commandsNeverOpenAStateStoreOrLockThemselves() {
    noClasses()
        .that()
        .resideInAPackage("dev.flowform.cli..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("FileState")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("dev.flowform.flowservice..")
        .check(flowform);
  }
}
