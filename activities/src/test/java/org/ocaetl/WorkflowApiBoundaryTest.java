package org.ocaetl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ocaetl.activities.FileActivitiesImpl;

/**
 * The parser and the staging database speak their own vocabulary; only the activities map it to
 * the workflow API, so the parser can change without touching workflow history (and back).
 */
class WorkflowApiBoundaryTest {

  @Test
  void parseAndStageDoNotDependOnTheWorkflowApi() throws Exception {
    Path classes = Path.of(FileActivitiesImpl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaClasses production = new ClassFileImporter().importPath(classes);
    noClasses()
        .that()
        .resideInAnyPackage("org.ocaetl.parse..", "org.ocaetl.stage..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ocaetl.workflows..")
        .check(production);
  }
}
