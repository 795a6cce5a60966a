package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.klachtenregie.notification.DeadlineWatch;
import nl.klachtenregie.notification.OutboxDispatcher;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.support.TestMail;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The scheduler on real volumes: one tenant (IederZijnWerk) with {@code bench.open} open cases (default 5,000) among
 * {@code bench.closed} closed ones (default 20,000), on the MySQL-protocol server the tests use, and a real SMTP
 * server (GreenMail): {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=WatchBenchmark}. Measures the first run
 * of a day (every open case re-evaluated by the rules), the runs after it that day (every 5 minutes: only the term
 * scan), and sending the outbox.
 */
public final class WatchBenchmark {

    private static final int OPEN = Integer.getInteger("bench.open", 5_000);
    private static final int CLOSED = Integer.getInteger("bench.closed", 20_000);
    private static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);

    private WatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
            props.putAll(mail.properties());
            props.put(MovableClock.PROPERTY, "true");
            try (ApplicationContext ctx = ApplicationContext.run(Map.copyOf(props))) {
                TenantDirectory tenants = ctx.getBean(TenantDirectory.class);
                Tenant izw = tenants.resolve("iederzijnwerk");
                ctx.getBean(ProfileService.class).update(izw, izw.profile().withNotifications(
                        new TenantProfile.Notifications("servicedesk@iederzijnwerk.example",
                                "directie@iederzijnwerk.example", Map.of(), List.of(7, 3, 1))), "benchmark");
                String url = props.get("datasources.default.url") + "&rewriteBatchedStatements=true";
                try (Connection c = DriverManager.getConnection(url, props.get("datasources.default.username"),
                        props.get("datasources.default.password"))) {
                    long s = System.nanoTime();
                    generate(c, izw.id().value());
                    System.out.printf("Gegenereerd: %,d open en %,d gesloten klachten in %.0f s%n", OPEN, CLOSED,
                            (System.nanoTime() - s) / 1e9);
                }
                MovableClock clock = ctx.getBean(MovableClock.class);
                DeadlineWatch watch = ctx.getBean(DeadlineWatch.class);
                OutboxDispatcher dispatcher = ctx.getBean(OutboxDispatcher.class);
                Runtime rt = Runtime.getRuntime();
                for (LocalDate day : List.of(TODAY, TODAY.plusDays(1))) {
                    clock.set(day);
                    System.gc();
                    long heapBefore = rt.totalMemory() - rt.freeMemory();
                    long s = System.nanoTime();
                    DeadlineWatch.Result r = watch.run();
                    double secs = (System.nanoTime() - s) / 1e9;
                    System.out.printf("%s eerste run van de dag: %.1f s (%,.0f klachten/s): %s; heap +%,d MB%n", day,
                            secs, r.reevaluated() / secs, r, (rt.totalMemory() - rt.freeMemory() - heapBefore) >> 20);
                    s = System.nanoTime();
                    OutboxDispatcher.Result d = dispatcher.dispatch();
                    secs = (System.nanoTime() - s) / 1e9;
                    System.out.printf("%s versturen: %,d berichten in %.1f s (%,.0f/s), %d mislukt%n", day, d.sent(),
                            secs, d.sent() / Math.max(secs, 1e-9), d.failed());
                    DashboardBenchmark.measure(day + " volgende runs (elke 5 min)", watch::run);
                }
            }
        }
        // The embedded MariaDB keeps non-daemon threads; exec:java would wait for them forever.
        System.exit(0);
    }

    private static void generate(Connection c, long tenant) throws Exception {
        c.setAutoCommit(false);
        String[] categories = {"BEJEGENING", "ONDERSTEUNING", "AFSPRAKEN", "DIENSTVERLENING", "COMMUNICATIE", "OVERIG"};
        Random random = new Random(7);
        long id = 2_000_000;
        try (PreparedStatement pc = c.prepareStatement("INSERT INTO complaint (id, tenant_id, reference, kind, channel, "
                + "received_on, complainant_name, complainant_role, summary, category, service_line, unwanted_behaviour, "
                + "confidential, regulation_version, status, escalation_level, registration_required, admissible, "
                + "outcome_json, closed_on) VALUES (?, ?, ?, 'FORMAL', 'LETTER', ?, ?, 'CLIENT', ?, ?, 'AMBULANT', "
                + "FALSE, FALSE, '1', ?, 'EMPLOYEE', TRUE, TRUE, '{}', ?)");
             PreparedStatement po = c.prepareStatement("INSERT INTO obligation (tenant_id, complaint_id, code, from_on, "
                     + "due_on, met_on, waived, basis, explanation, base_due_on, received_on) VALUES (?, ?, ?, ?, ?, ?, "
                     + "FALSE, 'benchmark', 'benchmark', ?, ?)")) {
            for (int n = 0; n < OPEN + CLOSED; n++) {
                id++;
                boolean open = n < OPEN;
                LocalDate received = TODAY.minusDays(random.nextInt(open ? 60 : 700));
                pc.setLong(1, id);
                pc.setLong(2, tenant);
                pc.setString(3, "W-" + n);
                pc.setDate(4, Date.valueOf(received));
                pc.setString(5, "Klager " + n);
                pc.setString(6, "Gegenereerde klacht " + n);
                pc.setString(7, categories[random.nextInt(categories.length)]);
                pc.setString(8, open ? "IN_PROGRESS" : "CLOSED");
                pc.setDate(9, open ? null : Date.valueOf(received.plusDays(30)));
                pc.addBatch();
                for (String code : List.of("ACKNOWLEDGE", "DECIDE", "INFORM_MANAGEMENT")) {
                    LocalDate due = code.equals("ACKNOWLEDGE") ? received.plusDays(7)
                            : code.equals("DECIDE") ? received.plusWeeks(6) : null;
                    po.setLong(1, tenant);
                    po.setLong(2, id);
                    po.setString(3, code);
                    po.setDate(4, Date.valueOf(received));
                    po.setDate(5, due == null ? null : Date.valueOf(due));
                    po.setDate(6, open && random.nextBoolean() ? null : Date.valueOf(received.plusDays(2)));
                    po.setDate(7, due == null ? null : Date.valueOf(due));
                    po.setDate(8, Date.valueOf(received));
                    po.addBatch();
                }
                if (n % 5_000 == 4_999) {
                    pc.executeBatch();
                    po.executeBatch();
                    c.commit();
                }
            }
            pc.executeBatch();
            po.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE TABLE complaint, obligation");
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM complaint WHERE status <> 'CLOSED'");
            rs.next();
        }
    }
}
