package nl.klachtenregie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.support.TestMail;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database, each running the term watch and the outbox at the same moments, as a
 * scaled-out deployment does: every reminder and every notice reaches its recipient exactly once.
 */
class TwoInstancesTest {

    @Test
    void eachReminderAndNoticeIsSentExactlyOnceByTwoInstancesOnOneDatabase() throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
            props.putAll(mail.properties());
            props.put(MovableClock.PROPERTY, "true");
            props.put("klachtenregie.mail.batch", "3");
            try (ApplicationContext a = ApplicationContext.run(new HashMap<>(props));
                 ApplicationContext b = ApplicationContext.run(new HashMap<>(props))) {
                int cases = fileCases(a);

                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    for (String day : List.of("2026-11-02", "2026-11-06", "2026-11-10", "2026-11-11")) {
                        a.getBean(MovableClock.class).set(day);
                        b.getBean(MovableClock.class).set(day);
                        CyclicBarrier together = new CyclicBarrier(2);
                        List<Future<Void>> runs = new ArrayList<>();
                        for (ApplicationContext instance : List.of(a, b)) {
                            runs.add(pool.submit((Callable<Void>) () -> {
                                together.await(30, TimeUnit.SECONDS);
                                for (int i = 0; i < 4; i++) {
                                    instance.getBean(DeadlineWatch.class).run();
                                    instance.getBean(OutboxDispatcher.class).dispatch();
                                }
                                return null;
                            }));
                        }
                        for (Future<Void> run : runs) {
                            run.get(120, TimeUnit.SECONDS);
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }

                List<TestMail.Received> received = mail.received();
                Map<String, Long> perMessage = received.stream()
                        .collect(Collectors.groupingBy(m -> m.to() + " | " + m.subject(), Collectors.counting()));
                perMessage.forEach((message, count) -> assertEquals(1L, count, "sent more than once: " + message));
                // Per case: a management notice (2 Nov), a reminder (6 Nov), a missed-term notice (10 Nov).
                assertEquals(3L * cases, received.size(), () -> "received: " + perMessage.keySet());
                Map<String, Long> byKind = received.stream().collect(Collectors.groupingBy(
                        (Function<TestMail.Received, String>) m -> m.subject().substring(0, m.subject().indexOf(':')),
                        Collectors.counting()));
                assertEquals(Map.of("Melding aan de leiding", (long) cases, "Herinnering", (long) cases,
                        "Termijn verstreken", (long) cases), byKind);
                Tenant t = a.getBean(TenantDirectory.class).resolve("iederzijnwerk");
                Outbox.Page page = a.getBean(Outbox.class).page(t, DeliveryState.SENT, 200, 0);
                assertEquals(3L * cases, page.total(), "every message in the outbox is marked sent once");
                assertTrue(a.getBean(Outbox.class).page(t, null, 200, 0).messages().stream()
                        .allMatch(m -> m.state() == DeliveryState.SENT && m.attempts() == 1));
            }
        }
    }

    private static int fileCases(ApplicationContext a) {
        TenantDirectory tenants = a.getBean(TenantDirectory.class);
        Tenant t = tenants.resolve("iederzijnwerk");
        a.getBean(ProfileService.class).update(t, t.profile().withNotifications(new TenantProfile.Notifications(
                "servicedesk@iederzijnwerk.example", "directie@iederzijnwerk.example",
                Map.of("TEAM_LEAD", "coordinator@iederzijnwerk.example"), List.of(3))), "test");
        t = tenants.resolve("iederzijnwerk");
        a.getBean(MovableClock.class).set("2026-11-02");
        ComplaintService complaints = a.getBean(ComplaintService.class);
        var handler = a.getBean(UserDirectory.class).findByUsername("iederzijnwerk.medewerker").orElseThrow().id();
        int cases = 7;
        for (int i = 0; i < cases; i++) {
            complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.parse("2026-11-02"),
                    null, new Complainant("Klager " + i, ComplainantRole.CLIENT, "k" + i + "@example.org", null,
                            "Straat " + i, "Deventer"), "Klacht nummer " + i, "BEJEGENING", "AMBULANT", null, false,
                    false), handler);
        }
        return cases;
    }
}
