package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.regulation.VersionDiff;
import nl.klachtenregie.regulation.VersionStatus;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regulation versions over time: a draft is invisible to cases until activated, activation is reserved to the
 * roles the tenant names, an active version is never edited again, a broken or hostile draft cannot be activated
 * (the version in force stays), and every case keeps the version in force on the day it was received.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulationVersioningTest implements TestPropertyProvider {

    static final String IZW_DECIDE = "insert(new Obligation(\"DECIDE\", $r, 6, \"WEEKS\", \"DECIDED\"));";

    @Inject
    RegulationAdministration admin;
    @Inject
    RegulationCatalog catalog;
    @Inject
    nl.klachtenregie.kpi.DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;
    @Inject
    nl.klachtenregie.complaint.DryRun dryRun;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    /** IederZijnWerk's version 1 with the decision term shortened from 6 to 4 weeks. */
    static Map<String, String> izwWithDecisionIn(Tenant izw, RegulationCatalog catalog, int weeks) {
        String drl = catalog.version(izw.id(), "1").orElseThrow().ruleSet().sources().get("regulation.drl");
        assertTrue(drl.contains(IZW_DECIDE), "the seed's decision rule is where this test expects it");
        return Map.of("regulation.drl", drl.replace(IZW_DECIDE,
                "insert(new Obligation(\"DECIDE\", $r, " + weeks + ", \"WEEKS\", \"DECIDED\"));"));
    }

    static NewComplaint formalLetter(LocalDate receivedOn) {
        return new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, receivedOn, null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1, Sneek"),
                "Afspraken niet nagekomen", "BEJEGENING", null, null, false, false, false);
    }

    @Test
    void aCaseKeepsTheVersionInForceOnTheDayItWasReceivedAfterANewVersionIsActivated() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView before = complaints.create(izw, formalLetter(LocalDate.of(2026, 11, 2)));
        assertEquals("1", before.regulationVersion());
        assertEquals(LocalDate.of(2026, 12, 14), due(before, "DECIDE"));

        admin.createFromDrl(izw, new DraftHeader("2026-11", LocalDate.of(2026, 11, 16), "Klachtenprocedure 2026",
                "test"), izwWithDecisionIn(izw, catalog, 4), "iederzijnwerk.beheerder");
        CaseView whileDraft = complaints.create(izw, formalLetter(LocalDate.of(2026, 11, 20)));
        assertEquals("1", whileDraft.regulationVersion(), "a draft is never in force");

        StoredVersion active = admin.activate(izw, "2026-11", 0, "iederzijnwerk.beheerder", List.of("ADMIN"));
        assertEquals(VersionStatus.ACTIVE, active.status());
        assertEquals("iederzijnwerk.beheerder", active.activatedBy());

        CaseView after = complaints.create(izw, formalLetter(LocalDate.of(2026, 11, 20)));
        assertEquals("2026-11", after.regulationVersion());
        assertEquals(LocalDate.of(2026, 12, 18), due(after, "DECIDE"), "four weeks under the new version");

        CaseView old = complaints.recordEvent(izw, new ComplaintId(before.id()),
                NewEvent.of(EventType.ACKNOWLEDGED, LocalDate.of(2026, 11, 3)));
        assertEquals("1", old.regulationVersion());
        assertEquals(LocalDate.of(2026, 12, 14), due(old, "DECIDE"), "the older case still follows version 1");
        CaseView receivedBefore = complaints.create(izw, formalLetter(LocalDate.of(2026, 11, 13)));
        assertEquals("1", receivedBefore.regulationVersion(), "received before the effective date");

        assertTrue(audit.recent(izw.id(), 10).stream().anyMatch(e -> e.action().equals("REGULATION_ACTIVATED")
                && e.subject().equals("2026-11") && e.actor().equals("iederzijnwerk.beheerder")));
    }

    @Test
    void anActiveVersionIsNeverEditedAgain() {
        Tenant impuls = tenants.resolve("impuls");
        assertThrows(RefusedException.class, () -> admin.updateFromDrl(impuls, new DraftHeader("2",
                LocalDate.of(2025, 1, 1), "x", ""), Map.of("regulation.drl", "package rules.x;"), 0, "impuls.beheerder"));
        assertThrows(RefusedException.class, () -> admin.deleteDraft(impuls, "2", "impuls.beheerder"));
    }

    @Test
    void klimkoordReservesActivationToItsDirecteurBestuurder() {
        Tenant klimkoord = tenants.resolve("klimkoord");
        admin.copy(klimkoord, "2024-05-06", new DraftHeader("2027-01", LocalDate.of(2027, 1, 1),
                "Procedure Klachtenmanagement 2027", ""), "klimkoord.beheerder");
        ForbiddenException refused = assertThrows(ForbiddenException.class, () -> admin.activate(klimkoord, "2027-01", 0,
                "klimkoord.beheerder", List.of("ADMIN")));
        assertTrue(refused.getMessage().contains("directeur-bestuurder"), refused.getMessage());
        assertEquals(VersionStatus.DRAFT, admin.version(klimkoord, "2027-01").status());

        admin.activate(klimkoord, "2027-01", 0, "klimkoord.directeur", List.of("DIRECTOR"));
        assertEquals("klimkoord.directeur", admin.version(klimkoord, "2027-01").activatedBy());
    }

    @Test
    void aVersionMustStartAfterTheLastActiveOne() {
        Tenant impuls = tenants.resolve("impuls");
        admin.copy(impuls, "2", new DraftHeader("terug", LocalDate.of(2024, 6, 1), "Terug in de tijd", ""),
                "impuls.beheerder");
        RefusedException e = assertThrows(RefusedException.class, () -> admin.activate(impuls, "terug", 0,
                "impuls.beheerder", List.of("ADMIN")));
        assertTrue(e.reasons().get(0).contains("2025-01-01"), e.reasons().toString());
    }

    @Test
    void aDraftThatFailsTheChecksCannotBeActivatedAndTheVersionInForceStays() {
        Tenant kw = tenants.resolve("kwaliteitsprocedure-6-5");
        String hostile = """
                package rules.kwaliteit;
                import nl.klachtenregie.regulation.*;
                rule "stop de server"
                when
                    ComplaintFacts()
                then
                    System.exit(1);
                end
                """;
        admin.createFromDrl(kw, new DraftHeader("kwaad", LocalDate.of(2026, 12, 1), "Kwaadaardig", ""),
                Map.of("regulation.drl", hostile), "kwaliteitsprocedure-6-5.beheerder");
        RegulationAdministration.CheckResult check = admin.check(kw, admin.version(kw, "kwaad").version().ruleSet());
        assertFalse(check.ok());
        RefusedException e = assertThrows(RefusedException.class, () -> admin.activate(kw, "kwaad", 0,
                "kwaliteitsprocedure-6-5.beheerder", List.of("ADMIN")));
        assertTrue(String.join(" ", e.reasons()).contains("regulation.drl"), e.reasons().toString());
        assertEquals(VersionStatus.DRAFT, admin.version(kw, "kwaad").status());
        assertEquals("1", catalog.inForceOn(kw, LocalDate.of(2027, 1, 1)).version());

        String looping = """
                package rules.kwaliteit;
                import nl.klachtenregie.regulation.*;
                rule "advies zonder eind"
                when
                    Advice()
                then
                    insert(new Advice("X", "nog een"));
                end
                rule "begin"
                when
                    ComplaintFacts()
                then
                    insert(new Advice("X", "eerste"));
                end
                """;
        admin.createFromDrl(kw, new DraftHeader("lus", LocalDate.of(2026, 12, 1), "Lus", ""),
                Map.of("regulation.drl", looping), "kwaliteitsprocedure-6-5.beheerder");
        RefusedException loop = assertThrows(RefusedException.class, () -> admin.activate(kw, "lus", 0,
                "kwaliteitsprocedure-6-5.beheerder", List.of("ADMIN")));
        assertTrue(String.join(" ", loop.reasons()).contains("Proefberekening"), loop.reasons().toString());
        assertEquals("1", catalog.inForceOn(kw, LocalDate.of(2027, 1, 1)).version());
    }

    @Test
    void twoDraftsActivatedAtOnceForTheSameDateCannotBothComeIntoForce() throws Exception {
        Tenant kw = tenants.resolve("kwaliteitsprocedure-6-5");
        for (String name : List.of("gelijk-a", "gelijk-b")) {
            admin.copy(kw, "1", new DraftHeader(name, LocalDate.of(2027, 3, 1), "Zelfde datum " + name, ""),
                    "kwaliteitsprocedure-6-5.beheerder");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (String name : List.of("gelijk-a", "gelijk-b")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        admin.activate(kw, name, 0, "kwaliteitsprocedure-6-5.beheerder", List.of("ADMIN"));
                        return "vastgesteld";
                    } catch (RefusedException e) {
                        return "geweigerd";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var r : results) {
                outcomes.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(outcomes);
            assertEquals(List.of("geweigerd", "vastgesteld"), outcomes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, catalog.all(kw.id()).stream().filter(v -> v.name().startsWith("gelijk-")
                && v.status() == VersionStatus.ACTIVE).count());
    }

    @Test
    void aDraftNeedsAVersionNameDateAndTitle() {
        Tenant impuls = tenants.resolve("impuls");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> admin.createFromDrl(impuls,
                new DraftHeader("met spatie", null, " ", ""), Map.of("regulation.drl", "x"), "impuls.beheerder"));
        assertEquals(List.of("effectiveFrom", "title", "version"), e.fields());
        for (String name : List.of("nieuw", "verschil", "a..b", "../x", "-v")) {
            assertEquals(List.of("version"), assertThrows(InvalidInputException.class, () -> admin.createFromDrl(impuls,
                    new DraftHeader(name, LocalDate.of(2027, 1, 1), "Titel", ""), Map.of("regulation.drl", "x"),
                    "impuls.beheerder")).fields(), name + " is a word the pages use, or no safe path segment");
        }
        assertEquals(List.of("rules"), assertThrows(InvalidInputException.class, () -> admin.createFromDrl(impuls,
                new DraftHeader("ok", LocalDate.of(2027, 1, 1), "Titel", ""), Map.of("..drl", "x"),
                "impuls.beheerder")).fields());
    }

    @Test
    void theDiffNamesTheChangedRuleAndLine() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        admin.createFromDrl(izw, new DraftHeader("diff", LocalDate.of(2027, 6, 1), "Verschil", ""),
                izwWithDecisionIn(izw, catalog, 5), "iederzijnwerk.beheerder");
        VersionDiff diff = admin.diff(izw, "1", "diff");
        assertEquals(1, diff.rules().size(), diff.summary());
        VersionDiff.RuleChange change = diff.rules().get(0);
        assertEquals("CHANGED", change.kind());
        assertTrue(change.rule().contains("6 weken de tijd"), change.rule());
        assertTrue(change.lines().contains(new VersionDiff.Line("-", "    " + IZW_DECIDE)));
        assertTrue(change.lines().stream().anyMatch(l -> l.op().equals("+") && l.text().contains("$r, 5, \"WEEKS\"")));
        assertTrue(diff.header().stream().anyMatch(c -> c.field().equals("titel")));
        assertTrue(admin.diff(izw, "1", "1").identical());
    }

    @Test
    void aServiceLineWithItsOwnProcedureFollowsThatRegulation() {
        Tenant impuls = tenants.resolve("impuls");
        var p = impuls.profile();
        List<nl.klachtenregie.tenant.TenantProfile.ServiceLine> lines = new java.util.ArrayList<>(p.serviceLines());
        lines.add(new nl.klachtenregie.tenant.TenantProfile.ServiceLine("COACHING", "Coaching",
                "Eigen klachtenprocedure", "coaching"));
        Tenant withLine = tenants.update(impuls.id(), new nl.klachtenregie.tenant.TenantProfile(p.slug(), p.name(),
                p.contact(), p.complaintAddress(), p.holidayCalendar(), p.extraClosedDays(), p.escalationLadder(),
                p.externalBodies(), p.categories(), lines, p.activationRoles()));
        NewComplaint aboutCoaching = new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.of(2026, 11, 18),
                null, new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1"),
                "Coach kwam niet", withLine.profile().categories().get(0).code(), "COACHING", null, false, false, false);
        assertThrows(nl.klachtenregie.regulation.NoRegulationInForceException.class,
                () -> complaints.create(withLine, aboutCoaching), "no version of 'coaching' is in force yet");

        admin.createFromDrl(withLine, new DraftHeader("coaching-1", LocalDate.of(2026, 1, 1), "Klachtenprocedure coaching",
                "", "coaching"), Map.of("regulation.drl", """
                package rules.coaching;
                import nl.klachtenregie.regulation.*;
                rule "Coaching art. 2: 'binnen twee weken een reactie'"
                when
                    ComplaintFacts($r : receivedOn)
                then
                    insert(new Obligation("DECIDE", $r, 2, "WEEKS", "DECIDED"));
                end
                """), "impuls.beheerder");
        // The main regulation's newest version is from 2025; the coaching one may start earlier: each has its own line.
        admin.activate(withLine, "coaching-1", 0, "impuls.beheerder", List.of("ADMIN"));

        CaseView coaching = complaints.create(withLine, aboutCoaching);
        assertEquals("coaching-1", coaching.regulationVersion());
        assertEquals(LocalDate.of(2026, 12, 2), due(coaching, "DECIDE"));
        assertEquals("2", complaints.create(withLine, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.of(2026, 11, 18), null, aboutCoaching.complainant(), "Iets anders",
                aboutCoaching.category(), null, null, false, false, false)).regulationVersion());

        // The dashboard measures each regulation over its own cases: coaching's decision term apart from Impuls'.
        complaints.recordEvent(withLine, new nl.klachtenregie.complaint.ComplaintId(coaching.id()),
                new nl.klachtenregie.complaint.NewEvent(nl.klachtenregie.complaint.EventType.DECIDED,
                        LocalDate.of(2026, 11, 20), null, null, null, nl.klachtenregie.complaint.Judgement.UNFOUNDED,
                        null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null));
        nl.klachtenregie.kpi.Dashboard d = dashboards.dashboard(withLine, nl.klachtenregie.kpi.Period.parse("2026-11"));
        nl.klachtenregie.kpi.Dashboard.KpiValue coachingDecide = d.kpis().stream()
                .filter(k -> k.regulation().equals("coaching") && "ON_TIME:DECIDE".equals(k.measure())).findFirst()
                .orElseThrow(() -> new AssertionError(d.kpis().toString()));
        assertEquals(1, coachingDecide.numerator());
        assertEquals(1, coachingDecide.denominator());
        assertTrue(coachingDecide.scoped());
        assertTrue(d.kpis().stream().filter(k -> k.regulation().isEmpty() && "ON_TIME:DECIDE".equals(k.measure()))
                .allMatch(k -> k.denominator() == 0), "Impuls' own decision KPI does not count the coaching case");

        // A dry run of a coaching draft replays the coaching cases only, and compares with coaching's version.
        admin.copy(withLine, "coaching-1", new DraftHeader("coaching-2", LocalDate.of(2027, 1, 1), "Coaching 2", "",
                null), "impuls.beheerder");
        assertEquals("coaching", admin.version(withLine, "coaching-2").regulation(), "a copy keeps its regulation");
        nl.klachtenregie.complaint.DryRun.Report report = dryRun.run(withLine,
                admin.version(withLine, "coaching-2").version(), "coaching", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 22));
        assertEquals(1, report.cases(), "only the complaint about coaching");
        assertTrue(report.changes().isEmpty());
    }

    private static LocalDate due(CaseView c, String code) {
        return c.obligations().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().dueOn();
    }

    @Test
    void anUnknownVersionIsNotFound() {
        Tenant impuls = tenants.resolve("impuls");
        assertThrows(nl.klachtenregie.shared.NotFoundException.class, () -> admin.version(impuls, "bestaat-niet"));
        assertNull(catalog.version(impuls.id(), "bestaat-niet").orElse(null));
    }
}
