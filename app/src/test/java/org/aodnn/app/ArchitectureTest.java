package org.aodnn.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of the Workbench, checked on the compiled main classes of every module. */
class ArchitectureTest {

    private static final String[] FEATURES = {"org.aodnn.profilinglab", "org.aodnn.modelfitting",
        "org.aodnn.policyeditor", "org.aodnn.edgeconnector"};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.aodnn");
    }

    @Test
    void javaFxOnlyInUiPackagesAndTheApp() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.aodnn.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("core code (solvers, fitting, ADB, HTTP, storage) must run and be tested headless")
                .check(classes);
    }

    @Test
    void theStoreDependsOnNoFeatureModuleOrTheApp() {
        noClasses().that().resideInAPackage("org.aodnn.db..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(FEATURES, "org.aodnn.app.."))
                .check(classes);
    }

    @Test
    void featureModulesDoNotUseEachOthersUi() {
        for (String feature : FEATURES) {
            for (String other : FEATURES) {
                if (!feature.equals(other)) {
                    noClasses().that().resideInAPackage(feature + "..")
                            .should().dependOnClassesThat().resideInAPackage(other + ".ui..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void featureModulesDoNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage(packagesOf(FEATURES))
                .should().dependOnClassesThat().resideInAPackage("org.aodnn.app..")
                .check(classes);
    }

    private static String[] packagesOf(String[] roots, String... more) {
        String[] all = new String[roots.length + more.length];
        for (int i = 0; i < roots.length; i++) {
            all[i] = roots[i] + "..";
        }
        System.arraycopy(more, 0, all, roots.length, more.length);
        return all;
    }
}
