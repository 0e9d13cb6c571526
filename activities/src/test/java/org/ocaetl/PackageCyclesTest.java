package org.ocaetl;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ocaetl.activities.FileActivitiesImpl;

/**
 * The packages of this module depend on each other in one direction only, so each can be read
 * (and changed) knowing only the packages below it. Only this module's production classes are
 * checked: the test classes and the modules it depends on are not imported.
 */
class PackageCyclesTest {

  @Test
  void productionPackagesAreFreeOfCycles() throws Exception {
    Path classes = Path.of(FileActivitiesImpl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaClasses production = new ClassFileImporter().importPath(classes);
    slices().matching("org.ocaetl.(**)").should().beFreeOfCycles().check(production);
  }
}
