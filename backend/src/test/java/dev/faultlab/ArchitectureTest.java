package dev.faultlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faultlab.sim.NodeProcess;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows of DESIGN.md's layering pointing down. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.faultlab");
    }

    @Test
    void simulationKernelDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.faultlab.sim..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.faultlab.sim..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void checkersUseOnlyTheKernel() {
        classes().that().resideInAPackage("dev.faultlab.check..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.faultlab.sim..", "dev.faultlab.protocols..", "dev.faultlab.check..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theKeyFrameworkUsesOnlyTheKernelAndTheCheckers() {
        classes().that().resideInAPackage("dev.faultlab.key..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.faultlab.sim..", "dev.faultlab.check..", "dev.faultlab.key..", "dev.faultlab.chart..", "java..")
                .check(classes);
    }

    @Test
    void protocolsUseOnlyTheKernelTheCheckersAndTheKeyFramework() {
        classes().that().resideInAPackage("dev.faultlab.protocols..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.faultlab.sim..", "dev.faultlab.protocols..", "dev.faultlab.check..",
                        "dev.faultlab.key..", "dev.faultlab.chart..", "java..")
                .check(classes);
    }

    /** One registry, built by the wiring, reaches everything else: no lab, grader, run or route names a protocol. */
    @Test
    void onlyTheWiringNamesTheProtocols() {
        noClasses().that().resideOutsideOfPackages("dev.faultlab.protocols..")
                .and().doNotHaveFullyQualifiedName(App.class.getName())
                .should().dependOnClassesThat().resideInAPackage("dev.faultlab.protocols..")
                .check(classes);
    }

    /** Answer keys read what the inspector shows (states, typed outputs, the trace), never a live process object. */
    @Test
    void answerKeysNeverTouchLiveProcesses() {
        noClasses().that().resideInAnyPackage("dev.faultlab.key..", "dev.faultlab.protocols.*.key..")
                .should().callMethod(Simulation.class, "process", int.class)
                .orShould().dependOnClassesThat().areAssignableTo(NodeProcess.class)
                .check(classes);
    }

    @Test
    void webIsUsedOnlyByTheWiring() {
        noClasses().that().resideOutsideOfPackages("dev.faultlab.web..")
                .and().doNotHaveFullyQualifiedName(App.class.getName())
                .should().dependOnClassesThat().resideInAPackage("dev.faultlab.web..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverReachUp() {
        noClasses().that().resideInAnyPackage("dev.faultlab.store..", "dev.faultlab.lab..", "dev.faultlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultlab.web..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.faultlab.lab..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultlab.run..", "dev.faultlab.store..")
                .check(classes);
    }

    @Test
    void gradingIsUsedOnlyByTheWebAndTheWiring() {
        noClasses().that().resideInAnyPackage("dev.faultlab.sim..", "dev.faultlab.protocols..", "dev.faultlab.check..",
                        "dev.faultlab.lab..", "dev.faultlab.run..", "dev.faultlab.account..", "dev.faultlab.store..",
                        "dev.faultlab.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.faultlab.grading..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.faultlab.grading..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..",
                        "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void accountsAreADomainThatKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("dev.faultlab.account..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultlab.web..", "io.javalin..",
                        "jakarta.servlet..", "org.eclipse.jetty..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.faultlab.store..", "dev.faultlab.lab..", "dev.faultlab.sim..",
                        "dev.faultlab.protocols..", "dev.faultlab.check..", "dev.faultlab.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.faultlab.account..")
                .check(classes);
    }
}
