package vn.ttdn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries are checked, not hoped for. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TtdnApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void onlyTheWorkflowPackageTalksToTheEngine() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ttdn");

        noClasses().that().resideOutsideOfPackage("vn.ttdn.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
                .because("moving from Camunda 7 to Operaton must stay a rename inside vn.ttdn.workflow")
                .check(classes);
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
