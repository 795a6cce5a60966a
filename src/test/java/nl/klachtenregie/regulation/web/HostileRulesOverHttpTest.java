package nl.klachtenregie.regulation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile corpus through the administrator's pages: each rule set can be saved as a draft (a draft is only
 * text), none can be activated, the version in force stays, and the server keeps serving other users meanwhile.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRulesOverHttpTest extends PageTestSupport {

    private static final String BASE = "/t/impuls/beheer/reglement";
    /** From the hostile corpus: every outcome makes two more, until the output bound stops the evaluation. */
    static final Path RUNS_INTO_THE_OUTPUT_BOUND = Path.of("src/test/resources/hostile/outcome-flood-one-firing.drl");

    @Inject
    RegulationCatalog catalog;
    @Inject
    TenantDirectory tenants;

    @Test
    void noHostileRuleSetCanBeActivatedAndTheServerKeepsServing() throws IOException {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/hostile"))) {
            corpus = files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
        assertTrue(corpus.size() >= 30, "the corpus is there: " + corpus.size());
        PageSession admin = loggedInAs("impuls.beheerder");
        PageSession staff = loggedInAs("impuls.medewerker");
        int n = 0;
        for (Path file : corpus) {
            String name = "kwaad-" + ++n;
            String drl = Files.readString(file);
            admin.get(BASE);
            Page created = admin.post(BASE + "/nieuw", Map.of("kind", "drl", "version", name,
                    "effectiveFrom", "2027-01-01", "title", "Kwaadaardig: " + file.getFileName()));
            assertEquals(303, created.status(), file + ": " + created.body());
            admin.get(BASE + "/" + name);
            Page saved = admin.post(BASE + "/" + name, Map.of("rowVersion", "0", "effectiveFrom", "2027-01-01",
                    "title", "Kwaadaardig", "drl[0].name", "regulation.drl", "drl[0].text", drl));
            // A draft is only text: it is stored, unless it is too big to be a rule set at all (400).
            assertTrue(saved.status() == 303 || saved.status() == 400, file + " saved with " + saved.status());
            Page draft = admin.get(BASE + "/" + name);
            assertEquals(200, draft.status(), file + ": the draft page shows the problems, not an error");
            Page activated = admin.post(BASE + "/" + name + "/vaststellen",
                    Map.of("rowVersion", saved.status() == 303 ? "1" : "0"));
            assertEquals(422, activated.status(), file + " must not be activated: " + activated.status());
            assertTrue(activated.contains("kan nog niet") || activated.contains("Niet opgeslagen")
                    || activated.contains("regel"), file + ": the refusal says why");
            assertEquals(200, staff.get("/t/impuls/werk").status(), "the server keeps serving after " + file);
        }
        var impuls = tenants.resolve("impuls");
        assertEquals("2", catalog.inForceOn(impuls, LocalDate.of(2027, 6, 1)).version());
        assertTrue(catalog.all(impuls.id()).stream().filter(v -> v.name().startsWith("kwaad-"))
                .allMatch(v -> v.isDraft()));
    }

    @Inject
    nl.klachtenregie.security.UserDirectory users;
    @Inject
    nl.klachtenregie.notification.DeadlineWatch watch;

    @Test
    void aTenantsActivatedHostileRuleSetHarmsOnlyThatTenant() throws Exception {
        // As if activated before the bounds of issue 14: every evaluation of it runs until a bound stops it.
        var hostile = tenants.create(nl.klachtenregie.tenant.TenantProfile.starter("kwaadwillig", "Kwaadwillig"));
        catalog.add(hostile.id(), new nl.klachtenregie.regulation.RegulationVersion("1", LocalDate.of(2020, 1, 1),
                "Lus", "test", nl.klachtenregie.regulation.RuleSet.of("regulation.drl",
                        Files.readString(RUNS_INTO_THE_OUTPUT_BOUND)), ""));
        users.create(hostile.id(), "kwaadwillig.leidinggevende", "K. Wadwillig", DEMO_PASSWORD,
                java.util.Set.of(nl.klachtenregie.security.Role.MANAGER));
        Map<String, Object> complaint = Map.of("kind", "FORMAL", "channel", "LETTER", "receivedOn", "2026-11-02",
                "summary", "Geen antwoord", "category", "OVERIG", "complainant", Map.of("name", "A. Klager",
                        "role", "CLIENT", "email", "a@example.org"));
        Map<String, Object> other = new java.util.HashMap<>(complaint);
        other.put("category", "BEJEGENING");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Response>> attacks = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                attacks.add(pool.submit(() -> sendAs("kwaadwillig.leidinggevende",
                        io.micronaut.http.HttpRequest.POST("/api/tenants/kwaadwillig/complaints", complaint))));
            }
            List<Integer> served = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Response created = post("/api/tenants/iederzijnwerk/complaints", other);
                served.add(created.status());
                served.add(get("/api/tenants/iederzijnwerk/complaints/" + created.body().get("id")).status());
            }
            watch.run();
            for (java.util.concurrent.Future<Response> attack : attacks) {
                Response r = attack.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(503, r.status(), () -> "the hostile tenant's own intake fails, with a reason: " + r.body());
                assertTrue(String.valueOf(r.body().get("message")).contains("regelset"), r.body()::toString);
            }
            assertTrue(served.stream().allMatch(status -> status == 200 || status == 201),
                    () -> "another tenant is served throughout: " + served);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, loggedInAs("impuls.medewerker").get("/t/impuls/werk").status());
    }

    @Test
    void malformedEditorPostsAreClearErrorsAndKeepWhatWasTyped() {
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get(BASE);
        assertEquals(303, admin.post(BASE + "/nieuw", Map.of("kind", "drl", "version", "rommel",
                "effectiveFrom", "2027-01-01", "title", "Rommel")).status());
        admin.get(BASE + "/rommel");
        Page hugeIndex = admin.post(BASE + "/rommel", Map.of("rowVersion", "0", "effectiveFrom", "2027-01-01",
                "title", "Rommel", "drl[99999999999].text", "x"));
        assertEquals(400, hugeIndex.status(), "an index no editor makes is no file, not a 500");
        admin.get(BASE + "/rommel");
        Page twice = admin.post(BASE + "/rommel", Map.of("rowVersion", "0", "effectiveFrom", "2027-01-01",
                "title", "Rommel", "drl[0].name", "a.drl", "drl[0].text", "// eerste", "drl[1].name", "a.drl",
                "drl[1].text", "// tweede met eigen tekst"));
        assertEquals(400, twice.status());
        assertTrue(twice.contains("twee bestanden heten"), twice.body());
        assertTrue(twice.contains("tweede met eigen tekst"), "what was typed is shown again");
        admin.get(BASE + "/rommel");
        Page emptied = admin.post(BASE + "/rommel", Map.of("rowVersion", "0", "effectiveFrom", "2027-01-01",
                "title", "Rommel", "drl[0].name", "regulation.drl", "drl[0].text", "  "));
        assertEquals(400, emptied.status());
        assertTrue(emptied.contains("minstens"), emptied.body());
    }
}
