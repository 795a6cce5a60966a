package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.audit.CaseReads;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * What the inzagelog (NEN 7513, issue 16) costs a page: the case page on the same data with access logging on and off
 * (the same H2 file, two runs of the application), and the insert itself on its own. Embedded default (H2), single
 * client, sequential requests: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=AccessLogBenchmark}. Not a
 * test: the figures depend on the machine; they are reported in the issue notes.
 */
public final class AccessLogBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final int CASES = 100;
    private static final int ROUNDS = 400;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kr-bench-access");
        List<Long> ids;
        try (ApplicationContext ctx = start(dir, true)) {
            AccessLogBenchmark b = new AccessLogBenchmark(ctx);
            ids = b.createCases();
            b.login();
            b.pages("Dossier, met inzagelog (1e run)", ids);
            b.inserts(ctx, ids);
        }
        try (ApplicationContext ctx = start(dir, false)) {
            AccessLogBenchmark b = new AccessLogBenchmark(ctx);
            b.login();
            b.pages("Dossier, zonder inzagelog", ids);
        }
        try (ApplicationContext ctx = start(dir, true)) {
            AccessLogBenchmark b = new AccessLogBenchmark(ctx);
            b.login();
            b.pages("Dossier, met inzagelog (2e run)", ids);
        }
    }

    private static ApplicationContext start(Path dir, boolean logging) {
        Map<String, Object> props = new HashMap<>(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir + "/k;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.port", "-1", "klachtenregie.demo.enabled", "true",
                "klachtenregie.clock.fixed-date", "2026-11-22", "klachtenregie.scheduler.enabled", "false",
                "klachtenregie.access-log.enabled", String.valueOf(logging)));
        ApplicationContext ctx = ApplicationContext.run(props);
        ctx.getBean(EmbeddedServer.class).start();
        return ctx;
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String cookie;

    private AccessLogBenchmark(ApplicationContext ctx) {
        this.base = "http://localhost:" + ctx.getBean(EmbeddedServer.class).getPort();
    }

    private List<Long> createCases() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "iederzijnwerk.medewerker:demo-wachtwoord".getBytes(StandardCharsets.UTF_8));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String json = String.format("{\"kind\":\"FORMAL\",\"channel\":\"LETTER\",\"receivedOn\":\"2026-%02d-%02d\","
                    + "\"summary\":\"Klacht %d\",\"category\":\"BEJEGENING\",\"complainant\":{\"name\":\"Klager %d\","
                    + "\"role\":\"CLIENT\"}}", 1 + i % 10, 1 + i % 27, i, i);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/tenants/iederzijnwerk/complaints")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(r, 201);
            Matcher m = ID.matcher(r.body());
            m.find();
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private void pages(String name, List<Long> ids) throws Exception {
        for (int i = 0; i < 50; i++) {
            check(get("/t/iederzijnwerk/klachten/" + ids.get(i % ids.size())), 200);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long s = System.nanoTime();
            check(get("/t/iederzijnwerk/klachten/" + ids.get(i % ids.size())), 200);
            times.add((System.nanoTime() - s) / 1e6);
        }
        report(name, times);
    }

    /** The insert alone, as the page makes it (its own transaction). */
    private void inserts(ApplicationContext ctx, List<Long> ids) {
        CaseReads reads = ctx.getBean(CaseReads.class);
        var tenant = ctx.getBean(TenantDirectory.class).resolve("iederzijnwerk").id();
        for (int i = 0; i < 200; i++) {
            reads.record(tenant, 1L, ids.get(i % ids.size()), CaseReads.What.PAGE);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long s = System.nanoTime();
            reads.record(tenant, 1L, ids.get(i % ids.size()), CaseReads.What.PAGE);
            times.add((System.nanoTime() - s) / 1e6);
        }
        report("Inzagelog: een regel vastleggen", times);
        List<Long> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(ids.get(i % ids.size()));
        }
        long s = System.nanoTime();
        reads.recordAll(tenant, 1L, many, CaseReads.What.EXPORT);
        System.out.printf("%-40s %6.1f ms for %d rows%n", "Inzagelog: export van 5000 dossiers",
                (System.nanoTime() - s) / 1e6, many.size());
    }

    private void login() throws Exception {
        HttpResponse<String> page = get("/login");
        cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> r = post("/login", "csrfToken=" + URLEncoder.encode(find(TOKEN, page.body()),
                StandardCharsets.UTF_8) + "&username=iederzijnwerk.medewerker&password=demo-wachtwoord");
        check(r, 303);
        cookie = r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html,*/*");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String name, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%-40s median %6.2f ms   mean %6.2f ms   p95 %6.2f ms   (n=%d)%n", name,
                sorted.get(sorted.size() / 2), mean, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.size());
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + p);
        }
        return m.group(1);
    }
}
