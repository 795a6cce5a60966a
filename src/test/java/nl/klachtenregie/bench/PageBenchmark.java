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
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Response times of the pages and the API on the embedded default (H2), single client, sequential requests:
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=PageBenchmark}. Not a test: the figures depend on the
 * machine; they are reported in the issue notes.
 */
public final class PageBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final int CASES = 200;

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kr-bench");
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir + "/k;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.port", "-1", "klachtenregie.demo.enabled", "true",
                "klachtenregie.clock.fixed-date", "2026-11-22"))) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            new PageBenchmark().run("http://localhost:" + server.getPort());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    private void run(String base) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "iederzijnwerk.medewerker:demo-wachtwoord".getBytes(StandardCharsets.UTF_8));
        List<Long> ids = new ArrayList<>();
        List<Double> create = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String json = String.format("{\"kind\":\"FORMAL\",\"channel\":\"LETTER\",\"receivedOn\":\"2026-%02d-%02d\","
                    + "\"summary\":\"Klacht %d\",\"category\":\"BEJEGENING\",\"complainant\":{\"name\":\"Klager %d\","
                    + "\"role\":\"CLIENT\"}}", 1 + i % 10, 1 + i % 27, i, i);
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/tenants/iederzijnwerk/complaints")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            create.add((System.nanoTime() - s) / 1e6);
            check(r, 201);
            Matcher m = ID.matcher(r.body());
            m.find();
            ids.add(Long.parseLong(m.group(1)));
        }
        report("API: klacht registreren (HTTP Basic)", create);
        login(base);
        measure(base, "Mijn werk", i -> "/t/iederzijnwerk/werk");
        measure(base, "Klachten, 25 van " + CASES, i -> "/t/iederzijnwerk/klachten");
        measure(base, "Klachten, gefilterd en gezocht", i -> "/t/iederzijnwerk/klachten?overdue=true&q=klager");
        measure(base, "Dossier", i -> "/t/iederzijnwerk/klachten/" + ids.get(i % ids.size()));
        measure(base, "Nieuwe klacht (formulier)", i -> "/t/iederzijnwerk/klachten/nieuw");
        List<Double> actions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String page = get(base + "/t/iederzijnwerk/klachten/" + ids.get(i)).body();
            String form = "csrfToken=" + enc(find(TOKEN, page)) + "&type=ACKNOWLEDGED&on=2026-11-20&version="
                    + find(VERSION, page);
            long s = System.nanoTime();
            check(post(base + "/t/iederzijnwerk/klachten/" + ids.get(i) + "/acties", form), 303);
            actions.add((System.nanoTime() - s) / 1e6);
        }
        report("Actie vastleggen (formulier)", actions);
        List<Double> letters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String page = get(base + "/t/iederzijnwerk/klachten/" + ids.get(i)).body();
            long s = System.nanoTime();
            check(post(base + "/t/iederzijnwerk/klachten/" + ids.get(i) + "/brieven",
                    "csrfToken=" + enc(find(TOKEN, page)) + "&kind=ACKNOWLEDGEMENT"), 303);
            letters.add((System.nanoTime() - s) / 1e6);
        }
        report("Brief maken (HTML + PDF)", letters);
    }

    private void login(String base) throws Exception {
        HttpResponse<String> page = get(base + "/login");
        cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> r = post(base + "/login", "csrfToken=" + enc(find(TOKEN, page.body()))
                + "&username=iederzijnwerk.medewerker&password=demo-wachtwoord");
        check(r, 303);
        cookie = r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
    }

    private void measure(String base, String name, IntFunction<String> path) throws Exception {
        for (int i = 0; i < 30; i++) {
            check(get(base + path.apply(i)), 200);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            check(get(base + path.apply(i)), 200);
            times.add((System.nanoTime() - s) / 1e6);
        }
        report(name, times);
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
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
        System.out.printf("%-40s median %6.1f ms   p95 %6.1f ms   (n=%d)%n", name, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.size());
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
