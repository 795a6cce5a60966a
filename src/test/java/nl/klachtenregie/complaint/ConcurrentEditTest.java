package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Concurrent edits never silently overwrite: a change based on an old version of a case is a conflict and writes
 * nothing, and of two changes based on the same version exactly one wins.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditTest implements TestPropertyProvider {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);

    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    private Tenant impuls() {
        return tenants.resolve("impuls");
    }

    private UserId user(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private CaseView newCase() {
        return complaints.create(impuls(), new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, RECEIVED, null,
                new Complainant("J. de Klager", ComplainantRole.CLIENT, "klager@example.org", null, "Dorpsstraat 1",
                        "Oldenzaal"), "Afspraak niet nagekomen", "BEJEGENING", null, null, false, false));
    }

    private CaseView reload(CaseView c) {
        return complaints.get(impuls(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null);
    }

    @Test
    void anEventBasedOnAnOldVersionIsAConflictAndWritesNothing() {
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        CaseView meanwhile = complaints.recordEvent(impuls(), id, NewEvent.of(EventType.ACKNOWLEDGED,
                RECEIVED.plusDays(1)), seen.version(), user("impuls.leidinggevende"));
        assertEquals(seen.version() + 1, meanwhile.version());

        assertThrows(ConflictException.class, () -> complaints.recordEvent(impuls(), id,
                NewEvent.of(EventType.PROGRESS_REPORTED, RECEIVED.plusDays(2)), seen.version(),
                user("impuls.medewerker")));

        CaseView after = reload(seen);
        assertEquals(meanwhile.events(), after.events(), "the stale event was not written");
        assertEquals(meanwhile.version(), after.version());
        assertEquals(meanwhile.obligations(), after.obligations());
        assertEquals(meanwhile.status(), after.status());
    }

    @Test
    void anEventOnTheCurrentVersionIsRecordedWithWhoRecordedIt() {
        CaseView seen = newCase();
        CaseView after = complaints.recordEvent(impuls(), new ComplaintId(seen.id()),
                NewEvent.of(EventType.ACKNOWLEDGED, RECEIVED.plusDays(1)), seen.version(), user("impuls.medewerker"));
        assertEquals(seen.version() + 1, after.version());
        assertEquals(1, after.events().size());
        assertEquals(users.findByUsername("impuls.medewerker").orElseThrow().displayName(),
                after.events().get(0).recordedBy());
    }

    @Test
    void anAssignmentBasedOnAnOldVersionIsAConflictAndChangesNothing() {
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        CaseView meanwhile = complaints.assign(impuls(), id, user("impuls.leidinggevende"), seen.version());

        assertThrows(ConflictException.class,
                () -> complaints.assign(impuls(), id, user("impuls.medewerker"), seen.version()));

        CaseView after = reload(seen);
        assertEquals(user("impuls.leidinggevende").value(), after.handler().id());
        assertEquals(meanwhile.version(), after.version());
    }

    @Test
    void anEventAfterAnAssignmentOnTheSameOldVersionIsAConflict() {
        // An assignment is a change too: an action based on the page from before it must not slip through.
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        complaints.assign(impuls(), id, user("impuls.medewerker"), seen.version());

        assertThrows(ConflictException.class, () -> complaints.recordEvent(impuls(), id,
                NewEvent.of(EventType.ACKNOWLEDGED, RECEIVED.plusDays(1)), seen.version(), user("impuls.medewerker")));

        assertEquals(List.of(), reload(seen).events());
    }

    @Test
    void anAssignmentOnAnOldVersionAfterAnEventIsAConflict() {
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        complaints.recordEvent(impuls(), id, NewEvent.of(EventType.ACKNOWLEDGED, RECEIVED.plusDays(1)),
                seen.version(), user("impuls.medewerker"));

        assertThrows(ConflictException.class,
                () -> complaints.assign(impuls(), id, user("impuls.medewerker"), seen.version()));

        assertNull(reload(seen).handler());
    }

    @RepeatedTest(5)
    void ofTwoEventsRecordedAtOnceOnTheSameVersionExactlyOneWins() throws Exception {
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        List<Callable<CaseView>> edits = List.of(
                () -> complaints.recordEvent(impuls(), id, NewEvent.of(EventType.ACKNOWLEDGED, RECEIVED.plusDays(1)),
                        seen.version(), user("impuls.medewerker")),
                () -> complaints.recordEvent(impuls(), id,
                        NewEvent.of(EventType.PROGRESS_REPORTED, RECEIVED.plusDays(2)), seen.version(),
                        user("impuls.leidinggevende")));

        Outcome outcome = race(edits);

        assertEquals(1, outcome.won().size(), () -> "winners: " + outcome);
        assertEquals(1, outcome.conflicts(), () -> "conflicts: " + outcome);
        CaseView after = reload(seen);
        assertEquals(1, after.events().size(), "exactly one event was written");
        assertEquals(outcome.won().get(0).events(), after.events());
        assertEquals(seen.version() + 1, after.version());
    }

    @RepeatedTest(3)
    void ofAnEventAndAnAssignmentAtOnceOnTheSameVersionExactlyOneWins() throws Exception {
        CaseView seen = newCase();
        ComplaintId id = new ComplaintId(seen.id());
        List<Callable<CaseView>> edits = List.of(
                () -> complaints.recordEvent(impuls(), id, NewEvent.of(EventType.ACKNOWLEDGED, RECEIVED.plusDays(1)),
                        seen.version(), user("impuls.medewerker")),
                () -> complaints.assign(impuls(), id, user("impuls.leidinggevende"), seen.version()));

        Outcome outcome = race(edits);

        assertEquals(1, outcome.won().size(), () -> "winners: " + outcome);
        assertEquals(1, outcome.conflicts());
        CaseView after = reload(seen);
        assertEquals(seen.version() + 1, after.version());
        boolean eventWon = after.events().size() == 1;
        boolean assignWon = after.handler() != null;
        assertTrue(eventWon ^ assignWon, () -> "events " + after.events() + ", handler " + after.handler());
    }

    /** The successful results and the number of conflicts of edits started at the same moment. */
    record Outcome(List<CaseView> won, int conflicts) {
    }

    private Outcome race(List<Callable<CaseView>> edits) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(edits.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CaseView>> futures = new ArrayList<>();
        for (Callable<CaseView> edit : edits) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return edit.call();
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        List<CaseView> won = new ArrayList<>();
        int conflicts = 0;
        for (Future<CaseView> f : futures) {
            try {
                won.add(f.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ConflictException) {
                    conflicts++;
                } else {
                    throw new AssertionError("an edit failed otherwise than with a conflict", e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("an edit hung (deadlock?)", e);
            }
        }
        return new Outcome(won, conflicts);
    }
}
