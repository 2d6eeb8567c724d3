package io.jenkins.plugins.eks2aks.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's layering, checked on its bytecode: it knows nothing of its front ends (Jenkins, picocli), reads no
 * environment variable deep inside (only the edge settings classes do), and its feature packages form no cycle.
 */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importTheEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.eks2aks")
                // The test servers share the package prefix and come along on the class path; they are not the engine.
                .that(JavaClass.Predicates.resideOutsideOfPackage("io.jenkins.plugins.eks2aks.testservers.."));
    }

    @Test
    void theEngineKnowsNoFrontEnd() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                "org.kohsuke.stapler..", "picocli..").because("the engine emits events; the CLI and the steps render them")
                .check(engine);
    }

    @Test
    void onlyTheEdgeReadsTheEnvironment() {
        noClasses().should().callMethod(System.class, "getenv").orShould().callMethod(System.class, "getenv", String.class)
                .because("environment settings are resolved once at the edge and passed in (a Jenkins build's variables are "
                        + "not the process environment)").check(engine);
    }

    @Test
    void theFeaturePackagesFormNoCycle() {
        SliceRule rule = slices().matching("io.jenkins.plugins.eks2aks.(*)..").should().beFreeOfCycles();
        rule.check(engine);
    }
}
