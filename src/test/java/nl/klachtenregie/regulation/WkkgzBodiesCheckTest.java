package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wkkgz art. 15 and 18: a zorgaanbieder has a klachtenfunctionaris for the complainant and is affiliated with a
 * geschilleninstantie. The regulation check warns an organisation (or one of its service lines) under the Wkkgz whose
 * profile names no external body of either kind; it does not block activation, and says nothing to others.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WkkgzBodiesCheckTest implements TestPropertyProvider {

    @Inject
    RegulationAdministration administration;
    @Inject
    TenantDirectory tenants;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @Test
    void aWkkgzOrganisationWithoutAKlachtenfunctionarisOrAGeschilleninstantieIsWarnedOfBoth() {
        List<String> warnings = warnings(profile("WKKGZ", List.of(), List.of()));
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("klachtenfunctionaris") && warnings.get(0).contains("artikel 15"),
                warnings.get(0));
        assertTrue(warnings.get(1).contains("geschilleninstantie") && warnings.get(1).contains("artikel 18"),
                warnings.get(1));
    }

    @Test
    void aKlachtenfunctionarisAloneLeavesTheWarningOfArticle18() {
        List<String> warnings = warnings(profile("WKKGZ", List.of(body("KF", "klachtenfunctionaris")), List.of()));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("artikel 18"), warnings.get(0));
    }

    @Test
    void bothBodiesNamedByTheirKindSatisfyTheLaw() {
        assertEquals(List.of(), warnings(profile("WKKGZ", List.of(body("KF", "Klachtenfunctionaris"),
                body("GC", "geschilleninstantie (Geschillencommissie Zorg)")), List.of())));
    }

    @Test
    void aServiceLineUnderTheWkkgzIsEnoughToNeedThem() {
        TenantProfile.ServiceLine care = new TenantProfile.ServiceLine("THUISZORG", "Thuiszorg", "", "", "WKKGZ");
        assertEquals(2, warnings(profile("WMO_2015", List.of(), List.of(care))).size());
    }

    @Test
    void anOrganisationNotUnderTheWkkgzIsNotWarned() {
        assertEquals(List.of(), warnings(profile("", List.of(), List.of())));
        assertEquals(List.of(), warnings(profile("JEUGDWET", List.of(), List.of())));
    }

    @Test
    void theWarningDoesNotBlockActivation() {
        Tenant t = tenants.create(profile("WKKGZ", List.of(), List.of()));
        administration.createFromDrl(t, new RegulationAdministration.DraftHeader("1", LocalDate.of(2027, 1, 1),
                "Zonder instanties", ""), Map.of("regulation.drl", DRL), "test");
        RegulationAdministration.CheckResult check = administration.check(t, administration.version(t, "1"));
        assertEquals(2, check.warnings().size(), check.warnings()::toString);
        assertTrue(check.ok());
        administration.activate(t, "1", 0, "test", List.of("ADMIN"));
        assertEquals(VersionStatus.ACTIVE, administration.version(t, "1").status());
    }

    private static final String DRL = """
            package rules.wkkgz;
            import nl.klachtenregie.regulation.*;

            rule "Wkkgz art. 17 lid 1: 'binnen zes weken'"
            when
                ComplaintFacts(kind == "FORMAL", $r : receivedOn)
            then
                insert(new Obligation("DECIDE", $r, 6, "WEEKS", "DECIDED", "Wkkgz art. 17 lid 1", ""));
            end
            """;

    private List<String> warnings(TenantProfile profile) {
        Tenant t = new Tenant(new nl.klachtenregie.tenant.TenantId(1), profile);
        StoredVersion v = new StoredVersion(new RegulationVersion("1", LocalDate.of(2027, 1, 1), "Proef", "",
                RuleSet.of("regulation.drl", DRL), ""), "", VersionStatus.DRAFT, null, null, null, null, 0);
        return administration.check(t, v).warnings();
    }

    private static TenantProfile.ExternalBody body(String code, String kind) {
        return new TenantProfile.ExternalBody(code, kind, "Instantie " + code, "", "", "");
    }

    private static TenantProfile profile(String regime, List<TenantProfile.ExternalBody> bodies,
                                         List<TenantProfile.ServiceLine> lines) {
        TenantProfile s = TenantProfile.starter("wkkgz-" + Math.abs((regime + bodies + lines).hashCode()),
                "Zorg " + regime);
        return new TenantProfile(s.slug(), s.name(), s.contact(), s.complaintAddress(), s.holidayCalendar(),
                s.extraClosedDays(), s.escalationLadder(), bodies, s.categories(), lines, s.activationRoles(),
                s.notifications(), s.publicForm(), regime);
    }
}
