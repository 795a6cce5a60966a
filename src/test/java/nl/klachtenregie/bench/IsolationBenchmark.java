package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Issue 14: one tenant's active rule set runs until a bound stops it, on every intake, while another tenant works.
 * Measures the other tenant's latency (register a complaint, read it: 300 pairs) quiet and while two clients keep
 * posting complaints to the hostile tenant, and the heap used: {@code ./mvnw -q -Pbench test-compile exec:java
 * -Dbench=IsolationBenchmark}. Not a test: the figures depend on the machine (2 cores here, so the hostile clients
 * take CPU from the other tenant by design of the machine, not of the product).
 */
public final class IsolationBenchmark {

    /** From the hostile corpus: every outcome makes two more, until the output bound stops the evaluation. */
    private static final Path LOOPING = Path.of("src/test/resources/hostile/outcome-flood-one-firing.drl");
    private static final int PAIRS = 300;

    private IsolationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kr-bench");
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir + "/k;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.port", "-1", "klachtenregie.demo.enabled", "true",
                "klachtenregie.scheduler.enabled", "false",
                "klachtenregie.security.max-address-failures", "100000"))) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            Tenant hostile = ctx.getBean(TenantDirectory.class).create(TenantProfile.starter("kwaadwillig",
                    "Kwaadwillig"));
            ctx.getBean(RegulationCatalog.class).add(hostile.id(), new RegulationVersion("1",
                    LocalDate.of(2020, 1, 1), "Lus", "bench", RuleSet.of("regulation.drl", Files.readString(LOOPING)), ""));
            ctx.getBean(UserDirectory.class).create(hostile.id(), "kwaadwillig.leidinggevende", "K", "demo-wachtwoord",
                    Set.of(Role.MANAGER));
            new IsolationBenchmark().run("http://localhost:" + server.getPort());
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private void run(String base) throws Exception {
        String victim = basic("iederzijnwerk.medewerker");
        String attacker = basic("kwaadwillig.leidinggevende");
        measure(base, victim, 50, "warm-up");
        List<Double> quiet = measure(base, victim, PAIRS, "rustig");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        int status = post(base, "kwaadwillig", attacker, "OVERIG").statusCode();
                        (status == 503 ? refused : other).incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long heapBefore = used();
        List<Double> loaded = measure(base, victim, PAIRS, "met kwaadwillige regelset");
        long heapAfter = used();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        System.out.printf("Kwaadwillige aanvragen: %d geweigerd met 503, %d anders%n", refused.get(), other.get());
        System.out.printf("p99 rustig %.1f ms, met kwaadwillige regelset %.1f ms: %.2f x%n", p(quiet, 99),
                p(loaded, 99), p(loaded, 99) / p(quiet, 99));
        System.out.printf("Heap in gebruik: %d MB voor, %d MB na (max %d MB)%n", heapBefore >> 20, heapAfter >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private List<Double> measure(String base, String auth, int n, String label) throws Exception {
        List<Double> ms = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            HttpResponse<String> created = post(base, "iederzijnwerk", auth, "BEJEGENING");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(created.body());
            String id = m.find() ? m.group(1) : "0";
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/tenants/iederzijnwerk/complaints/" + id)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - s) / 1e6);
            if (created.statusCode() != 201 || read.statusCode() != 200) {
                failed++;
            }
        }
        System.out.printf("%-28s %d paren, mediaan %.1f ms, p95 %.1f ms, p99 %.1f ms, mislukt %d%n", label, n,
                p(ms, 50), p(ms, 95), p(ms, 99), failed);
        return ms;
    }

    private HttpResponse<String> post(String base, String tenant, String auth, String category) throws Exception {
        String json = "{\"kind\":\"FORMAL\",\"channel\":\"LETTER\",\"receivedOn\":\"2026-11-02\",\"summary\":\"Klacht\","
                + "\"category\":\"" + category + "\",\"complainant\":{\"name\":\"Klager\",\"role\":\"CLIENT\"}}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tenants/" + tenant + "/complaints"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo-wachtwoord")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long used() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
