package nl.klachtenregie.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base for tests that drive the JSON API over HTTP against a real MySQL-protocol database. Subclasses carry
 * {@code @MicronautTest(transactional = false)} and {@code @TestInstance(PER_CLASS)}; each class gets its own
 * schema with the seed tenants imported at start-up.
 */
public abstract class ApiTestSupport implements TestPropertyProvider {

    /** A response: the status and the JSON body (empty map when there was none). */
    public record Response(int status, Map<String, Object> body, String location) {
    }

    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    /** The demo password of every demo user (see UserBootstrap). */
    public static final String DEMO_PASSWORD = "demo-wachtwoord";
    private static final java.util.Set<String> SEED_TENANTS = java.util.Set.of("impuls", "klimkoord", "iederzijnwerk",
            "kwaliteitsprocedure-6-5");

    /**
     * The user an API call is made as when the test does not say: the manager (case work and KPIs) of the tenant
     * in the path, or of impuls for a tenant that does not exist.
     */
    protected String apiUser(String path) {
        String rest = path.startsWith("/api/tenants/") ? path.substring("/api/tenants/".length()) : "";
        String tenant = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return (SEED_TENANTS.contains(tenant) ? tenant : "impuls") + ".leidinggevende";
    }

    protected Response send(HttpRequest<?> request) {
        return sendAs(apiUser(request.getPath()), request);
    }

    /** Sends as the given user (HTTP Basic with the demo password); null sends without credentials. */
    protected Response sendAs(String username, HttpRequest<?> request) {
        if (username != null && request instanceof io.micronaut.http.MutableHttpRequest<?> m
                && !request.getHeaders().contains("Authorization")) {
            m.basicAuth(username, DEMO_PASSWORD);
        }
        try {
            HttpResponse<Map<String, Object>> r = http.toBlocking()
                    .exchange(request, Argument.mapOf(String.class, Object.class));
            return new Response(r.code(), r.getBody().orElse(Map.of()), r.header("Location"));
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class))
                    .orElse(Map.of());
            return new Response(e.getStatus().getCode(), body, null);
        }
    }

    /** GET with the default user of the path, decoded as the given type; fails unless 2xx. */
    protected <T> T retrieve(String path, Argument<T> type) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).basicAuth(apiUser(path), DEMO_PASSWORD), type);
    }

    protected Response post(String path, Object body) {
        return send(HttpRequest.POST(path, body));
    }

    protected Response get(String path) {
        return send(HttpRequest.GET(path));
    }

    /** Creates a complaint and returns the case; fails the test unless the API answers 201. */
    protected Map<String, Object> createComplaint(String tenant, Map<String, Object> body) {
        Response r = post("/api/tenants/" + tenant + "/complaints", body);
        assertEquals(201, r.status(), () -> "create complaint: " + r.body());
        return r.body();
    }

    /**
     * Sets aside, with a reason, every duty still open (not met, not waived, not yet late) on {@code on}: what a handler
     * does before closing a case whose remaining duties are moot. Nothing lapses by closing alone.
     */
    @SuppressWarnings("unchecked")
    protected void setAsideOpenDuties(String tenant, Object caseId, String on) {
        Map<String, Object> c = getCase(tenant, caseId, on);
        List<String> open = ((List<Map<String, Object>>) c.get("obligations")).stream()
                .filter(o -> "OPEN".equals(o.get("status")) || "SUSPENDED".equals(o.get("status")))
                .map(o -> (String) o.get("code")).distinct().toList();
        if (!open.isEmpty()) {
            event(tenant, caseId, ev("DUTY_SET_ASIDE", on, "codes", open, "reason",
                    "Niet meer nodig: de klacht is afgehandeld."));
        }
    }

    /** Records an event and returns the case; fails the test unless the API answers 200. */
    protected Map<String, Object> event(String tenant, Object caseId, Map<String, Object> body) {
        Response r = post("/api/tenants/" + tenant + "/complaints/" + caseId + "/events", body);
        assertEquals(200, r.status(), () -> "event " + body + ": " + r.body());
        return r.body();
    }

    /** Records an event expected to be refused with 422; returns the error body. */
    protected Map<String, Object> refusedEvent(String tenant, Object caseId, Map<String, Object> body) {
        Response r = post("/api/tenants/" + tenant + "/complaints/" + caseId + "/events", body);
        assertEquals(422, r.status(), () -> "expected 422 for " + body + " but got " + r.status() + ": " + r.body());
        return r.body();
    }

    /**
     * Creates a complaint expected to be refused with 422; returns the error message. Fails the test on any
     * other status.
     */
    protected String refusedCreate(String tenant, Map<String, Object> body) {
        Response r = post("/api/tenants/" + tenant + "/complaints", body);
        assertEquals(422, r.status(), () -> "expected 422 but got " + r.status() + ": " + r.body());
        return (String) r.body().get("message");
    }

    protected Map<String, Object> getCase(String tenant, Object caseId, String asOf) {
        Response r = get("/api/tenants/" + tenant + "/complaints/" + caseId + (asOf == null ? "" : "?asOf=" + asOf));
        assertEquals(200, r.status(), () -> "get case: " + r.body());
        return r.body();
    }

    /** The obligations of a case with this code, in due order. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> obligations(Map<String, Object> caseBody, String code) {
        return ((List<Map<String, Object>>) caseBody.get("obligations")).stream()
                .filter(o -> code.equals(o.get("code"))).toList();
    }

    /** The single obligation with this code; fails when there is none or more than one. */
    protected Map<String, Object> obligation(Map<String, Object> caseBody, String code) {
        List<Map<String, Object>> found = obligations(caseBody, code);
        assertEquals(1, found.size(), () -> "obligations " + code + " in " + caseBody.get("obligations"));
        return found.get(0);
    }

    protected void assertNoObligation(Map<String, Object> caseBody, String code) {
        assertTrue(obligations(caseBody, code).isEmpty(),
                () -> "unexpected " + code + " in " + caseBody.get("obligations"));
    }

    /** A minimal valid complaint body; callers put what their scenario needs. */
    protected static Map<String, Object> complaint(String kind, String channel, String receivedOn) {
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("name", "J. de Klager");
        complainant.put("role", "CLIENT");
        complainant.put("email", "klager@example.org");
        complainant.put("phone", "0612345678");
        complainant.put("address", "Dorpsstraat 1, 1234 AB Ergens");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("channel", channel);
        body.put("receivedOn", receivedOn);
        body.put("complainant", complainant);
        body.put("summary", "De begeleiding kwam afspraken niet na.");
        body.put("category", "BEJEGENING");
        return body;
    }

    /** The complainant map of a complaint body, to change before it is sent. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> complainant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("complainant");
    }

    /** The message of an error body, as text ("null" when it has none). */
    protected static String message(Map<String, Object> error) {
        return String.valueOf(error.get("message"));
    }

    /** A list of strings in a case (or other JSON body) under this key, such as {@code registrationReasons}. */
    @SuppressWarnings("unchecked")
    protected static List<String> strings(Map<String, Object> c, String key) {
        return (List<String>) c.get(key);
    }

    /** The codes of a case's advice, in the order given. */
    @SuppressWarnings("unchecked")
    protected static List<String> adviceCodes(Map<String, Object> c) {
        return ((List<Map<String, Object>>) c.get("advice")).stream().map(a -> (String) a.get("code")).toList();
    }

    /** The first advice of a case with this code; fails the test when there is none. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> advice(Map<String, Object> c, String code) {
        return ((List<Map<String, Object>>) c.get("advice")).stream().filter(a -> code.equals(a.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no advice " + code + " in " + c.get("advice")));
    }

    /** Whether a case has advice with this code. */
    @SuppressWarnings("unchecked")
    protected static boolean hasAdvice(Map<String, Object> c, String code) {
        return ((List<Map<String, Object>>) c.get("advice")).stream().anyMatch(a -> code.equals(a.get("code")));
    }

    /** The codes of the external bodies a case names, in the order given. */
    @SuppressWarnings("unchecked")
    protected static List<String> bodyCodes(Map<String, Object> c) {
        return ((List<Map<String, Object>>) c.get("externalBodies")).stream().map(b -> (String) b.get("code"))
                .toList();
    }

    /** The KPI of a KPI report with this measure; fails the test when there is none. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> kpi(Map<String, Object> report, String measure) {
        return ((List<Map<String, Object>>) report.get("kpis")).stream().filter(k -> measure.equals(k.get("measure")))
                .findFirst().orElseThrow(() -> new AssertionError("no KPI " + measure + " in " + report));
    }

    /** An event body: type, date and further key/value pairs. */
    protected static Map<String, Object> ev(String type, String on, Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("on", on);
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        if ("DECIDED".equals(type) && !body.containsKey("motivation")) {
            // A decision on a formal complaint is reasoned (Wkkgz art. 17 lid 1); tests about something else give
            // these reasons, the tests of the reasons themselves pass "motivation" (null to leave it out).
            body.put("motivation", DEFAULT_MOTIVATION);
        }
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }

    /** The reasons of a decision in a test that is not about them. */
    public static final String DEFAULT_MOTIVATION = "Wij hebben de klacht onderzocht en met beide partijen gesproken.";
}
