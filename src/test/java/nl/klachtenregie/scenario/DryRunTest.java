package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.DryRun;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A dry run on a small known set of IederZijnWerk cases, with a draft that shortens the decision term from 6 to 4
 * weeks: exactly the official complaints in the period differ, the KPI "handled within the term" drops, and nothing
 * is written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunTest implements TestPropertyProvider {

    @Inject
    DryRun dryRun;
    @Inject
    RegulationAdministration admin;
    @Inject
    RegulationCatalog catalog;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;

    Tenant izw;
    CaseView decidedInFiveWeeks;
    CaseView open;
    CaseView informalByPhone;
    CaseView longAgo;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @BeforeAll
    void cases() {
        izw = tenants.resolve("iederzijnwerk");
        decidedInFiveWeeks = complaints.create(izw, complaint(ComplaintKind.FORMAL, Channel.LETTER,
                LocalDate.of(2026, 9, 1)));
        complaints.recordEvent(izw, new ComplaintId(decidedInFiveWeeks.id()),
                NewEvent.of(EventType.ACKNOWLEDGED, LocalDate.of(2026, 9, 2)));
        complaints.recordEvent(izw, new ComplaintId(decidedInFiveWeeks.id()), decided(LocalDate.of(2026, 10, 6)));
        open = complaints.create(izw, complaint(ComplaintKind.FORMAL, Channel.EMAIL, LocalDate.of(2026, 11, 10)));
        informalByPhone = complaints.create(izw, complaint(ComplaintKind.INFORMAL, Channel.PHONE,
                LocalDate.of(2026, 10, 1)));
        longAgo = complaints.create(izw, complaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.of(2025, 6, 2)));
        admin.createFromDrl(izw, new DraftHeader("vier-weken", LocalDate.of(2027, 1, 1), "Beslissen in 4 weken", ""),
                RegulationVersioningTest.izwWithDecisionIn(izw, catalog, 4), "iederzijnwerk.beheerder");
    }

    @Test
    void dryRunShowsTheDeadlinesThatWouldMoveAndNothingElse() {
        String before = snapshot();
        DryRun.Report report = dryRun.lastTwelveMonths(izw, admin.version(izw, "vier-weken").version());
        assertEquals(LocalDate.of(2025, 11, 23), report.from());
        assertEquals(3, report.cases(), "the complaint of June 2025 lies outside the last twelve months");
        assertEquals(List.of(decidedInFiveWeeks.reference(), open.reference()),
                report.changes().stream().map(DryRun.CaseChange::reference).toList());

        DryRun.ObligationChange decided = only(report.changes().get(0));
        assertEquals("DECIDE", decided.code());
        assertEquals(LocalDate.of(2026, 10, 13), decided.dueBefore());
        assertEquals(LocalDate.of(2026, 9, 29), decided.dueAfter());
        assertEquals(ObligationStatus.MET, decided.statusBefore());
        assertEquals(ObligationStatus.MET_LATE, decided.statusAfter());

        DryRun.ObligationChange stillOpen = only(report.changes().get(1));
        assertEquals(LocalDate.of(2026, 12, 22), stillOpen.dueBefore());
        assertEquals(LocalDate.of(2026, 12, 8), stillOpen.dueAfter());
        assertEquals(ObligationStatus.OPEN, stillOpen.statusAfter());
        assertFalse(report.changes().get(0).registrationChanged());

        DryRun.KpiComparison onTime = report.kpis().stream()
                .filter(k -> k.code().equals("AFGEHANDELD_BINNEN_TERMIJN")).findFirst().orElseThrow();
        assertEquals(1.0, onTime.valueBefore(), "decided in 5 of 6 weeks: on time");
        assertEquals(0.0, onTime.valueAfter(), "decided in 5 of 4 weeks: late");
        assertTrue(onTime.metBefore());
        assertFalse(onTime.metAfter());
        DryRun.KpiComparison acknowledged = report.kpis().stream()
                .filter(k -> k.code().equals("ONTVANGSTBEVESTIGING_BINNEN_5_WERKDAGEN")).findFirst().orElseThrow();
        assertFalse(acknowledged.differs());
        assertTrue(report.failures().isEmpty(), report.failures().toString());

        assertEquals(before, snapshot(), "a dry run writes nothing");
    }

    @Test
    void aChosenPeriodReplaysOnlyItsCases() {
        DryRun.Report report = dryRun.run(izw, admin.version(izw, "vier-weken").version(),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(1, report.cases());
        assertEquals(List.of(longAgo.reference()),
                report.changes().stream().map(DryRun.CaseChange::reference).toList());
        assertEquals(LocalDate.of(2025, 12, 31), report.asOf());
    }

    @Test
    void aDraftIdenticalToTheActiveVersionChangesNothing() {
        admin.copy(izw, "1", new DraftHeader("gelijk", LocalDate.of(2027, 2, 1), "Ongewijzigd", ""),
                "iederzijnwerk.beheerder");
        DryRun.Report report = dryRun.lastTwelveMonths(izw, admin.version(izw, "gelijk").version());
        assertEquals(3, report.cases());
        assertTrue(report.changes().isEmpty());
        assertTrue(report.kpis().stream().noneMatch(DryRun.KpiComparison::differs));
    }

    @Test
    void aBadPeriodIsRefusedWithAClearMessage() {
        var draft = admin.version(izw, "vier-weken").version();
        InvalidInputException reversed = assertThrows(InvalidInputException.class,
                () -> dryRun.run(izw, draft, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)));
        assertEquals("de einddatum ligt voor de begindatum", reversed.fieldErrors().get("to"));
        assertThrows(InvalidInputException.class,
                () -> dryRun.run(izw, draft, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThrows(InvalidInputException.class,
                () -> dryRun.run(izw, draft, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1)));
    }

    private static DryRun.ObligationChange only(DryRun.CaseChange change) {
        assertEquals(1, change.obligations().size(), change.toString());
        return change.obligations().get(0);
    }

    private String snapshot() {
        return tx.executeRead(s -> db.query("SELECT c.id, c.row_version, c.outcome_json, o.code, o.due_on, o.met_on "
                        + "FROM complaint c LEFT JOIN obligation o ON o.complaint_id = c.id WHERE c.tenant_id = ? "
                        + "ORDER BY c.id, o.id",
                rs -> rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getString(3).hashCode() + "/" + rs.getString(4)
                        + "/" + rs.getString(5) + "/" + rs.getString(6), izw.id().value()).toString());
    }

    private static NewEvent decided(LocalDate on) {
        return new NewEvent(EventType.DECIDED, on, null, null, null,
                nl.klachtenregie.complaint.Judgement.PARTLY_WELL_FOUNDED, "Excuses en nieuwe afspraken", on.plusMonths(1),
                "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null);
    }

    private static NewComplaint complaint(ComplaintKind kind, Channel channel, LocalDate receivedOn) {
        return new NewComplaint(kind, channel, receivedOn, null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1, Sneek"),
                "Afspraken niet nagekomen", "BEJEGENING", null, null, false, false, false);
    }
}
