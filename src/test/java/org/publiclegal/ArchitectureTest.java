package org.publiclegal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    /**
     * Services take commands (records next to the aggregate), never the HTTP request records of an {@code api}
     * package, so the API can change without touching the domain. Resources ({@code api}) and the demo loader
     * (which plays a client) may use them.
     */
    @Test
    void servicesDoNotTakeHttpRequestRecords() {
        noClasses().that().resideInAPackage("org.publiclegal..")
                .and().resideOutsideOfPackages("org.publiclegal..api..", "org.publiclegal.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.publiclegal..api..")
                .check(CLASSES);
    }

    /**
     * Known places where a feature still reaches another feature's entities, each with the reason; the list may
     * only shrink. Keys are the using class (top level), values the other feature's classes it may use.
     * <ul>
     * <li>region's {@code Organisation} is the directory entry every feature reads through
     * {@code OrganisationService} (name, type, region of a court, committee or office): it is the directory's read
     * model, returned by its service;</li>
     * <li>notification's "my matters" rules read the other features' aggregates handed to them by those
     * features' services in the same transaction (issue 11); a read API per feature is the next step.</li>
     * </ul>
     */
    private static final Map<String, Set<String>> KNOWN_CROSS_FEATURE_ENTITY_USE = Map.of(
            "org.publiclegal.notification.MatterRules", Set.of("org.publiclegal.legalaid.LegalAidApplication",
                    "org.publiclegal.mediation.Dispute", "org.publiclegal.mediation.Party",
                    "org.publiclegal.advisory.booking.Booking"),
            "org.publiclegal.notification.MatterUpdates", Set.of("org.publiclegal.legalaid.LegalAidApplication",
                    "org.publiclegal.mediation.Dispute", "org.publiclegal.mediation.Party",
                    "org.publiclegal.advisory.booking.Booking"),
            // the importer creates each row through the owning feature's service and keeps the id (or code) of the
            // record that service returns as the row's import key; it never loads or stores those entities itself
            "org.publiclegal.onboarding.ConsultationRows", Set.of("org.publiclegal.legalaid.consultation.Consultation"),
            "org.publiclegal.onboarding.ScreeningRows", Set.of("org.publiclegal.mediation.screening.Screening"),
            "org.publiclegal.onboarding.StaffRows", Set.of("org.publiclegal.identity.Account"),
            "org.publiclegal.onboarding.RegionRows", Set.of("org.publiclegal.region.Region"),
            "org.publiclegal.onboarding.RegionCodeRules", Set.of("org.publiclegal.region.Region"));

    /** The feature a class belongs to ({@code org.publiclegal.<feature>...}), or null for the root package. */
    private static String feature(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : null;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static boolean isPersistence(JavaClass c) {
        return c.isAnnotatedWith(Entity.class) || c.isAssignableTo(PanacheRepositoryBase.class);
    }

    /**
     * A feature uses another feature through its services (and their read results), never its entities or
     * repositories; the shared kernel is everyone's, and the demo loader seeds every feature's tables.
     */
    @Test
    void featuresDoNotUseOtherFeaturesEntitiesOrRepositories() {
        classes().that().resideInAPackage("org.publiclegal..")
                .and().resideOutsideOfPackages("org.publiclegal.shared..", "org.publiclegal.demo..")
                .should(new ArchCondition<JavaClass>("not use another feature's entities or repositories") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String own = feature(c);
                        String user = topLevel(c).getName();
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            String other = feature(target);
                            if (own == null || other == null || own.equals(other) || "shared".equals(other)
                                    || !target.getPackageName().startsWith("org.publiclegal.")
                                    || !isPersistence(target)) {
                                continue;
                            }
                            if ("region".equals(other) && "Organisation".equals(target.getSimpleName())) {
                                continue; // the directory's read model, see KNOWN_CROSS_FEATURE_ENTITY_USE
                            }
                            if (KNOWN_CROSS_FEATURE_ENTITY_USE.getOrDefault(user, Set.of()).contains(target.getName())) {
                                continue;
                            }
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                })
                .check(CLASSES);
    }
}
