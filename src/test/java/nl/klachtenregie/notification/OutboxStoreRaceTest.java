package nl.klachtenregie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two guarantees under the outbox, forced into their races on the real database: the same message queued by two
 * transactions at once is stored once (the unique key decides, and the loser carries on without an error), and a
 * message whose lease ran out is taken over, after which the first claimant may neither send it nor mark it sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxStoreRaceTest implements TestPropertyProvider {

    @Inject
    OutboxStore store;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TenantDirectory tenants;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    private OutboxStore.Draft draft(String key) {
        return new OutboxStore.Draft(null, MessageKind.REMINDER, key, "a@example.org", "Onderwerp", "Tekst");
    }

    @Test
    void theSameMessageQueuedByTwoTransactionsAtOnceIsStoredOnce() throws Exception {
        Tenant t = tenants.resolve("impuls");
        CountDownLatch firstInserted = new CountDownLatch(1);
        CompletableFuture<Optional<Long>> first = CompletableFuture.supplyAsync(() -> tx.executeWrite(s -> {
            Optional<Long> id = store.insert(t.id(), draft("RACE|1"), DeliveryState.PENDING, LocalDate.now(), 0);
            firstInserted.countDown();
            try {
                // Still uncommitted while the second transaction looks, finds nothing, and inserts (and waits).
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return id;
        }));
        assertTrue(firstInserted.await(30, TimeUnit.SECONDS));
        CompletableFuture<Optional<Long>> second = CompletableFuture.supplyAsync(() -> tx.executeWrite(s ->
                store.insert(t.id(), draft("RACE|1"), DeliveryState.PENDING, LocalDate.now(), 0)));
        Optional<Long> a = first.get(60, TimeUnit.SECONDS);
        Optional<Long> b = second.get(60, TimeUnit.SECONDS);
        assertTrue(a.isPresent(), "the first is stored");
        assertTrue(b.isEmpty(), "the second finds it was queued already, without an error");
        assertEquals(1, tx.executeRead(s -> store.keysQueuedSince(t.id(), LocalDate.now().minusDays(1)))
                .stream().filter("RACE|1"::equals).count());
    }

    @Test
    void aMessageWhoseLeaseRanOutIsTakenOverAndTheFirstClaimantMayNotSendIt() throws Exception {
        Tenant t = tenants.resolve("klimkoord");
        long id = tx.executeWrite(s -> store.insert(t.id(), draft("LEASE|1"), DeliveryState.PENDING, LocalDate.now(), 0))
                .orElseThrow();
        long now = System.currentTimeMillis();
        List<OutboxMessage> byA = tx.executeWrite(s -> store.claim(t.id(), "lease-a", now, 1, 10));
        assertEquals(List.of(id), byA.stream().map(OutboxMessage::id).toList());
        assertTrue(tx.executeWrite(s -> store.claim(t.id(), "lease-b", now, 60_000, 10)).isEmpty(),
                "not while A's lease holds");
        Thread.sleep(20);
        long later = System.currentTimeMillis();
        List<OutboxMessage> byB = tx.executeWrite(s -> store.claim(t.id(), "lease-b", later, 60_000, 10));
        assertEquals(List.of(id), byB.stream().map(OutboxMessage::id).toList(), "B takes over after A's lease ran out");
        boolean aRenews = tx.executeWrite(s -> store.renewLease(t.id(), id, "lease-a", later, 60_000));
        assertFalse(aRenews, "A learns before sending that the message is no longer its own");
        boolean aMarks = tx.executeWrite(s -> store.markSent(t.id(), id, "lease-a", later));
        assertFalse(aMarks);
        boolean bRenews = tx.executeWrite(s -> store.renewLease(t.id(), id, "lease-b", later, 60_000));
        assertTrue(bRenews);
        boolean bMarks = tx.executeWrite(s -> store.markSent(t.id(), id, "lease-b", later));
        assertTrue(bMarks);
    }
}
