package org.publiclegal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package-by-feature boundaries. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.publiclegal");

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.publiclegal.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.publiclegal.region..",
                        "org.publiclegal.identity..", "org.publiclegal.legalaid..", "org.publiclegal.mediation..",
                        "org.publiclegal.advisory..", "org.publiclegal.education..", "org.publiclegal.reporting..",
                        "org.publiclegal.demo..")
                .check(CLASSES);
    }

    @Test
    void onlyTheProblemPackageBuildsHttpErrorResponses() {
        noClasses().that().resideOutsideOfPackage("org.publiclegal.shared.problem..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jboss.resteasy.reactive.server.ServerExceptionMapper")
                .check(CLASSES);
    }

    @Test
    void featuresUseOtherFeaturesOnlyThroughTheirServices() {
        noClasses().that().resideInAPackage("org.publiclegal.identity..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.publiclegal.region.RegionRepository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.publiclegal.region.OrganisationRepository")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.publiclegal.region..")
                .should().dependOnClassesThat().resideInAPackage("org.publiclegal.identity..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDemoLoaderSetsTheClockBack() {
        noClasses().that().resideOutsideOfPackages("org.publiclegal.demo..", "org.publiclegal.shared.domain..")
                .should().callMethod(org.publiclegal.shared.domain.BackdatedClock.class, "setFor", java.time.Instant.class)
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchRepositoriesForWrites() {
        DescribedPredicate<JavaCall<?>> repositoryWrite = new DescribedPredicate<>("a repository write") {
            @Override
            public boolean test(JavaCall<?> call) {
                return call.getTargetOwner().getSimpleName().endsWith("Repository")
                        && call.getName().matches("persist.*|delete.*|update.*");
            }
        };
        noClasses().that().haveSimpleNameEndingWith("Resource").should().callMethodWhere(repositoryWrite)
                .check(CLASSES);
    }
}
