package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Granularity;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the case engine promises every regulation, shown on a thuiszorg organisation's own (Wkkgz) regulation: a duty
 * the rules made never lapses silently, a term can stand still while the handler waits (as the regulation allows), one
 * call can meet two duties, a complaint can start at a higher rung, an extension recorded late is accepted only on the
 * evidence of a notice sent in time and waits for a second person, and a longer extension needs the complainant's
 * consent (Wkkgz art. 17 lid 2). Against the real database, through the service, with the product's clock moved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsAndDutiesScenarioTest implements TestPropertyProvider {

    static final String SLUG = "thuiszorg-de-linde";

    static final String DRL = """
            package rules.thuiszorg;

            import nl.klachtenregie.regulation.*;

            rule "Thuiszorg De Linde art. 2: 'Binnen vijf werkdagen krijgt de klager een ontvangstbevestiging'"
            when
                ComplaintFacts($r : receivedOn)
            then
                insert(new Obligation("ACKNOWLEDGE", $r, 5, "WORKING_DAYS", "ACKNOWLEDGED"));
            end

            rule "Thuiszorg De Linde art. 3: 'De directie wordt van elke klacht op de hoogte gesteld'"
            when
                ComplaintFacts($r : receivedOn)
            then
                insert(new Obligation("INFORM_MANAGEMENT", $r, 0, "NONE", "MANAGEMENT_INFORMED"));
            end

            rule "Thuiszorg De Linde art. 4: 'Binnen tien werkdagen neemt de behandelaar contact op'"
            when
                ComplaintFacts($r : receivedOn)
            then
                insert(new Obligation("CONTACT", $r, 10, "WORKING_DAYS", "CONTACTED"));
            end

            rule "Thuiszorg De Linde art. 5: 'Binnen 5 werkdagen neemt de klachtenfunctionaris contact op' (rechtstreeks)"
            when
                ComplaintFacts(intakeLevel == "KF", $r : receivedOn)
            then
                insert(new Obligation("KF_CONTACT", $r, 5, "WORKING_DAYS", "CONTACTED", "",
                    "neemt de klachtenfunctionaris contact met u op"));
            end

            rule "Thuiszorg De Linde art. 5: 'Binnen 5 werkdagen neemt de klachtenfunctionaris contact op' (na escalatie)"
            when
                ComplaintFacts()
                EventFacts(type == "ESCALATED", level == "KF", $e : on)
            then
                insert(new Obligation("KF_CONTACT", $e, 5, "WORKING_DAYS", "CONTACTED", "",
                    "neemt de klachtenfunctionaris contact met u op"));
            end

            rule "Thuiszorg De Linde art. 6 (Wkkgz art. 17 lid 1): 'binnen zes weken een schriftelijk, gemotiveerd oordeel'"
            when
                ComplaintFacts(kind == "FORMAL", $r : receivedOn)
            then
                insert(new Obligation("DECIDE", $r, 6, "WEEKS", "DECIDED", "Wkkgz art. 17 lid 1", ""));
            end

            rule "Thuiszorg De Linde art. 6 lid 2 (Wkkgz art. 17 lid 2): 'eenmaal ten hoogste vier weken verlengen; langer met instemming van de klager'"
            when
                ComplaintFacts(kind == "FORMAL")
            then
                insert(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true));
            end

            rule "Thuiszorg De Linde art. 7: 'Wachten wij op de klager, dan staat de termijn voor contact stil, samen hoogstens 14 dagen'"
            when
                TenantFacts()
            then
                insert(new SuspensionPolicy("CONTACT", 14, false));
                insert(new SuspensionPolicy("DECIDE", 0, false));
            end

            rule "Thuiszorg De Linde art. 8: escalatie naar de klachtenfunctionaris"
            when
                ComplaintFacts($next : nextEscalationLevel, nextEscalationLevel != "")
            then
                insert(new EscalationOption($next));
            end

            rule "Thuiszorg De Linde art. 9: 'de cliëntvertrouwenspersoon ondersteunt; de geschilleninstantie beslist'"
            when
                ComplaintFacts()
            then
                insert(new ExternalBodyReference("CVP", false));
                insert(new ExternalBodyReference("GESCHILLENINSTANTIE", true));
            end
            """;

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    RegulationCatalog catalog;
    @Inject
    UserDirectory users;
    @Inject
    AuditLog audit;
    @Inject
    DashboardService dashboards;
    @Inject
    MovableClock clock;
    @Inject
    nl.klachtenregie.complaint.ComplaintRegister register;
    @Inject
    nl.klachtenregie.shared.Db db;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    private UserId handler;
    private UserId manager;
    private UserId quality;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    @BeforeAll
    void organisation() {
        TenantProfile profile = new TenantProfile(SLUG, "Thuiszorg De Linde", null, null, null, null,
                List.of(new TenantProfile.EscalationLevel("EMPLOYEE", "medewerker"),
                        new TenantProfile.EscalationLevel("KF", "klachtenfunctionaris")),
                List.of(new TenantProfile.ExternalBody("CVP", "cliëntvertrouwenspersoon", "Cliëntvertrouwenspersoon "
                                + "Zorg", "", "", ""),
                        new TenantProfile.ExternalBody("GESCHILLENINSTANTIE", "geschilleninstantie",
                                "Geschilleninstantie Zorg", "Postbus 1, 1000 AA Amsterdam", "", "")),
                List.of(new TenantProfile.Category("ZORG", "Zorg"), new TenantProfile.Category("OVERIG", "Overig")),
                List.of(), null, null, null, "WKKGZ");
        Tenant t = tenants.create(profile);
        catalog.add(t.id(), new RegulationVersion("1", LocalDate.of(2020, 1, 1), "Klachtenregeling De Linde", "test",
                RuleSet.of("regulation.drl", DRL), ""));
        handler = users.create(t.id(), "linde.medewerker", "M. Medewerker", "een lang wachtwoord",
                Set.of(Role.STAFF)).id();
        manager = users.create(t.id(), "linde.leidinggevende", "L. Leiding", "een lang wachtwoord",
                Set.of(Role.MANAGER)).id();
        quality = users.create(t.id(), "linde.kwaliteit", "K. Kwaliteit", "een lang wachtwoord",
                Set.of(Role.COMPLIANCE)).id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Tenant tenant() {
        return tenants.resolve(SLUG);
    }

    private CaseView file(ComplaintKind kind, String receivedOn) {
        return file(new NewComplaint(kind, Channel.LETTER, LocalDate.parse(receivedOn), null,
                new Complainant("A. Klager", ComplainantRole.CLIENT, "a@example.org", "0612345678", "Laan 1", "Ede"),
                "De zorg kwam niet op de afgesproken tijd.", "ZORG", null, null, false, false));
    }

    private CaseView file(NewComplaint intake) {
        return complaints.create(tenant(), intake);
    }

    private CaseView record(CaseView c, NewEvent e) {
        return record(c, e, handler);
    }

    private CaseView record(CaseView c, NewEvent e, UserId by) {
        return complaints.recordEvent(tenant(), new ComplaintId(c.id()), e, null, by);
    }

    private static NewEvent at(EventType type, String on) {
        return NewEvent.of(type, LocalDate.parse(on));
    }

    private static CaseView.ObligationView duty(CaseView c, String code) {
        return c.obligations().stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + c.obligations()));
    }

    private static NewEvent decided(String on) {
        return new NewEvent(EventType.DECIDED, LocalDate.parse(on), null, null, null, Judgement.UNFOUNDED, null, null,
                "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null);
    }

    // --- 3. Closing never lets a duty lapse silently ----------------------------------------------------------

    @Test
    void closingIsRefusedWhileADutyNobodyMetIsOpenAndNamesEachOne() {
        clock.set("2026-06-30");
        CaseView c = file(ComplaintKind.FORMAL, "2026-06-01");
        record(c, at(EventType.ACKNOWLEDGED, "2026-06-02"));
        record(c, at(EventType.CONTACTED, "2026-06-03"));
        CaseView decidedCase = record(c, decided("2026-06-20"));
        assertEquals("DECIDED", decidedCase.status().name());

        RefusedException refused = assertThrows(RefusedException.class,
                () -> record(c, at(EventType.CLOSED, "2026-06-22")));
        assertTrue(refused.reasons().get(0).startsWith("Het dossier kan nog niet worden gesloten"), refused::getMessage);
        assertTrue(refused.reasons().stream().anyMatch(r -> r.startsWith("Open: Leiding informeren")
                && r.contains("Thuiszorg De Linde art. 3")), refused.reasons()::toString);
        assertEquals("DECIDED", complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null).status().name());

        // a reason is required, and the duty must be one of the case's
        InvalidInputException noReason = assertThrows(InvalidInputException.class, () -> record(c,
                NewEvent.about(EventType.DUTY_SET_ASIDE, LocalDate.parse("2026-06-22"), List.of("INFORM_MANAGEMENT"),
                        null)));
        assertTrue(noReason.fieldErrors().containsKey("reason"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> record(c,
                NewEvent.about(EventType.DUTY_SET_ASIDE, LocalDate.parse("2026-06-22"), List.of("INFORM_DIRECTOR"),
                        "typo")));
        assertTrue(unknown.fieldErrors().get("codes").contains("INFORM_DIRECTOR"), unknown::getMessage);

        CaseView setAside = record(c, NewEvent.about(EventType.DUTY_SET_ASIDE, LocalDate.parse("2026-06-22"),
                List.of("INFORM_MANAGEMENT"), "De directeur was zelf bij het gesprek; een aparte melding is overbodig."));
        CaseView.ObligationView inform = duty(setAside, "INFORM_MANAGEMENT");
        assertEquals(ObligationStatus.SET_ASIDE, inform.status());
        assertEquals("De directeur was zelf bij het gesprek; een aparte melding is overbodig.", inform.setAsideReason());
        CaseView closed = record(c, at(EventType.CLOSED, "2026-06-23"));
        assertEquals("CLOSED", closed.status().name());
        // nothing was waived by closing
        assertTrue(closed.obligations().stream().noneMatch(o -> o.status() == ObligationStatus.WAIVED));
    }

    @Test
    void aTermThatRanOutStaysMissedAndDoesNotBlockClosing() {
        clock.set("2026-08-31");
        CaseView c = file(ComplaintKind.INFORMAL, "2026-07-01");
        record(c, at(EventType.MANAGEMENT_INFORMED, "2026-07-01"));
        record(c, at(EventType.CONTACTED, "2026-07-02"));
        record(c, new NewEvent(EventType.RESOLVED_INFORMALLY, LocalDate.parse("2026-07-20"), null, null, null, null,
                null, null, null, "Opgelost", null, null));
        // the acknowledgement (due 08-07) was never sent: missed, on record, not in the way of closing
        CaseView closed = record(c, at(EventType.CLOSED, "2026-08-31"));
        assertEquals(ObligationStatus.OVERDUE, duty(closed, "ACKNOWLEDGE").status());
    }

    @Test
    void aSetAsideDutyCountsAsNotMetOnTime() {
        // 2025 only in this test: the contact duty of one complaint met on time, of the other set aside
        clock.set("2025-12-31");
        CaseView met = file(ComplaintKind.INFORMAL, "2025-03-03");
        record(met, at(EventType.CONTACTED, "2025-03-04"));
        CaseView aside = file(ComplaintKind.INFORMAL, "2025-03-10");
        record(aside, NewEvent.about(EventType.DUTY_SET_ASIDE, LocalDate.parse("2025-03-11"), List.of("CONTACT"),
                "De klager wil geen contact."));
        Dashboard d = dashboards.dashboard(tenant(), new Period(Granularity.YEAR, 2025, 1));
        Dashboard.KpiValue contact = d.kpis().stream().filter(k -> "ON_TIME:CONTACT".equals(k.measure())).findFirst()
                .orElseThrow(() -> new AssertionError(d.kpis().toString()));
        assertEquals(1, contact.numerator());
        assertEquals(2, contact.denominator());
    }

    // --- 4. Suspension ----------------------------------------------------------------------------------------

    @Test
    void aSuspendedTermMovesByTheSuspendedWorkingDays() {
        clock.set("2026-03-20");
        // CONTACT: 10 working days after Mon 02-03-2026 = Mon 16-03
        CaseView c = file(ComplaintKind.INFORMAL, "2026-03-02");
        assertEquals(LocalDate.of(2026, 3, 16), duty(c, "CONTACT").dueOn());
        CaseView suspended = record(c, NewEvent.about(EventType.TERM_SUSPENDED, LocalDate.parse("2026-03-10"),
                List.of("CONTACT"), "Wacht op het telefoonnummer van de dochter van de klager."));
        CaseView.ObligationView waiting = duty(suspended, "CONTACT");
        assertEquals(ObligationStatus.SUSPENDED, waiting.status());
        // the regulation caps the suspension at 14 days (10-03 t/m 23-03, ten working days): the term ends at the
        // latest on Mon 30-03 even if nobody resumes it
        assertEquals(LocalDate.of(2026, 3, 30), waiting.dueOn());
        assertTrue(waiting.explanation().contains("opgeschort 10-03 t/m 23-03 (nog niet hervat; hoogstens 14 dagen)"),
                waiting.explanation());
        assertTrue(suspended.nextActions().contains("TERM_RESUMED"));

        // resumed on Wed 18-03: 10, 11, 12, 13, 16 and 17 March stood still, six working days: Tue 24-03
        CaseView resumed = record(c, NewEvent.about(EventType.TERM_RESUMED, LocalDate.parse("2026-03-18"), List.of(),
                null));
        CaseView.ObligationView contact = duty(resumed, "CONTACT");
        assertEquals(LocalDate.of(2026, 3, 24), contact.dueOn());
        assertEquals(ObligationStatus.OPEN, contact.status());
        assertTrue(contact.explanation().contains("opgeschort 10-03 t/m 17-03: +6 werkdagen"), contact.explanation());
        // the acknowledgement was not suspended
        assertEquals(LocalDate.of(2026, 3, 9), duty(resumed, "ACKNOWLEDGE").dueOn());
    }

    @Test
    void suspensionIsRefusedWhereTheRegulationDoesNotAllowItOrTheInputIsWrong() {
        clock.set("2026-04-30");
        CaseView c = file(ComplaintKind.FORMAL, "2026-04-01");
        // the statutory six weeks (Wkkgz art. 17 lid 1): this regulation does not let them stand still
        RefusedException statutory = assertThrows(RefusedException.class, () -> record(c, NewEvent.about(
                EventType.TERM_SUSPENDED, LocalDate.parse("2026-04-10"), List.of("DECIDE"), "Wacht op de klager")));
        assertTrue(statutory.getMessage().contains("wettelijke termijn (Wkkgz art. 17 lid 1)"), statutory::getMessage);
        // the acknowledgement has no suspension policy at all
        RefusedException notAllowed = assertThrows(RefusedException.class, () -> record(c, NewEvent.about(
                EventType.TERM_SUSPENDED, LocalDate.parse("2026-04-02"), List.of("ACKNOWLEDGE"), "Wacht")));
        assertTrue(notAllowed.getMessage().contains("staat niet toe de termijn"), notAllowed::getMessage);
        // an unknown code is bad input naming the field
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> record(c, NewEvent.about(
                EventType.TERM_SUSPENDED, LocalDate.parse("2026-04-02"), List.of("CONTCT"), "Wacht")));
        assertTrue(unknown.fieldErrors().containsKey("codes"));
        // a resumption without a suspension, and one dated before it
        assertThrows(RefusedException.class, () -> record(c, NewEvent.about(EventType.TERM_RESUMED,
                LocalDate.parse("2026-04-03"), List.of(), null)));
        record(c, NewEvent.about(EventType.TERM_SUSPENDED, LocalDate.parse("2026-04-08"), List.of("CONTACT"),
                "Wacht op de klager"));
        RefusedException early = assertThrows(RefusedException.class, () -> record(c, NewEvent.about(
                EventType.TERM_RESUMED, LocalDate.parse("2026-04-07"), List.of("CONTACT"), null)));
        assertTrue(early.getMessage().contains("vóór de opschorting"), early::getMessage);
        // a term that has run out cannot be suspended any more
        CaseView other = file(ComplaintKind.INFORMAL, "2026-04-01");
        RefusedException expired = assertThrows(RefusedException.class, () -> record(other, NewEvent.about(
                EventType.TERM_SUSPENDED, LocalDate.parse("2026-04-20"), List.of("CONTACT"), "Te laat")));
        assertTrue(expired.getMessage().contains("verstreken"), expired::getMessage);
    }

    // --- 5. One event, several duties; intake at a rung -------------------------------------------------------

    @Test
    void oneCallMeetsTheLateContactAndTheKlachtenfunctionarisContactThatAnEscalationStarted() {
        clock.set("2026-02-28");
        // CONTACT: 10 working days after Mon 02-02-2026 = Mon 16-02
        CaseView c = file(ComplaintKind.INFORMAL, "2026-02-02");
        CaseView escalated = record(c, new NewEvent(EventType.ESCALATED, LocalDate.parse("2026-02-13"), null, "KF",
                null, null, null, null, null, null, null, null));
        // KF_CONTACT: 5 working days after Fri 13-02 = Fri 20-02
        assertEquals(LocalDate.of(2026, 2, 20), duty(escalated, "KF_CONTACT").dueOn());
        assertEquals("neemt de klachtenfunctionaris contact met u op", duty(escalated, "KF_CONTACT").label());
        CaseView called = record(c, at(EventType.CONTACTED, "2026-02-18"));
        assertEquals(ObligationStatus.MET_LATE, duty(called, "CONTACT").status());
        assertEquals(ObligationStatus.MET, duty(called, "KF_CONTACT").status());
    }

    @Test
    void aComplaintMadeDirectlyToTheKlachtenfunctionarisStartsAtThatRung() {
        clock.set("2026-05-29");
        NewComplaint direct = new NewComplaint(ComplaintKind.FORMAL, Channel.EMAIL, LocalDate.parse("2026-05-04"),
                null, new Complainant("B. Klager", ComplainantRole.CLIENT, "b@example.org", null, null, null),
                "Ik wil met de klachtenfunctionaris spreken.", "ZORG", null, null, false, false, false, "KF");
        CaseView c = file(direct);
        assertEquals("KF", c.escalationLevel());
        assertEquals("KF", c.intakeLevel());
        // Mon 04-05 + 5 working days, 5 mei skipped: Tue 12-05
        assertEquals(LocalDate.of(2026, 5, 12), duty(c, "KF_CONTACT").dueOn());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> file(direct.atLevel("DIRECTIE")));
        assertTrue(unknown.fieldErrors().containsKey("escalationLevel"));
    }

    @Test
    void aReferralToASupportingBodyKeepsTheDutiesRunningAndOneToTheGeschilleninstantieEndsThem() {
        clock.set("2026-09-30");
        CaseView supported = file(ComplaintKind.FORMAL, "2026-09-01");
        CaseView cvp = record(supported, new NewEvent(EventType.REFERRED_EXTERNAL, LocalDate.parse("2026-09-02"),
                null, null, "CVP", null, null, null, null, null, null, null));
        assertEquals("IN_PROGRESS", cvp.status().name());
        assertEquals(ObligationStatus.OPEN, duty(cvp, "DECIDE").status());
        assertFalse(cvp.nextActions().contains("CLOSED"));

        CaseView taken = file(ComplaintKind.FORMAL, "2026-09-01");
        CaseView committee = record(taken, new NewEvent(EventType.REFERRED_EXTERNAL, LocalDate.parse("2026-09-02"),
                null, null, "GESCHILLENINSTANTIE", null, null, null, null, null, null, null));
        assertEquals("REFERRED_EXTERNAL", committee.status().name());
        assertEquals(ObligationStatus.WAIVED, duty(committee, "DECIDE").status());
        assertTrue(duty(committee, "DECIDE").explanation().contains("doorverwezen naar GESCHILLENINSTANTIE"));
        assertEquals("CLOSED", record(taken, at(EventType.CLOSED, "2026-09-03")).status().name());
    }

    // --- 2. Facts recorded late, with a trace -----------------------------------------------------------------

    @Test
    void anEventRecordedMoreThanTwoWorkingDaysLaterIsMarkedAndShowsBothDates() {
        clock.set("2026-10-08");
        CaseView c = file(ComplaintKind.INFORMAL, "2026-10-01");
        // Thu 01-10: recorded Thu 08-10, five working days later
        CaseView late = record(c, at(EventType.ACKNOWLEDGED, "2026-10-01"));
        CaseView.EventView ack = late.events().get(0);
        assertNotNull(ack.recordedAt());
        assertEquals(LocalDate.of(2026, 10, 8), ack.recordedAt().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                .toLocalDate());
        assertTrue(ack.recordedLate());
        // The logboek and the register keep both days as well.
        AuditLog.Entry logged = audit.recent(tenant().id(), 1).get(0);
        assertEquals("EVENT_RECORDED_LATE", logged.action());
        assertEquals(c.reference(), logged.subject());
        assertEquals("linde.medewerker", logged.actor());
        assertEquals("Ontvangst bevestigd van 01-10-2026 achteraf vastgelegd op 08-10-2026.", logged.detail());
        var row = register.register(tenant().id(), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-08"), nl.klachtenregie.complaint.ComplaintRegister.Variant.ANONYMISED,
                nl.klachtenregie.complaint.ComplaintRegister.Selection.RECEIVED).rows().stream()
                .filter(r -> r.reference().equals(c.reference())).findFirst().orElseThrow();
        assertEquals(List.of(new nl.klachtenregie.complaint.ComplaintRegister.LateRecording(EventType.ACKNOWLEDGED,
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-08"))), row.recordedLate());
        // two working days after (Mon 05-10 for an event of Thu 01-10) is not late
        clock.set("2026-10-05");
        CaseView other = file(ComplaintKind.INFORMAL, "2026-10-01");
        assertFalse(record(other, at(EventType.ACKNOWLEDGED, "2026-10-01")).events().get(0).recordedLate());
        assertEquals(logged.id(), audit.recent(tenant().id(), 1).get(0).id(), "on time: nothing for the logboek");
    }

    @Test
    void anExtensionAnnouncedInTimeButRecordedLateIsAcceptedOnTheEvidenceAndWaitsForASecondPerson() {
        // DECIDE: 6 weeks after Mon 01-06-2026 = Mon 13-07-2026
        clock.set("2026-06-01");
        CaseView c = file(ComplaintKind.FORMAL, "2026-06-01");
        assertEquals(LocalDate.of(2026, 7, 13), duty(c, "DECIDE").dueOn());
        clock.set("2026-07-20");
        NewEvent extension = new NewEvent(EventType.EXTENSION_ANNOUNCED, LocalDate.parse("2026-07-08"), 4, null, null,
                null, null, null, null, null, null, null);
        RefusedException withoutEvidence = assertThrows(RefusedException.class, () -> record(c, extension));
        assertTrue(withoutEvidence.getMessage().contains("datum en het kenmerk van die brief"),
                withoutEvidence::getMessage);
        RefusedException lateNotice = assertThrows(RefusedException.class, () -> record(c, extension.withNotice(
                LocalDate.parse("2026-07-14"), "brief 14-07", "vergeten")));
        assertTrue(lateNotice.getMessage().contains("niet op tijd aangekondigd"), lateNotice::getMessage);
        InvalidInputException partial = assertThrows(InvalidInputException.class, () -> record(c,
                extension.withNotice(LocalDate.parse("2026-07-08"), null, null)));
        assertTrue(partial.fieldErrors().keySet().containsAll(List.of("noticeReference", "reason")));

        CaseView accepted = record(c, extension.withNotice(LocalDate.parse("2026-07-08"), "brief 08-07, kenmerk DL-17",
                "De behandelaar was ziek; de brief is wel op 8 juli verstuurd."));
        assertEquals(LocalDate.of(2026, 8, 10), duty(accepted, "DECIDE").dueOn());
        CaseView.EventView recorded = accepted.events().get(0);
        assertTrue(recorded.recordedLate());
        assertTrue(recorded.awaitingConfirmation());
        assertEquals("brief 08-07, kenmerk DL-17", recorded.noticeReference());
        assertTrue(audit.recent(tenant().id(), 10).stream().anyMatch(e -> e.action().equals("EXTENSION_RECORDED_LATE")
                && e.detail().contains("brief 08-07, kenmerk DL-17")));
        assertTrue(complaints.unconfirmed(tenant()).stream().anyMatch(u -> u.complaintId() == c.id()));
        Dashboard d = dashboards.dashboard(tenant(), new Period(Granularity.YEAR, 2026, 1));
        assertTrue(d.toConfirm().stream().anyMatch(u -> u.complaintId() == c.id()));

        // four eyes: not the recorder
        RefusedException self = assertThrows(RefusedException.class,
                () -> complaints.confirmLateEvent(tenant(), new ComplaintId(c.id()), 1, handler));
        assertTrue(self.getMessage().contains("vier ogen"), self::getMessage);
        CaseView confirmed = complaints.confirmLateEvent(tenant(), new ComplaintId(c.id()), 1, quality);
        assertFalse(confirmed.events().get(0).awaitingConfirmation());
        assertEquals("K. Kwaliteit", confirmed.events().get(0).confirmedBy());
        assertThrows(RefusedException.class, () -> complaints.confirmLateEvent(tenant(), new ComplaintId(c.id()), 1,
                manager));
        assertTrue(complaints.unconfirmed(tenant()).stream().noneMatch(u -> u.complaintId() == c.id()));
    }

    @Test
    void anExtensionBeyondFourWeeksNeedsTheComplainantsDocumentedConsent() {
        clock.set("2026-06-20");
        CaseView c = file(ComplaintKind.FORMAL, "2026-06-15");
        NewEvent eightWeeks = new NewEvent(EventType.EXTENSION_ANNOUNCED, LocalDate.parse("2026-06-19"), 8, null, null,
                null, null, null, null, null, null, null);
        RefusedException refused = assertThrows(RefusedException.class, () -> record(c, eightWeeks));
        assertTrue(refused.getMessage().contains("Wkkgz art. 17 lid 2"), refused::getMessage);
        InvalidInputException partial = assertThrows(InvalidInputException.class, () -> record(c,
                eightWeeks.withConsent("de klager", null, null)));
        assertTrue(partial.fieldErrors().keySet().containsAll(List.of("consentOn", "consentHow")));
        CaseView extended = record(c, eightWeeks.withConsent("de klager, mevrouw A. Klager",
                LocalDate.parse("2026-06-18"), "telefonisch, bevestigd per e-mail"));
        // 15-06 + 6 weeks = 27-07, + 8 weeks = 21-09-2026
        assertEquals(LocalDate.of(2026, 9, 21), duty(extended, "DECIDE").dueOn());
        assertEquals("de klager, mevrouw A. Klager", extended.events().get(0).consentBy());
    }

    // --- 1. The corrected calendar reaches the stored terms of open cases -----------------------------------------

    @Test
    void theDailyReEvaluationMovesAStoredTermOfAnOpenCaseToTheCorrectedCalendarAndLeavesAClosedCaseAsItWas() {
        // Stored before the correction: six weeks after Fri 20-02-2026 ended on Goede Vrijdag 03-04. Now: Tue 07-04.
        clock.set("2026-03-02");
        CaseView open = file(ComplaintKind.FORMAL, "2026-02-20");
        CaseView closed = file(ComplaintKind.FORMAL, "2026-02-20");
        record(closed, new NewEvent(EventType.REFERRED_EXTERNAL, LocalDate.parse("2026-02-23"), null, null,
                "GESCHILLENINSTANTIE", null, null, null, null, null, null, null));
        record(closed, at(EventType.CLOSED, "2026-02-24"));
        for (CaseView c : List.of(open, closed)) {
            tx.executeWrite(status -> db.update("UPDATE obligation SET due_on = ?, base_due_on = ?, explanation = ? WHERE complaint_id = ? "
                    + "AND code = 'DECIDE'", LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 3),
                    "6 weken: 03-04-2026", c.id()));
        }
        assertTrue(complaints.reEvaluate(tenant(), new ComplaintId(open.id())));
        CaseView.ObligationView decide = duty(complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(open.id()), null), "DECIDE");
        assertEquals(LocalDate.of(2026, 4, 7), decide.dueOn());
        assertTrue(decide.explanation().contains("03-04 Goede Vrijdag (Atw art. 3 lid 2)"), decide.explanation());
        // a closed case keeps its history
        assertFalse(complaints.reEvaluate(tenant(), new ComplaintId(closed.id())));
        assertEquals(LocalDate.of(2026, 4, 3), duty(complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(closed.id()), null),
                "DECIDE").dueOn());
    }

    // --- 7. Before the first version ---------------------------------------------------------------------------

    @Test
    void aComplaintReceivedBeforeTheFirstVersionIsRegisteredUnderItWithANote() {
        clock.set("2019-07-01");
        CaseView c = file(ComplaintKind.INFORMAL, "2019-06-03");
        assertEquals("1", c.regulationVersion());
        assertNotNull(c.versionNote());
        assertTrue(c.versionNote().contains("vóór de ingangsdatum van versie 1 (01-01-2020)"), c.versionNote());
        clock.set("2020-07-01");
        assertNull(file(ComplaintKind.INFORMAL, "2020-06-01").versionNote());
    }
}
