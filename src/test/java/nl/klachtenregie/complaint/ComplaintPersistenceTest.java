package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Cases, timelines and obligations on the real MySQL-protocol server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintPersistenceTest implements TestPropertyProvider {

    @Inject
    ComplaintService service;
    @Inject
    ComplaintStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @Test
    void everyStoredRowCarriesItsTenant() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView c = service.create(izw, intake(LocalDate.of(2026, 5, 4)));
        service.recordEvent(izw, new ComplaintId(c.id()), NewEvent.of(EventType.ACKNOWLEDGED, LocalDate.of(2026, 5, 6)));
        long tenantId = izw.id().value();
        tx.executeRead(status -> {
            assertEquals(1, db.count("SELECT COUNT(*) FROM complaint WHERE id = ? AND tenant_id = ?", c.id(), tenantId));
            assertEquals(1, db.count("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ? AND tenant_id = ?",
                    c.id(), tenantId));
            long obligations = db.count("SELECT COUNT(*) FROM obligation WHERE complaint_id = ?", c.id());
            assertTrue(obligations >= 2);
            assertEquals(obligations, db.count("SELECT COUNT(*) FROM obligation WHERE complaint_id = ? "
                    + "AND tenant_id = ?", c.id(), tenantId));
            return null;
        });
    }

    @Test
    void obligationsAreStoredWithDueDatesSoListsCanQueryThem() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView c = service.create(izw, intake(LocalDate.of(2026, 6, 1)));
        // DECIDE: 6 weeks after Mon 1 June 2026 is Mon 13 July.
        assertEquals(LocalDate.of(2026, 7, 13), tx.executeRead(status -> db.queryOne(
                "SELECT due_on FROM obligation WHERE complaint_id = ? AND code = 'DECIDE'",
                rs -> Db.date(rs, "due_on"), c.id()).orElseThrow()));
        List<CaseSummary> overdue = service.list(izw, Viewer.SYSTEM, new CaseFilter(null, true, LocalDate.of(2026, 7, 14), 100, 0));
        assertTrue(overdue.stream().anyMatch(s -> s.id() == c.id()));
        List<CaseSummary> notYet = service.list(izw, Viewer.SYSTEM, new CaseFilter(null, true, LocalDate.of(2026, 6, 2), 100, 0));
        assertTrue(notYet.stream().noneMatch(s -> s.id() == c.id()));
    }

    @Test
    void referencesAreNumberedPerTenantAndYear() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView first = service.create(izw, intake(LocalDate.of(2024, 2, 1)));
        CaseView second = service.create(izw, intake(LocalDate.of(2024, 3, 1)));
        assertEquals("IEDE-2024-0001", first.reference());
        assertEquals("IEDE-2024-0002", second.reference());
    }

    @Test
    void aWriteBasedOnAStaleCopyIsAConflictNotAnOverwrite() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView c = service.create(izw, intake(LocalDate.of(2026, 8, 3)));
        StoredComplaint stale = tx.executeRead(s -> store.load(izw.id(), c.id()).orElseThrow());
        service.recordEvent(izw, new ComplaintId(c.id()), NewEvent.of(EventType.CONTACTED, LocalDate.of(2026, 8, 4)));
        assertThrows(ConflictException.class, () -> tx.executeWrite(s -> {
            store.appendEvent(izw.id(), stale, NewEvent.of(EventType.PROGRESS_REPORTED, LocalDate.of(2026, 8, 5)),
                    evaluatedFor(izw, stale), null, java.time.Instant.now(), false);
            return null;
        }));
        assertEquals(1, service.get(izw, Viewer.SYSTEM, new ComplaintId(c.id()), null).events().size());
    }

    @Test
    void twoHandlersRecordingAtOnceLoseNothing() throws Exception {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView c = service.create(izw, intake(LocalDate.of(2026, 9, 1)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (EventType type : List.of(EventType.CONTACTED, EventType.PROGRESS_REPORTED)) {
                work.add(() -> {
                    try {
                        service.recordEvent(izw, new ComplaintId(c.id()), NewEvent.of(type, LocalDate.of(2026, 9, 2)));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                });
            }
            int saved = 0;
            for (Future<Boolean> f : pool.invokeAll(work)) {
                saved += f.get() ? 1 : 0;
            }
            CaseView after = service.get(izw, Viewer.SYSTEM, new ComplaintId(c.id()), null);
            // Each write either landed or was told it conflicted; none vanished silently.
            assertEquals(saved, after.events().size());
            assertTrue(saved >= 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void complaintsArrivingTogetherGetDistinctReferences() throws Exception {
        Tenant izw = tenants.resolve("iederzijnwerk");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int day = i + 1;
                work.add(() -> service.create(izw, intake(LocalDate.of(2023, 3, day))).reference());
            }
            Set<String> references = new HashSet<>();
            for (Future<String> f : pool.invokeAll(work)) {
                references.add(f.get());
            }
            assertEquals(8, references.size(), references::toString);
            assertTrue(references.contains("IEDE-2023-0001") && references.contains("IEDE-2023-0008"),
                    references::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoComplaintsAboutThePersonArrivingTogetherMakeTheSecondARepeat() throws Exception {
        Tenant klimkoord = tenants.resolve("klimkoord");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<CaseView>> work = new ArrayList<>();
            for (String category : List.of("BEREIKBAARHEID", "WACHTTIJDEN")) {
                work.add(() -> service.create(klimkoord, new NewComplaint(ComplaintKind.INFORMAL, Channel.EMAIL,
                        LocalDate.of(2026, 10, 5), null,
                        new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", null, null),
                        "Onvriendelijk te woord gestaan", category, null, "P. Persoon", false, false)));
            }
            long repeats = 0;
            for (Future<CaseView> f : pool.invokeAll(work)) {
                repeats += f.get().registrationReasons().stream().filter(r -> r.contains("dezelfde persoon")).count();
            }
            assertEquals(1, repeats, "exactly one of the two is the repeat");
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseEngine.Evaluated evaluatedFor(Tenant tenant, StoredComplaint c) {
        var nothing = new nl.klachtenregie.regulation.RegulationOutcome(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        return new CaseEngine.Evaluated(nothing, CaseStatus.IN_PROGRESS, "EMPLOYEE", List.of(),
                new StoredOutcome(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "", null, List.of(),
                        java.util.Map.of(), List.of(), List.of()));
    }

    @Test
    void historyReadInOneGoCountsLikeHistoryCaseByCase() {
        Tenant klimkoord = tenants.resolve("klimkoord");
        String[] employees = {"J. Jansen", "j. jansen", null, "P. Pieters"};
        for (int i = 0; i < 12; i++) {
            LocalDate on = LocalDate.of(2025, 10, 1).plusMonths(i % 6).plusDays(i % 2);
            service.create(klimkoord, new NewComplaint(i % 2 == 0 ? ComplaintKind.FORMAL : ComplaintKind.INFORMAL,
                    Channel.LETTER, on, null, new Complainant("K " + i, ComplainantRole.CLIENT, null, null, null),
                    "Klacht " + i, i % 3 == 0 ? "BEJEGENING" : "WACHTTIJDEN", null, employees[i % 4], false, false,
                    false));
        }
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        tx.executeRead(status -> {
            var inOneGo = store.histories(klimkoord.id(), from, to);
            List<StoredComplaint> cases = store.loadReceivedBetween(klimkoord.id(), from, to, 100);
            assertTrue(cases.size() >= 6);
            for (StoredComplaint c : cases) {
                assertEquals(store.history(klimkoord.id(), c.id(), c.intake()), inOneGo.apply(c), c.reference());
                assertEquals(store.load(klimkoord.id(), c.id()).orElseThrow().events(), c.events());
            }
            return null;
        });
    }

    private static NewComplaint intake(LocalDate receivedOn) {
        return new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, receivedOn, null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1"),
                "Afspraken niet nagekomen", "BEJEGENING", null, null, false, false);
    }
}
