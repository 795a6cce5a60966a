package nl.klachtenregie.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Verbeterregister as a service: measures are numbered per tenant and year, checked with Dutch messages at their
 * field, logged in the audit log, guarded against stale saves, and never reach another tenant.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementRegisterTest extends ApiTestSupport {

    private static final LocalDate TODAY = LocalDate.parse(nl.klachtenregie.support.TestDatabase.TODAY);
    private static final String ACTOR = "impuls.kwaliteit";

    @Inject
    ImprovementRegister register;
    @Inject
    ImprovementStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;
    @Inject
    TransactionOperations<Connection> tx;

    private Tenant impuls;
    private Tenant klimkoord;
    private String impulsComplaint;
    private String impulsComplaint2;
    private String klimkoordComplaint;

    @BeforeAll
    void complaints() {
        impuls = tenants.resolve("impuls");
        klimkoord = tenants.resolve("klimkoord");
        impulsComplaint = (String) createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-10-01")).get("reference");
        impulsComplaint2 = (String) createComplaint("impuls", complaint("FORMAL", "LETTER", "2026-10-05")).get("reference");
        klimkoordComplaint = (String) createComplaint("klimkoord", complaint("FORMAL", "LETTER", "2026-10-01"))
                .get("reference");
    }

    private static NewMeasure open(String title, List<String> complaints) {
        return new NewMeasure(title, "Wat we gaan doen.", MeasureKind.CORRECTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.COMPLAINTS, null, null), complaints, "Teamleider zorg", TODAY.plusMonths(2),
                MeasureStatus.OPEN, null);
    }

    private static NewMeasure done(String title, LocalDate completedOn) {
        return new NewMeasure(title, null, MeasureKind.PREVENTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.OTHER, null, "Signaal uit het teamoverleg"), List.of(), "Directeur",
                TODAY, MeasureStatus.DONE, completedOn);
    }

    @Test
    void aNewMeasureIsNumberedPerTenantAndYearAndRecordedInTheLog() {
        Tenant fresh = tenants.resolve("iederzijnwerk");
        Measure first = register.create(fresh, done("Eerste", TODAY), "iederzijnwerk.kwaliteit");
        Measure second = register.create(fresh, done("Tweede", TODAY), "iederzijnwerk.kwaliteit");
        assertEquals("VM-2026-001", first.number());
        assertEquals("VM-2026-002", second.number());
        assertEquals(TODAY, first.createdOn());
        assertEquals("iederzijnwerk.kwaliteit", first.createdBy());
        assertEquals(0, first.rowVersion());
        // another year has its own series; this year's goes on where it was
        String nextYear = tx.executeWrite(s -> store.nextNumber(fresh.id(), 2027));
        assertEquals("VM-2027-001", nextYear);
        assertEquals("VM-2026-003", register.create(fresh, done("Derde", TODAY), "iederzijnwerk.kwaliteit").number());
        AuditLog.Entry entry = audit.recent(fresh.id(), 1).get(0);
        assertEquals("IMPROVEMENT_CREATED", entry.action());
        assertEquals("VM-2026-003", entry.subject());
        assertEquals("iederzijnwerk.kwaliteit", entry.actor());
        assertTrue(entry.detail().contains("titel: Derde"), entry.detail());
        assertTrue(entry.detail().contains("herkomst: anders: Signaal uit het teamoverleg"), entry.detail());
    }

    @Test
    void measuresMadeAtTheSameTimeNeverShareANumber() throws Exception {
        Tenant kw = tenants.resolve("kwaliteitsprocedure-6-5");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                jobs.add(() -> register.create(kw, done("Gelijktijdig " + n, TODAY), "kw.kwaliteit").number());
            }
            Set<String> numbers = new TreeSet<>();
            for (Future<String> f : pool.invokeAll(jobs)) {
                numbers.add(f.get());
            }
            assertEquals(10, numbers.size(), numbers::toString);
            assertEquals("VM-2026-001", ((TreeSet<String>) numbers).first());
            assertEquals("VM-2026-010", ((TreeSet<String>) numbers).last());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMeasureNamesTheComplaintsItAnswers() {
        Measure m = register.create(impuls, open("Terugbelafspraken vastleggen", List.of(impulsComplaint2,
                impulsComplaint.toLowerCase(), impulsComplaint)), ACTOR);
        assertEquals(List.of(impulsComplaint, impulsComplaint2), m.complaintReferences(),
                "sorted, once each, whatever the case typed");
        assertEquals(m, register.find(impuls.id(), m.id()).orElseThrow());
        assertTrue(register.complaintIds(impuls.id(), List.of(impulsComplaint)).containsKey(impulsComplaint));
    }

    @Test
    void unknownComplaintReferencesAreNamedInTheError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> register.create(impuls,
                open("Met onbekende klachten", List.of(impulsComplaint, "IMPU-2026-9999", klimkoordComplaint)), ACTOR));
        String message = e.fieldErrors().get("complaints");
        assertTrue(message.contains("IMPU-2026-9999"), message);
        assertTrue(message.contains(klimkoordComplaint), "another tenant's complaint is unknown here: " + message);
        assertFalse(message.contains(impulsComplaint + ","), message);
        assertTrue(register.list(impuls.id()).stream().noneMatch(m -> m.title().equals("Met onbekende klachten")),
                "nothing is stored");
    }

    @Test
    void theValuesAreCheckedWithDutchMessagesAtTheirField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new NewMeasure(" ", "x".repeat(4001),
                null, MeasureLevel.CLIENT, new Origin(OriginType.KPI_BREACH, "KPI:ON_TIME:2026", null), List.of(),
                null, null, MeasureStatus.OPEN, null));
        assertEquals(Set.of("title", "description", "kind", "complaints", "owner", "dueOn"),
                e.fieldErrors().keySet());
        assertEquals("Geef de maatregel een titel.", e.fieldErrors().get("title"));
        assertEquals("Een open maatregel heeft een streefdatum.", e.fieldErrors().get("dueOn"));
        assertTrue(e.fieldErrors().get("complaints").contains("klantniveau"));
        assertEquals("De titel is te lang (hoogstens 200 tekens).", assertThrows(InvalidInputException.class,
                () -> open("t".repeat(201), List.of(impulsComplaint))).fieldErrors().get("title"));
        assertEquals("Vul in wanneer de maatregel is afgerond.", assertThrows(InvalidInputException.class,
                () -> done("Zonder datum", null)).fieldErrors().get("completedOn"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new Origin(OriginType.KPI_BREACH, "TREND:X:2026",
                null)).fieldErrors().get("originKey").contains("begint met KPI:"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new Origin(OriginType.COMPLAINTS, "KPI:X:2026",
                null)).fieldErrors().containsKey("originKey"));
        assertTrue(assertThrows(InvalidInputException.class, () -> open("Zonder klacht", List.of()))
                .fieldErrors().get("complaints").contains("Noem de klacht"));
        assertTrue(assertThrows(InvalidInputException.class, () -> open("Rare klacht", List.of("<script>")))
                .fieldErrors().get("complaints").contains("'<SCRIPT>'"));
        assertNull(new NewMeasure("Teruggezet", null, MeasureKind.CORRECTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.OTHER, null, "x"), List.of(), "Eigenaar", TODAY, MeasureStatus.OPEN, TODAY)
                .completedOn(), "a completion date is kept only for a completed measure");
    }

    @Test
    void aCompletionCannotLieInTheFutureOrBeforeTheMeasureWasRecorded() {
        assertEquals("De datum van afronding kan niet in de toekomst liggen.", assertThrows(
                InvalidInputException.class, () -> register.create(impuls, done("Morgen klaar", TODAY.plusDays(1)),
                        ACTOR)).fieldErrors().get("completedOn"));
        assertTrue(assertThrows(InvalidInputException.class, () -> register.create(impuls,
                done("Gisteren klaar", TODAY.minusDays(1)), ACTOR)).fieldErrors().get("completedOn")
                .contains("vóór de registratie"));
    }

    @Test
    void anUpdateChangesTheMeasureAndLogsWhatChanged() {
        Measure m = register.create(impuls, open("Intakegesprek verbeteren", List.of(impulsComplaint)), ACTOR);
        NewMeasure changed = new NewMeasure("Intakegesprek verbeteren", "Nieuwe checklist.", MeasureKind.CORRECTIVE,
                MeasureLevel.ORGANISATION, new Origin(OriginType.COMPLAINTS, null, null),
                List.of(impulsComplaint, impulsComplaint2), "Coördinator intake", TODAY.plusMonths(1),
                MeasureStatus.DONE, TODAY);
        Measure after = register.update(impuls, m.id(), changed, m.rowVersion(), "impuls.leidinggevende");
        assertEquals(1, after.rowVersion());
        assertEquals(MeasureStatus.DONE, after.status());
        assertEquals(TODAY, after.completedOn());
        assertEquals(List.of(impulsComplaint, impulsComplaint2), after.complaintReferences());
        AuditLog.Entry entry = audit.recent(impuls.id(), 1).get(0);
        assertEquals("IMPROVEMENT_UPDATED", entry.action());
        assertEquals(m.number(), entry.subject());
        assertEquals("impuls.leidinggevende", entry.actor());
        assertTrue(entry.detail().contains("status: 'open' → 'afgerond'"), entry.detail());
        assertTrue(entry.detail().contains("eigenaar: 'Teamleider zorg' → 'Coördinator intake'"), entry.detail());
        assertFalse(entry.detail().contains("titel:"), "only what changed: " + entry.detail());
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Measure m = register.create(impuls, open("Wachttijd telefoon", List.of(impulsComplaint)), ACTOR);
        register.update(impuls, m.id(), open("Wachttijd telefoon korter", List.of(impulsComplaint)), 0, ACTOR);
        ConflictException e = assertThrows(ConflictException.class, () -> register.update(impuls, m.id(),
                open("Mijn versie", List.of(impulsComplaint)), 0, "impuls.directeur"));
        assertTrue(e.getMessage().contains(m.number()), e.getMessage());
        Measure now = register.find(impuls.id(), m.id()).orElseThrow();
        assertEquals("Wachttijd telefoon korter", now.title());
        assertEquals(1, now.rowVersion());
        assertThrows(ConflictException.class, () -> register.review(impuls, m.id(),
                new Review(TODAY, 2026, Effectiveness.EFFECTIVE, null, null), 0, ACTOR));
    }

    @Test
    void anotherTenantCannotSeeOrChangeAMeasure() {
        Measure m = register.create(impuls, open("Alleen van Impuls", List.of(impulsComplaint)), ACTOR);
        assertTrue(register.find(klimkoord.id(), m.id()).isEmpty());
        assertTrue(register.list(klimkoord.id()).stream().noneMatch(x -> x.id() == m.id()));
        assertThrows(NotFoundException.class, () -> register.update(klimkoord, m.id(),
                done("Overgenomen", TODAY), m.rowVersion(), "klimkoord.kwaliteit"));
        assertThrows(NotFoundException.class, () -> register.review(klimkoord, m.id(),
                new Review(TODAY, 2026, Effectiveness.EFFECTIVE, null, null), m.rowVersion(), "klimkoord.kwaliteit"));
        assertEquals("Alleen van Impuls", register.find(impuls.id(), m.id()).orElseThrow().title());
        assertTrue(audit.recent(klimkoord.id(), 50).stream().noneMatch(a -> a.subject().equals(m.number())
                && a.action().startsWith("IMPROVEMENT")), "nothing logged at the other tenant");
    }

    @Test
    void doneMeasuresAwaitTheYearlyEffectivenessReviewUntilReviewed() {
        Measure m = register.create(impuls, done("Klachtenfolder vernieuwd", TODAY), ACTOR);
        assertTrue(m.awaitsReview(2026));
        Measure reviewed = register.review(impuls, m.id(), new Review(TODAY, 2026, Effectiveness.PARTLY,
                "Folder bereikt de thuiszorg nog niet.", "iemand anders"), m.rowVersion(), "impuls.directeur");
        assertEquals(new Review(TODAY, 2026, Effectiveness.PARTLY, "Folder bereikt de thuiszorg nog niet.",
                "impuls.directeur"), reviewed.review(), "the reviewer is who is signed in");
        assertFalse(reviewed.awaitsReview(2026));
        assertTrue(reviewed.awaitsReview(2027), "partly effective: looked at again next year");
        AuditLog.Entry entry = audit.recent(impuls.id(), 1).get(0);
        assertEquals("IMPROVEMENT_REVIEWED", entry.action());
        assertTrue(entry.detail().contains("Directiebeoordeling 2026"), entry.detail());
        assertTrue(entry.detail().contains("deels effectief"), entry.detail());
        Measure effective = register.create(impuls, done("Bereikbaarheid", TODAY), ACTOR);
        effective = register.review(impuls, effective.id(), new Review(TODAY, 2026, Effectiveness.EFFECTIVE, null,
                null), effective.rowVersion(), ACTOR);
        assertFalse(effective.awaitsReview(2027), "found effective: stays reviewed");
    }

    @Test
    void onlyADoneMeasureIsReviewedAndTheReviewYearMustFit() {
        Measure open = register.create(impuls, open("Nog bezig", List.of(impulsComplaint)), ACTOR);
        assertTrue(assertThrows(InvalidInputException.class, () -> register.review(impuls, open.id(),
                new Review(TODAY, 2026, Effectiveness.EFFECTIVE, null, null), open.rowVersion(), ACTOR))
                .fieldErrors().get("review").contains("Alleen een afgeronde maatregel"));
        Measure done = register.create(impuls, done("Klaar", TODAY), ACTOR);
        assertTrue(assertThrows(InvalidInputException.class, () -> register.review(impuls, done.id(),
                new Review(TODAY, 2025, Effectiveness.EFFECTIVE, null, null), done.rowVersion(), ACTOR))
                .fieldErrors().containsKey("year"), "completed in 2026: the review of 2025 cannot judge it");
        assertTrue(assertThrows(InvalidInputException.class, () -> register.review(impuls, done.id(),
                new Review(TODAY.plusDays(1), 2026, Effectiveness.EFFECTIVE, null, null), done.rowVersion(), ACTOR))
                .fieldErrors().containsKey("reviewedOn"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new Review(TODAY, 1999,
                Effectiveness.NOT_EFFECTIVE, " ", null)).fieldErrors().keySet().containsAll(Set.of("year", "notes")));
    }

    @Test
    void aReviewedMeasureStaysDone() {
        Measure m = register.create(impuls, done("Beoordeeld en klaar", TODAY), ACTOR);
        m = register.review(impuls, m.id(), new Review(TODAY, 2026, Effectiveness.EFFECTIVE, null, null),
                m.rowVersion(), ACTOR);
        int version = m.rowVersion();
        long id = m.id();
        assertTrue(assertThrows(InvalidInputException.class, () -> register.update(impuls, id,
                open("Heropend", List.of(impulsComplaint)), version, ACTOR)).fieldErrors().containsKey("status"));
        assertTrue(assertThrows(InvalidInputException.class, () -> register.update(impuls, id,
                done("Later klaar", TODAY.plusDays(1)), version, ACTOR)).fieldErrors().get("completedOn")
                .contains("beoordeeld"), "not completed after its review");
        assertEquals(version, register.find(impuls.id(), id).orElseThrow().rowVersion(), "nothing saved");
    }

    @Test
    void originKeysSayWhichBreachesAndTrendsAreAnswered() {
        Tenant t = tenants.resolve("klimkoord");
        register.create(t, new NewMeasure("Sneller contact", null, MeasureKind.PREVENTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.KPI_BREACH, "KPI:CONTACT_14:2026", "Contact binnen 14 dagen: 60%"), List.of(),
                null, null, MeasureStatus.PROPOSED, null), "klimkoord.kwaliteit");
        register.create(t, new NewMeasure("Zorg bespreken", null, MeasureKind.PREVENTIVE, MeasureLevel.ORGANISATION,
                new Origin(OriginType.TREND, "TREND:RISING_CATEGORY:ZORG:2026-H2", null), List.of(),
                "Teamleider", TODAY.plusDays(30), MeasureStatus.OPEN, null), "klimkoord.kwaliteit");
        assertEquals(Set.of("KPI:CONTACT_14:2026", "TREND:RISING_CATEGORY:ZORG:2026-H2"), register.originKeys(t.id()));
        assertTrue(register.originKeys(impuls.id()).stream().noneMatch(k -> k.contains("CONTACT_14")));
    }

    @Test
    void measuresRelevantToAPeriodAreThoseCreatedDueCompletedOrReviewedInIt() {
        Tenant t = tenants.resolve("klimkoord");
        Measure due = register.create(t, new NewMeasure("Loopt tot volgend jaar", null, MeasureKind.CORRECTIVE,
                MeasureLevel.CLIENT, new Origin(OriginType.COMPLAINTS, null, null), List.of(klimkoordComplaint),
                "Begeleider", LocalDate.of(2027, 3, 1), MeasureStatus.OPEN, null), "klimkoord.kwaliteit");
        assertTrue(register.relevantTo(t.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).contains(due));
        assertTrue(register.relevantTo(t.id(), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)).contains(due),
                "due in the first half of 2027");
        assertFalse(register.relevantTo(t.id(), LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31)).contains(due));
        assertEquals(MeasureLevel.CLIENT, due.level());
        assertThrows(InvalidInputException.class, () -> register.relevantTo(t.id(), LocalDate.of(2027, 1, 2),
                LocalDate.of(2027, 1, 1)));
    }
}
