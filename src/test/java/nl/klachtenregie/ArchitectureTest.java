package nl.klachtenregie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the feature boundaries: Drools behind the port, features talking through their top package. */
class ArchitectureTest {

    private static JavaClasses classes;

    /** Every feature except those the web shell may use (security, tenant, shared). */
    private static final String[] FEATURES = {"nl.klachtenregie.complaint..", "nl.klachtenregie.regulation..",
            "nl.klachtenregie.improvement..", "nl.klachtenregie.kpi..", "nl.klachtenregie.report..",
            "nl.klachtenregie.letter..", "nl.klachtenregie.notification..", "nl.klachtenregie.profile..",
            "nl.klachtenregie.publicform..", "nl.klachtenregie.seed..", "nl.klachtenregie.audit.."};

    /** One slice per feature and one per feature's web wing, which sits on top of every feature's top package. */
    private static final SliceAssignment FEATURES_AND_WINGS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith("nl.klachtenregie.")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.substring("nl.klachtenregie.".length()).split("\\.");
            return SliceIdentifier.of(parts.length > 1 && parts[1].equals("web") ? parts[0] + ".web" : parts[0]);
        }

        @Override
        public String getDescription() {
            return "features and their web wings";
        }
    };

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.klachtenregie");
    }

    @Test
    void droolsIsOnlyUsedInsideTheEngineAdapter() {
        noClasses().that().resideOutsideOfPackage("nl.klachtenregie.regulation.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void theEngineAdapterIsReachedOnlyThroughThePort() {
        noClasses().that().resideOutsideOfPackage("nl.klachtenregie.regulation.internal..")
                .should().dependOnClassesThat().resideInAPackage("nl.klachtenregie.regulation.internal..")
                .check(classes);
    }

    @Test
    void rulesFactsAndOutcomesAreImmutableRecords() {
        classes().that().resideInAPackage("nl.klachtenregie.regulation")
                .and().implement(nl.klachtenregie.regulation.Emission.class)
                .should().beRecords()
                .check(classes);
    }

    @Test
    void tenantDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("nl.klachtenregie.tenant..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.regulation..",
                        "nl.klachtenregie.complaint..", "nl.klachtenregie.kpi..", "nl.klachtenregie.web..",
                        "nl.klachtenregie.seed..")
                .check(classes);
    }

    @Test
    void thePublicFormBuildsOnCasesNotTheOtherWayRound() {
        // The complainant's side reads cases and sends through the notification feature; what it may show or do is
        // its own business, so nothing below it depends on it.
        noClasses().that().resideInAnyPackage("nl.klachtenregie.complaint..", "nl.klachtenregie.regulation..",
                        "nl.klachtenregie.tenant..", "nl.klachtenregie.notification..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAPackage("nl.klachtenregie.publicform..")
                .check(classes);
    }

    @Test
    void regulationKnowsNothingOfCasesOrTheWeb() {
        noClasses().that().resideInAPackage("nl.klachtenregie.regulation..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.complaint..",
                        "nl.klachtenregie.kpi..", "nl.klachtenregie.web..", "nl.klachtenregie.seed..")
                .check(classes);
    }

    @Test
    void nothingOutsideAWebPackageDependsOnTheWeb() {
        // A feature's use cases serve its pages and its API alike; they never reach up into either.
        noClasses().that().resideOutsideOfPackage("nl.klachtenregie..web..")
                .should().dependOnClassesThat().resideInAPackage("nl.klachtenregie..web..")
                .check(classes);
    }

    @Test
    void featureWingsDoNotDependOnEachOthersWebPackages() {
        // A page of one feature links to another's by its URL and reads that feature's top package, never its
        // controllers or view models: each wing can change its pages alone.
        slices().matching("nl.klachtenregie.(*).web..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theWebShellDependsOnNoFeature() {
        // The shell (layout, errors, CSRF, login, home, form helpers) is what every wing builds on; it knows
        // accounts, tenants and the shared types only.
        noClasses().that().resideInAPackage("nl.klachtenregie.web..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void securityKnowsAccountsNotCases() {
        // Who may do what is decided on accounts, roles and the tenant in the path, never on case data.
        noClasses().that().resideInAPackage("nl.klachtenregie.security..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.complaint..",
                        "nl.klachtenregie.regulation..", "nl.klachtenregie.kpi..", "nl.klachtenregie.web..",
                        "nl.klachtenregie.letter..")
                .check(classes);
    }

    @Test
    void onlyTheWebAndSecurityKnowHttp() {
        noClasses().that().resideInAnyPackage("nl.klachtenregie.complaint..", "nl.klachtenregie.regulation..",
                        "nl.klachtenregie.kpi..", "nl.klachtenregie.tenant..", "nl.klachtenregie.improvement..",
                        "nl.klachtenregie.report..", "nl.klachtenregie.notification..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.views..",
                        "io.micronaut.security..")
                .check(classes);
    }

    @Test
    void theDashboardMeasuresAndKnowsNothingOfRegisterOrReports() {
        // Reports and the verbeterregister build on the dashboard's figures, never the other way round.
        noClasses().that().resideInAPackage("nl.klachtenregie.kpi..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.improvement..",
                        "nl.klachtenregie.report..")
                .check(classes);
    }

    @Test
    void theImprovementRegisterKnowsNothingOfReportsOrDashboards() {
        noClasses().that().resideInAPackage("nl.klachtenregie.improvement..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.report..",
                        "nl.klachtenregie.kpi..")
                .check(classes);
    }

    @Test
    void casesAndRulesKnowNothingOfMessages() {
        // The case engine decides what is due; whether and how anyone is told is the notification feature's concern.
        noClasses().that().resideInAnyPackage("nl.klachtenregie.complaint..", "nl.klachtenregie.regulation..",
                        "nl.klachtenregie.tenant..", "nl.klachtenregie.security..", "nl.klachtenregie.kpi..",
                        "nl.klachtenregie.improvement..", "nl.klachtenregie.report..")
                
                .and().resideOutsideOfPackage("..web..").should().dependOnClassesThat().resideInAPackage("nl.klachtenregie.notification..")
                .check(classes);
        // Cases, their pages and their API included, know neither messages nor status links: an intake publishes
        // ComplaintRegistered and the case page reads its messages through the CaseMessages port.
        noClasses().that().resideInAPackage("nl.klachtenregie.complaint..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klachtenregie.notification..",
                        "nl.klachtenregie.publicform..")
                .check(classes);
    }

    @Test
    void onlyTheNotificationFeatureTalksToTheMailServer() {
        noClasses().that().resideOutsideOfPackage("nl.klachtenregie.notification..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.email..", "jakarta.mail..")
                .check(classes);
    }

    /** Issue 16: the object store is an adapter behind the DocumentStore port, nothing else talks S3. */
    @Test
    void onlyTheS3DocumentStoreTalksToTheObjectStore() {
        noClasses().that().doNotHaveFullyQualifiedName("nl.klachtenregie.complaint.S3DocumentStore")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().assignedFrom(FEATURES_AND_WINGS).should().beFreeOfCycles().check(classes);
    }
}
