package nl.klachtenregie.publicform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klachtenregie.publicform.WallClock;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.Html;

/**
 * Het klachtformulier over HTTP, against the real database: what it promises per tenant, what it requires, how it
 * keeps robots and floods out (honeypot, signed token with its minimum and maximum age, a rate limit per sender
 * behind a proxy header, a size limit), that a double submit is one complaint, that what a complainant types is
 * shown as text everywhere staff see it, and that closed or unknown forms are 404. The minimum time between showing
 * and sending is the production default (3 s) here; the tests move the wall clock instead of waiting.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFormTest extends PageTestSupport {

    static final String MOVABLE_WALL_CLOCK = "klachtenregie.test.movable-wall-clock";
    private static final String ADDRESS_HEADER = "X-Real-IP";
    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final Pattern STATUS_LINK = Pattern.compile("id=\"status-link\" href=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("id=\"receipt-reference\">([^<]+)<");

    /** The wall clock as these tests move it: the real time plus an offset they add to. */
    @Singleton
    @Replaces(WallClock.class)
    @Requires(property = MOVABLE_WALL_CLOCK, value = "true")
    static class MovableWallClock extends WallClock {
        private final AtomicLong offset = new AtomicLong();

        @Override
        public Instant now() {
            return Instant.now().plusMillis(offset.get());
        }

        void advance(Duration by) {
            offset.addAndGet(by.toMillis());
        }
    }

    @Inject
    MovableWallClock wall;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TenantDirectory tenants;
    @Inject
    RegulationAdministration regulations;
    @Inject
    nl.klachtenregie.profile.ProfileService profiles;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger senders = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MOVABLE_WALL_CLOCK, "true");
        // As behind a proxy that puts the visitor's address in this header.
        props.put("micronaut.server.client-address-header", ADDRESS_HEADER);
        props.put("klachtenregie.public-form.min-seconds", "3");
        props.put("klachtenregie.public-form.max-per-hour", "5");
        return props;
    }

    // --- what the form says ----------------------------------------------------------------------------------

    @Test
    void theFormShowsTheTermsOfTheTenantsRegulation() {
        Reply izw = get("/klacht/iederzijnwerk", sender());
        assertEquals(200, izw.status(), izw.body());
        assertEquals(List.of("Binnen 5 werkdagen krijgt u een ontvangstbevestiging.",
                "Binnen 6 weken krijgt u ons oordeel."), promises(izw.body()));
        assertTrue(izw.body().contains("IederZijnWerk Ambulant"), "the tenant's name heads the page");
        assertFalse(izw.body().contains("INFORM_MANAGEMENT") || izw.body().contains("directie op de hoogte"),
                "an internal duty is not promised to the complainant");

        Reply klimkoord = get("/klacht/klimkoord", sender());
        assertEquals(List.of("U krijgt een ontvangstbevestiging.", "Binnen 14 dagen nemen wij contact met u op.",
                "Binnen 30 dagen laten wij u weten welke stappen wij nemen."), promises(klimkoord.body()));

        Reply english = send(HttpRequest.newBuilder(uri("/klacht/iederzijnwerk")).header("Cookie", "lang=en").GET(),
                sender());
        assertEquals(List.of("Within 5 working days you will receive an acknowledgement.",
                "Within 6 weeks you will receive our judgement."), promises(english.body()));
        assertTrue(english.body().contains("<html lang=\"en\""));
    }

    @Test
    void theFormNamesTheExternalBodiesAsTheAlternative() {
        String izw = get("/klacht/iederzijnwerk", sender()).body();
        String alternatives = Html.one(izw, "section#alternatives").text();
        assertTrue(alternatives.contains("U kunt ook terecht bij"), alternatives);
        assertTrue(alternatives.contains("Klachtenfunctionaris Klachtenportaal Zorg"), alternatives);
        assertTrue(alternatives.contains("info@klachtenportaalzorg.nl"), alternatives);
        assertTrue(alternatives.contains("Geschillencommissie Geschillenportaal Zorg"), alternatives);
        assertTrue(izw.contains("href=\"https://www.klachtenportaalzorg.nl\""));

        String impuls = get("/klacht/impuls", sender()).body();
        String body = Html.one(impuls, "section#alternatives").text();
        assertTrue(body.contains("Provinciale Klachtencommissie Welzijn"), body);
        assertTrue(body.contains("Postbus 8007, 6880 CA Velp"), body);
    }

    @Test
    void theFormIsAccessibleAndFitsAPhone() {
        String html = get("/klacht/iederzijnwerk", sender()).body();
        assertTrue(html.contains("<html lang=\"nl\""), "page language");
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertEquals(1, html.split("<h1[ >]", -1).length - 1, "one main heading");
        assertTrue(html.contains("class=\"skip-link\" href=\"#main\""));
        assertFalse(html.contains("href=\"/t/"), "no staff navigation");
        assertEquals(List.of(), unlabelledControls(html));
        Map<String, String> autocomplete = Map.of("f-name", "name", "f-email", "email", "f-phone", "tel",
                "f-address", "street-address", "f-place", "address-level2");
        autocomplete.forEach((id, value) -> assertEquals(value, Html.one(html, "#" + id).attr("autocomplete"), id));
        Html.Element summary = Html.one(html, "textarea#f-summary");
        assertEquals("5000", summary.attr("maxlength"));
        assertTrue(summary.attr("aria-describedby").contains("hint-summary"));
        assertTrue(Html.exists(html, "#hint-summary"));
        assertTrue(Html.one(html, "fieldset.choices[aria-describedby]").attr("aria-describedby")
                .contains("hint-share"));

        // Sent empty: an error summary at the top links to each field, and each field points at its own message.
        Reply empty = post("/klacht/iederzijnwerk", Map.of("formToken", token(html)), sender(), true);
        assertEquals(400, empty.status());
        Html.Element errors = Html.one(empty.body(), "#error-summary");
        assertEquals("alert", errors.attr("role"));
        List<String> targets = errors.select("a").stream().map(a -> a.attr("href")).toList();
        assertTrue(targets.containsAll(List.of("#f-summary", "#f-category", "#f-role-CLIENT", "#f-name",
                "#f-address", "#f-place", "#f-phone")), targets.toString());
        for (String target : targets) {
            assertTrue(Html.exists(empty.body(), target), "the summary links to an existing field: " + target);
        }
        Html.Element name = Html.one(empty.body(), "#f-name");
        assertEquals("true", name.attr("aria-invalid"));
        assertEquals("error-name", name.attr("aria-describedby"));
        assertEquals("Dit is verplicht.", Html.one(empty.body(), "#error-name").text());
        assertTrue(Html.one(empty.body(), "#f-summary").attr("aria-describedby").contains("error-summary-field"));
        assertEquals(List.of(), unlabelledControls(empty.body()));
    }

    @Test
    void eachTenantRequiresItsOwnFieldsAndAlwaysAWayToAnswer() {
        // IederZijnWerk's form records "naam, adres, woonplaats, telefoonnummer en een beschrijving van de klacht".
        Reply izw = submit("iederzijnwerk", Map.of("summary", "Klacht zonder gegevens", "category", "BEJEGENING",
                "role", "CLIENT", "share", "yes", "email", "k@example.org"), sender());
        assertEquals(400, izw.status());
        assertEquals(List.of("name", "phone", "address", "place"), errorFields(izw.body()));
        assertEquals("Klacht zonder gegevens", Html.one(izw.body(), "#f-summary").text(), "input kept");
        assertEquals("k@example.org", Html.one(izw.body(), "#f-email").attr("value"));
        assertTrue(Html.one(izw.body(), "#f-role-CLIENT").has("checked"));

        // Klimkoord asks no details at all, but an answer needs one way to reach the complainant.
        Map<String, String> nothing = new LinkedHashMap<>(Map.of("summary", "Onvrede", "category", "BEJEGENING",
                "role", "REPRESENTATIVE", "share", "yes"));
        Reply klimkoord = submit("klimkoord", nothing, sender());
        assertEquals(400, klimkoord.status());
        assertEquals(List.of("contact"), errorFields(klimkoord.body()));
        assertTrue(Html.one(klimkoord.body(), "#error-summary").text()
                .contains("Vul minstens één manier in waarop wij u kunnen bereiken"));
        nothing.put("phone", "06 1234 5678");
        assertEquals(200, submit("klimkoord", nothing, sender()).status(), "a phone number alone will do");

        Reply none = submit("klimkoord", Map.of("share", "yes", "email", "a@example.org"), sender());
        assertEquals(List.of("summary", "category", "role"), errorFields(none.body()));
    }

    @Test
    void badValuesAreRefusedFieldByFieldWithTheInputKept() {
        Map<String, String> form = izwForm("Te lang");
        form.put("summary", "x".repeat(5_001));
        form.put("wish", "y".repeat(2_001));
        form.put("name", "n".repeat(201));
        form.put("place", "p".repeat(201));
        form.put("address", "a".repeat(301));
        form.put("phone", "bel mij maar");
        form.put("email", "a@example.org, b@example.org");
        form.put("incidentOn", "2026-11-23");
        form.put("category", "ONBEKEND");
        form.put("serviceLine", "ANDERS");
        form.put("role", "OTHER");
        form.put("share", "misschien");
        Reply r = submit("iederzijnwerk", form, sender());
        assertEquals(400, r.status());
        assertEquals(List.of("summary", "wish", "category", "serviceLine", "incidentOn", "share", "role", "name",
                "email", "phone", "address", "place"), errorFields(r.body()));
        assertTrue(Html.one(r.body(), "#error-summary-field").text()
                .contains("hoogstens 5.000 tekens, u heeft er 5.001"), "written the Dutch way");
        assertEquals("Deze datum ligt in de toekomst.", Html.one(r.body(), "#error-incidentOn").text());
        assertEquals("Vul één e-mailadres in, zoals naam@voorbeeld.nl.", Html.one(r.body(), "#error-email").text());
        assertEquals("bel mij maar", Html.one(r.body(), "#f-phone").attr("value"), "what was typed is shown again");

        for (String email : List.of("Naam <a@example.org>", "a@example.org\r\nBcc: b@example.org", "geen-adres")) {
            Map<String, String> f = izwForm("E-mail " + email);
            f.put("email", email);
            assertEquals(List.of("email"), errorFields(submit("iederzijnwerk", f, sender()).body()), email);
        }
        Map<String, String> dutchDate = izwForm("Datum zoals getypt");
        dutchDate.put("incidentOn", "3-11-2026");
        assertEquals(200, submit("iederzijnwerk", dutchDate, sender()).status(), "a typed Dutch date is understood");
    }

    // --- keeping robots and floods out -----------------------------------------------------------------------

    @Test
    void aFilledHoneypotIsRefusedNeutrallyAndStoresNothing() {
        long cases = count("SELECT COUNT(*) FROM complaint");
        long attempts = count("SELECT COUNT(*) FROM public_submission_attempt");
        Map<String, String> form = izwForm("Ik ben een robot");
        form.put("website_url", "https://spam.example");
        Reply r = submit("iederzijnwerk", form, sender());
        assertEquals(400, r.status());
        String notice = Html.one(r.body(), "#form-notice").text();
        assertEquals("Uw klacht is niet verstuurd. Controleer het formulier en verstuur het opnieuw.", notice);
        assertFalse(notice.toLowerCase().contains("robot") || notice.contains("website"), "nothing gives it away");
        assertEquals("Ik ben een robot", Html.one(r.body(), "#f-summary").text());
        assertEquals("", Html.one(r.body(), "#f-website-url").attr("value"));
        assertEquals(cases, count("SELECT COUNT(*) FROM complaint"));
        assertEquals(attempts, count("SELECT COUNT(*) FROM public_submission_attempt"));

        Html.Element trap = Html.one(get("/klacht/iederzijnwerk", sender()).body(), "input#f-website-url");
        assertEquals("-1", trap.attr("tabindex"));
        assertEquals("off", trap.attr("autocomplete"));
        assertTrue(get("/klacht/iederzijnwerk", sender()).body().contains("class=\"hp-field\" aria-hidden=\"true\""));
    }

    @Test
    void aMissingForgedOrForeignTokenIsRefusedWithTheInputKept() {
        String address = sender();
        String genuine = token(get("/klacht/iederzijnwerk", address).body());
        String klimkoords = token(get("/klacht/klimkoord", address).body());
        wall.advance(Duration.ofSeconds(5));
        long cases = count("SELECT COUNT(*) FROM complaint");
        String forged = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        String otherSubmission = genuine.replaceFirst("\\.[0-9a-f-]{36}\\.", ".00000000-0000-0000-0000-000000000000.");
        String[] tokens = {null, "", "onzin", forged, otherSubmission, klimkoords};
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            Map<String, String> form = izwForm("Met sleutel " + i);
            if (token != null) {
                form.put("formToken", token);
            }
            Reply r = post("/klacht/iederzijnwerk", form, address, false);
            assertEquals(400, r.status(), "token " + token);
            assertTrue(Html.one(r.body(), "#form-notice").text().contains("konden het formulier niet controleren"));
            assertEquals("Met sleutel " + i, Html.one(r.body(), "#f-summary").text(), "input kept");
            String fresh = token(r.body());
            assertNotEquals(token, fresh, "the form comes back with a new token");
        }
        assertEquals(cases, count("SELECT COUNT(*) FROM complaint"));
    }

    @Test
    void aFormLeftOpenForADayMustBeSentAgain() {
        String address = sender();
        String token = token(get("/klacht/iederzijnwerk", address).body());
        wall.advance(Duration.ofHours(24).plusMinutes(1));
        Map<String, String> form = izwForm("Lang laten liggen");
        form.put("formToken", token);
        Reply stale = post("/klacht/iederzijnwerk", form, address, false);
        assertEquals(400, stale.status());
        assertTrue(Html.one(stale.body(), "#form-notice").text().contains("de pagina stond te lang open"));
        assertEquals("Lang laten liggen", Html.one(stale.body(), "#f-summary").text());
        String fresh = token(stale.body());
        assertNotEquals(token, fresh);

        wall.advance(Duration.ofSeconds(5));
        form.put("formToken", fresh);
        assertEquals(200, post("/klacht/iederzijnwerk", form, address, false).status(), "sent again, it goes through");
    }

    @Test
    void aFormSentWithinSecondsOfOpeningIsTakenForARobot() {
        String address = sender();
        String token = token(get("/klacht/iederzijnwerk", address).body());
        Map<String, String> form = izwForm("Heel snel");
        form.put("formToken", token);
        Reply quick = post("/klacht/iederzijnwerk", form, address, false);
        assertEquals(400, quick.status());
        assertTrue(Html.one(quick.body(), "#form-notice").text().contains("erg snel na het openen"));
        assertEquals("Heel snel", Html.one(quick.body(), "#f-summary").text());

        // A person reads the message and sends the same form again: by then it is no longer too fast.
        wall.advance(Duration.ofSeconds(3));
        form.put("formToken", token(quick.body()));
        assertEquals(200, post("/klacht/iederzijnwerk", form, address, false).status());
    }

    @Test
    void theSixthSubmissionWithinAnHourFromOneAddressIsRefusedWith429() {
        String address = sender();
        // Across tenants: the limit is per sender, not per form.
        for (int i = 1; i <= 5; i++) {
            String tenant = i % 2 == 0 ? "klimkoord" : "iederzijnwerk";
            Map<String, String> form = tenant.equals("klimkoord") ? klimkoordForm("Bericht " + i)
                    : izwForm("Bericht " + i);
            assertEquals(200, submit(tenant, form, address).status(), "submission " + i);
        }
        long cases = count("SELECT COUNT(*) FROM complaint");
        Map<String, String> sixth = izwForm("De zesde");
        sixth.put("wish", "Een gesprek");
        Reply refused = submit("iederzijnwerk", sixth, address);
        assertEquals(429, refused.status());
        String notice = Html.one(refused.body(), "#form-notice").text();
        assertTrue(notice.contains("in het afgelopen uur al 5 klachten verstuurd"), notice);
        assertTrue(notice.matches("(?s).*Probeer het na \\d{2}:\\d{2} uur opnieuw.*"), notice);
        assertTrue(notice.contains("telefoon 0515 543623") && notice.contains("info@iederzijnwerk.nl"), notice);
        assertEquals("De zesde", Html.one(refused.body(), "#f-summary").text(), "input kept");
        assertEquals("Een gesprek", Html.one(refused.body(), "#f-wish").text());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(cases, count("SELECT COUNT(*) FROM complaint"), "nothing registered");

        // A made-up X-Forwarded-For does not make another sender: the proxy's header counts.
        Reply spoofed = send(formPost("/klacht/iederzijnwerk", withToken("iederzijnwerk", izwForm("Vermomd"), address))
                .header("X-Forwarded-For", "203.0.113.77"), address);
        assertEquals(429, spoofed.status());
        // Another sender is not held up.
        assertEquals(200, submit("iederzijnwerk", izwForm("Iemand anders"), sender()).status());

        // An hour after the first of the five, there is room again.
        wall.advance(Duration.ofMinutes(61));
        assertEquals(200, submit("iederzijnwerk", izwForm("Een uur later"), address).status());

        // Attempts are kept for a day: the next submission clears out older ones.
        wall.advance(Duration.ofHours(25));
        assertEquals(200, submit("iederzijnwerk", izwForm("Een dag later"), address).status());
        long dayAgo = wall.now().minus(Duration.ofDays(1)).toEpochMilli();
        assertEquals(0, count("SELECT COUNT(*) FROM public_submission_attempt WHERE at_millis < " + dayAgo));
        assertTrue(count("SELECT COUNT(*) FROM public_submission_attempt") >= 1);
        assertEquals(0, count("SELECT COUNT(*) FROM public_submission_attempt WHERE address_hash LIKE '%"
                + address + "%'"), "the address is stored only as a keyed hash");
    }

    @Test
    void aPostOver128KilobytesIsRefusedWith413() {
        String address = sender();
        Map<String, String> form = withToken("iederzijnwerk", izwForm("z".repeat(140_000)), address);
        Reply r = send(formPost("/klacht/iederzijnwerk", form), address);
        assertEquals(413, r.status());
        assertTrue(r.body().contains("<html lang=\"nl\""), r.body());
        assertTrue(r.body().contains("Uw bericht is te groot"), r.body());
    }

    // --- registering ----------------------------------------------------------------------------------------

    @Test
    void aDoubleSubmitRegistersOneComplaintAndBothLinksWork() {
        String address = sender();
        Map<String, String> form = withToken("iederzijnwerk", izwForm("Twee keer geklikt"), address);
        long before = count("SELECT COUNT(*) FROM complaint");
        Reply first = post("/klacht/iederzijnwerk", form, address, false);
        Reply second = post("/klacht/iederzijnwerk", form, address, false);
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM complaint"), "one complaint");
        assertEquals(reference(first.body()), reference(second.body()));
        String linkA = statusLink(first.body());
        String linkB = statusLink(second.body());
        assertNotEquals(linkA, linkB, "each receipt shows a link of its own");
        for (String link : List.of(linkA, linkB)) {
            Reply status = get(link, address);
            assertEquals(200, status.status(), link);
            assertEquals(reference(first.body()), Html.one(status.body(), "#status-reference").text());
        }
        assertEquals(2, count("SELECT COUNT(*) FROM status_link WHERE complaint_id = "
                + caseId(reference(first.body()))));
    }

    @Test
    void theLongestHonestComplaintInAThreeByteScriptIsAcceptedAndKeptLetterForLetter() {
        // 5,000 + 2,000 characters of Ge'ez (Tigrinya): 9 bytes each once percent-encoded, about 65 KB in all.
        String address = sender();
        String summary = "ሰ".repeat(4_990) + " 😀 Łódź";
        Map<String, String> form = izwForm(summary);
        form.put("wish", "ላ".repeat(2_000));
        form.put("name", "Łukasz Żółć 😀");
        Reply receipt = submit("iederzijnwerk", form, address);
        assertEquals(200, receipt.status(), receipt.body());
        Map<String, Object> c = caseOf(receipt);
        assertTrue(((String) c.get("summary")).startsWith(summary), "stored as written");
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) c.get("complainant");
        assertEquals("Łukasz Żółć 😀", who.get("name"));
    }

    @Test
    void theSameFormSentAgainWithOtherWordsIsNotLostButAskedToBeSentAsANewComplaint() {
        // Back, edit, send: the page still holds the first form's token. The second complaint must not vanish into
        // the first, nor may the sender get a new link to the first one.
        String address = sender();
        Map<String, String> first = withToken("iederzijnwerk", izwForm("Eerste klacht"), address);
        Reply receipt = post("/klacht/iederzijnwerk", first, address, false);
        assertEquals(200, receipt.status(), receipt.body());
        long before = count("SELECT COUNT(*) FROM complaint");
        long links = count("SELECT COUNT(*) FROM status_link");
        Map<String, String> edited = new LinkedHashMap<>(first);
        edited.put("summary", "Een heel andere klacht");
        Reply again = post("/klacht/iederzijnwerk", edited, address, false);
        assertEquals(409, again.status(), again.body());
        String notice = Html.one(again.body(), "#form-notice").text();
        assertTrue(notice.contains(reference(receipt.body())), notice);
        assertEquals("Een heel andere klacht", Html.one(again.body(), "#f-summary").text(), "input kept");
        assertEquals(before, count("SELECT COUNT(*) FROM complaint"));
        assertEquals(links, count("SELECT COUNT(*) FROM status_link"), "no link to the first complaint");
        String freshToken = token(again.body());
        assertNotEquals(first.get("formToken"), freshToken, "a new form");
        Map<String, String> resent = new LinkedHashMap<>(edited);
        resent.put("formToken", freshToken);
        Reply second = post("/klacht/iederzijnwerk", resent, address, true);
        assertEquals(200, second.status(), second.body());
        assertNotEquals(reference(receipt.body()), reference(second.body()));
        assertEquals(before + 1, count("SELECT COUNT(*) FROM complaint"));
    }

    @Test
    void aDoubleClickOnTheLastAllowedSubmissionStillShowsTheReceipt() {
        String address = sender();
        for (int i = 1; i <= 4; i++) {
            assertEquals(200, submit("iederzijnwerk", izwForm("Vooraf " + i), address).status());
        }
        Map<String, String> fifth = withToken("iederzijnwerk", izwForm("De vijfde"), address);
        Reply first = post("/klacht/iederzijnwerk", fifth, address, false);
        Reply second = post("/klacht/iederzijnwerk", fifth, address, false);
        assertEquals(200, first.status());
        assertEquals(200, second.status(), "the second post of a stored form is no new submission: "
                + second.body());
        assertEquals(reference(first.body()), reference(second.body()));
        assertEquals(429, submit("iederzijnwerk", izwForm("Echt een zesde"), address).status(),
                "and the double click used no slot: the sixth new one is still the one refused");
    }

    @Test
    void theReceiptShowsReferenceDatePromisesAndThePrivateLink() {
        Reply r = submit("iederzijnwerk", izwForm("Ontvangstbewijs"), sender());
        assertEquals(200, r.status(), r.body());
        String reference = reference(r.body());
        assertTrue(reference.matches("[A-Z0-9]+-2026-\\d{4}"), reference);
        assertEquals("22-11-2026", Html.one(r.body(), "#receipt-received").text());
        List<String> next = Html.select(r.body(), "#what-happens-next li").stream().map(Html.Element::text).toList();
        // 5 working days after Sunday 22-11-2026; 6 weeks after it.
        assertEquals(List.of("U krijgt een ontvangstbevestiging. Uiterlijk op 27-11-2026.",
                "U krijgt ons oordeel. Uiterlijk op 04-01-2027."), next);
        String link = statusLink(r.body());
        assertTrue(link.matches("/klacht/iederzijnwerk/status/[A-Za-z0-9_-]{43}"), link);
        assertTrue(Html.one(r.body(), "#status-link").text().matches("http://localhost:\\d+" + Pattern.quote(link)));
        assertPrivate(r.headers());
        assertEquals(1, count("SELECT COUNT(*) FROM status_link WHERE token_hash = '" + sha256(link.substring(
                link.lastIndexOf('/') + 1)) + "' AND expires_on = '2027-05-21'"), "stored as a hash, 180 days");
    }

    @Test
    void theComplaintIsRegisteredAsTheFormSays() {
        Map<String, String> form = izwForm("Afspraak drie keer verzet.\nNiemand belde terug.");
        form.put("wish", "Een vaste begeleider");
        form.put("incidentOn", "2026-11-10");
        form.put("serviceLine", "DAGBESTEDING");
        form.put("concernsEmployee", "M. de Vries");
        form.put("role", "NEXT_OF_KIN");
        form.put("email", "nabestaande@example.org");
        Map<String, Object> c = caseOf(submit("iederzijnwerk", form, sender()));
        assertEquals("FORMAL", c.get("kind"), "IederZijnWerk: a complaint through the form is formal");
        assertEquals("WEB_FORM", c.get("channel"));
        assertEquals("2026-11-22", c.get("receivedOn"));
        assertEquals("2026-11-10", c.get("incidentOn"));
        assertEquals("Afspraak drie keer verzet.\nNiemand belde terug.\n\nGewenste oplossing: Een vaste begeleider",
                c.get("summary"));
        assertEquals("DAGBESTEDING", c.get("serviceLine"));
        assertEquals("M. de Vries", c.get("concernsEmployee"));
        assertEquals(Boolean.FALSE, c.get("confidential"));
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) c.get("complainant");
        assertEquals("NEXT_OF_KIN", who.get("role"));
        assertEquals("Jan Klager", who.get("name"));
        assertEquals("nabestaande@example.org", who.get("email"));
        assertEquals("Sneek", who.get("place"));

        Map<String, Object> informal = caseOf(submit("klimkoord", klimkoordForm("Informeel"), sender()));
        assertEquals("INFORMAL", informal.get("kind"), "Klimkoord: a complaint through the form is informal");
    }

    @Test
    void declaringNoToSharingWithTheEmployeeMakesTheCaseConfidential() {
        String html = get("/klacht/klimkoord", sender()).body();
        assertTrue(Html.one(html, "#f-share-yes").has("checked"), "sharing is the rule; declining is explicit");
        assertTrue(Html.one(html, "#hint-share").text().contains("alleen een beperkt antwoord geven, in vrij algemene"
                + " woorden"), "the consequence is told in plain words");
        Map<String, String> form = klimkoordForm("Liever niet met de medewerker bespreken");
        form.put("concernsEmployee", "P. Jansen");
        form.put("share", "no");
        Map<String, Object> c = caseOf(submit("klimkoord", form, sender()));
        assertEquals(Boolean.TRUE, c.get("confidential"));
    }

    @Test
    void controlCharactersAreStrippedAndLineBreaksKept() {
        Map<String, String> form = izwForm("Eerste regel\r\nTweede\u0000 regel\u202E omgekeerd\tmet tab");
        form.put("name", "Jan\u0007 Klager\nde Tweede");
        Map<String, Object> c = caseOf(submit("iederzijnwerk", form, sender()));
        assertEquals("Eerste regel\nTweede regel omgekeerd\tmet tab", c.get("summary"));
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) c.get("complainant");
        assertEquals("Jan Klager de Tweede", who.get("name"), "a name is one line");
    }

    @Test
    void markupInAComplaintIsTextOnTheCasePageTheCaseListAndInALetter() {
        String summary = "<script>alert('s')</script> <img src=x onerror=alert(1)> {{case.reference}} {{#each x}}";
        Map<String, String> form = izwForm(summary);
        form.put("name", "<img src=x onerror=alert(2)>{{complainant.name}}");
        Reply receipt = submit("iederzijnwerk", form, sender());
        assertEquals(200, receipt.status(), receipt.body());
        String reference = reference(receipt.body());
        long id = caseId(reference);

        PageSession staff = loggedInAs("iederzijnwerk.medewerker");
        Page casePage = staff.get("/t/iederzijnwerk/klachten/" + id);
        assertEquals(200, casePage.status());
        assertEscaped(casePage.body());
        assertTrue(casePage.body().contains("&lt;script&gt;alert(&#x27;s&#x27;)&lt;/script&gt;"), "shown as text");
        assertTrue(casePage.body().contains("{{case.reference}}"), "braces are text, not a template");

        Page list = staff.get("/t/iederzijnwerk/klachten?q=" + reference);
        assertEquals(200, list.status());
        assertTrue(list.body().contains(reference));
        assertEscaped(list.body());
        assertTrue(list.body().contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;"), "the name as text");

        Page issued = staff.post("/t/iederzijnwerk/klachten/" + id + "/brieven", Map.of("kind", "ACKNOWLEDGEMENT"));
        assertEquals(303, issued.status(), issued.body());
        String letter = tx.executeRead(s -> db.queryOne("SELECT html FROM letter WHERE complaint_id = ?",
                rs -> rs.getString(1), id)).orElseThrow();
        assertEscaped(letter);
        assertTrue(letter.contains("&lt;script&gt;"), letter);
        assertTrue(letter.contains("{{case.reference}}"), "the summary's braces are not filled in: " + letter);
        assertTrue(Pattern.compile("&lt;img src(=|&#x3D;)x onerror(=|&#x3D;)alert\\(2\\)&gt;\\{\\{complainant\\.name}}")
                .matcher(letter).find(), "the name is addressed as text: " + letter);
    }

    // --- closed, unknown, refused ---------------------------------------------------------------------------

    @Test
    void anUnknownTenantsFormIs404AndShowsNoOtherTenant() {
        for (String path : List.of("/klacht/bestaat-niet", "/klacht/IEDERZIJNWERK", "/klacht/a..b")) {
            Reply r = get(path, sender());
            assertEquals(404, r.status(), path);
            assertTrue(r.body().contains("Dit klachtformulier bestaat niet"), path + ": " + r.body());
            for (String other : List.of("IederZijnWerk", "Klimkoord", "Impuls")) {
                assertFalse(r.body().contains(other), path + " names " + other);
            }
        }
        for (int i = 0; i < 3; i++) {
            Reply post = sendFresh(formPost("/klacht/bestaat-niet", izwForm("Aan niemand")), sender());
            assertEquals(404, post.status());
            assertTrue(post.body().contains("Dit klachtformulier bestaat niet"));
        }
    }

    @Test
    void aClosedFormIs404() {
        Tenant closed = tenants.create(TenantProfile.starter("gesloten-formulier", "Gesloten Formulier")
                .withPublicForm(new TenantProfile.PublicForm(false, "FORMAL", List.of(), 180)));
        Reply r = get("/klacht/" + closed.slug(), sender());
        assertEquals(404, r.status());
        assertTrue(r.body().contains("Dit klachtformulier bestaat niet"));
        assertFalse(r.body().contains("Gesloten Formulier"));
        Reply post = sendFresh(formPost("/klacht/" + closed.slug(), izwForm("Toch")), sender());
        assertEquals(404, post.status());
        assertTrue(post.body().contains("Dit klachtformulier bestaat niet"));

        // Open, but without a regulation in force no complaint can be registered: not in use yet.
        Tenant noRules = tenants.create(TenantProfile.starter("zonder-reglement", "Zonder Reglement")
                .withPublicForm(TenantProfile.PublicForm.DEFAULT));
        assertEquals(404, get("/klacht/" + noRules.slug(), sender()).status());
    }

    @Test
    void aNewOrganisationsFormStaysClosedUntilItsFirstVersionIsActivated() {
        // It would promise the terms of a draft, or none at all.
        Tenant fresh = tenants.create(TenantProfile.starter("nog-zonder-versie", "Nog Zonder Versie"));
        assertFalse(fresh.profile().publicForm().enabled());
        nl.klachtenregie.shared.RefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                nl.klachtenregie.shared.RefusedException.class, () -> profiles.update(fresh,
                        fresh.profile().withPublicForm(TenantProfile.PublicForm.DEFAULT), "test"));
        assertTrue(refused.getMessage().contains("pas open als er een vastgestelde versie"), refused::getMessage);
        assertFalse(tenants.resolve("nog-zonder-versie").profile().publicForm().enabled());
        regulations.createFromDrl(fresh, new RegulationAdministration.DraftHeader("1", LocalDate.of(2020, 1, 1),
                "Eerste versie", "test"), Map.of("regulation.drl", "package rules.nogzonder;\nimport "
                + "nl.klachtenregie.regulation.*;\nrule \"Art. 1: 'binnen vijf werkdagen een ontvangstbevestiging'\"\n"
                + "when\n    ComplaintFacts($r : receivedOn)\nthen\n    insert(new Obligation(\"ACKNOWLEDGE\", $r, 5, "
                + "\"WORKING_DAYS\", \"ACKNOWLEDGED\"));\nend\n"), "test");
        regulations.activate(fresh, "1", 0, "test", List.of("ADMIN"));
        Tenant opened = profiles.update(tenants.resolve("nog-zonder-versie"),
                tenants.resolve("nog-zonder-versie").profile().withPublicForm(TenantProfile.PublicForm.DEFAULT), "test");
        assertTrue(opened.profile().publicForm().enabled());
        assertEquals(200, get("/klacht/nog-zonder-versie", sender()).status());
    }

    @Test
    void aComplaintTheRegulationRefusesIs422WithItsReasonsAndTheInputKept() {
        Tenant tenant = tenants.create(TenantProfile.starter("alleen-per-brief", "Alleen Per Brief")
                .withPublicForm(TenantProfile.PublicForm.DEFAULT));
        String drl = """
                package rules.alleenperbrief;
                import nl.klachtenregie.regulation.*;

                rule "Alleen per brief: 'een klacht dient u schriftelijk per brief in'"
                when
                    ComplaintFacts(channel == "WEB_FORM")
                then
                    insert(new Refusal("CREATE",
                        "Een klacht dient u per brief in; het webformulier is daarvoor niet bedoeld."));
                end

                rule "Alleen per brief: 'binnen twee weken krijgt u antwoord'"
                when
                    ComplaintFacts($r : receivedOn)
                then
                    insert(new Obligation("DECIDE", $r, 2, "WEEKS", "DECIDED"));
                end
                """;
        regulations.createFromDrl(tenant, new RegulationAdministration.DraftHeader("1", LocalDate.of(2020, 1, 1),
                "Alleen per brief", "test"), Map.of("regulation.drl", drl), "test");
        regulations.activate(tenant, "1", 0, "test", List.of("ADMIN"));

        String html = get("/klacht/alleen-per-brief", sender()).body();
        assertEquals(List.of("Binnen 2 weken krijgt u ons oordeel."), promises(html));
        Map<String, String> form = new LinkedHashMap<>(Map.of("summary", "Via het web", "category", "OVERIG",
                "role", "CLIENT", "share", "yes", "name", "A. Klager", "email", "a@example.org"));
        long cases = count("SELECT COUNT(*) FROM complaint");
        Reply r = submit("alleen-per-brief", form, sender());
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("Een klacht dient u per brief in; het webformulier is daarvoor niet bedoeld."),
                Html.select(r.body(), "#form-refused li").stream().map(Html.Element::text).toList());
        assertEquals("Via het web", Html.one(r.body(), "#f-summary").text());
        assertEquals(cases, count("SELECT COUNT(*) FROM complaint"));
    }

    @Test
    void aFormThatReachesAHigherRungRegistersTheComplaintThereAndItsTermsRunFromReceipt() {
        // Issue 13 section 5: "the public form by the tenant's setting": a form that goes straight to the
        // leidinggevende starts the complaint at that rung, so a term that starts at that rung runs from receipt.
        Tenant tenant = tenants.create(TenantProfile.starter("formulier-bij-leiding", "Formulier Bij Leiding"));
        String drl = """
                package rules.formulierbijleiding;
                import nl.klachtenregie.regulation.*;

                rule "Art. 3: 'de leidinggevende neemt binnen 5 werkdagen contact op'"
                when
                    ComplaintFacts($r : receivedOn, intakeLevel == "TEAM_LEAD")
                then
                    insert(new Obligation("CONTACT", $r, 5, "WORKING_DAYS", "CONTACTED"));
                end
                """;
        regulations.createFromDrl(tenant, new RegulationAdministration.DraftHeader("1", LocalDate.of(2020, 1, 1),
                "Bij de leiding", "test"), Map.of("regulation.drl", drl), "test");
        regulations.activate(tenant, "1", 0, "test", List.of("ADMIN"));
        Tenant opened = profiles.update(tenants.resolve("formulier-bij-leiding"), tenants.resolve(
                "formulier-bij-leiding").profile().withPublicForm(TenantProfile.PublicForm.DEFAULT.atLevel("TEAM_LEAD")),
                "test");
        assertEquals("TEAM_LEAD", opened.profile().publicForm().level());

        assertEquals(List.of("Binnen 5 werkdagen nemen wij contact met u op."),
                promises(get("/klacht/formulier-bij-leiding", sender()).body()),
                "the form promises what a complaint at that rung gets");
        Map<String, String> form = new LinkedHashMap<>(Map.of("summary", "Rechtstreeks bij de leiding",
                "category", "OVERIG", "role", "CLIENT", "share", "yes", "name", "A. Klager", "email",
                "a@example.org"));
        Reply receipt = submit("formulier-bij-leiding", form, sender());
        assertEquals(200, receipt.status(), receipt.body());
        long id = caseId(reference(receipt.body()));
        assertEquals("TEAM_LEAD", tx.executeRead(st -> db.queryOne("SELECT escalation_level FROM complaint WHERE id = ?",
                rs -> rs.getString(1), id)).orElseThrow(), "registered at the rung the form reaches");
        assertEquals(List.of("CONTACT 2026-11-27"), tx.executeRead(st -> db.query("SELECT code, due_on FROM obligation "
                + "WHERE complaint_id = ?", rs -> rs.getString(1) + " " + rs.getDate(2).toLocalDate(), id)),
                "the leidinggevende's 5 working days run from receipt on Sunday 22-11-2026");
        assertTrue(receipt.body().contains("27-11-2026") || receipt.body().contains("27 november 2026"),
                "the receipt promises the term of the rung the form reaches");

        // A rung the ladder does not have is refused by the profile itself; nothing changes.
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> opened.profile().withPublicForm(TenantProfile.PublicForm.DEFAULT.atLevel("KF")));
        assertTrue(bad.getMessage().contains("onbekend escalatieniveau 'KF'"), bad::getMessage);
    }

    @Test
    void theFormIsOpenToAnyoneAlsoWhenSignedInAtAnotherTenant() {
        PageSession staff = loggedInAs("klimkoord.medewerker");
        Page page = staff.get("/klacht/iederzijnwerk");
        assertEquals(200, page.status(), "the tenant isolation rule is for staff pages, not the public form");
        assertTrue(page.body().contains("IederZijnWerk Ambulant"));
    }

    @Test
    void theFormAndTheReceiptAreNeverStored() {
        Reply form = get("/klacht/iederzijnwerk", sender());
        assertEquals("no-store", form.headers().firstValue("Cache-Control").orElse(""),
                "a cached form would hand two people the same submission");
        assertTrue(form.headers().allValues("Set-Cookie").isEmpty(), "no session for a visitor");
        Reply receipt = submit("iederzijnwerk", izwForm("Niet bewaren"), sender());
        assertPrivate(receipt.headers());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A reply: status, body and headers. */
    record Reply(int status, String body, HttpHeaders headers) {
    }

    static void assertPrivate(HttpHeaders headers) {
        assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""));
        assertEquals("noindex", headers.firstValue("X-Robots-Tag").orElse(""));
    }

    private static void assertEscaped(String html) {
        assertFalse(html.contains("<script>alert"), "no script element from the complaint");
        assertFalse(html.contains("<img src=x"), "no img element from the complaint");
        assertFalse(html.contains("<img src=\"x\""), "no img element from the complaint");
    }

    /** A new sender address for each use, so that tests do not share a rate-limit window. */
    private String sender() {
        return "198.51.100." + senders.incrementAndGet();
    }

    static Map<String, String> izwForm(String summary) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("summary", summary);
        f.put("category", "BEJEGENING");
        f.put("share", "yes");
        f.put("role", "CLIENT");
        f.put("name", "Jan Klager");
        f.put("address", "Dorpsstraat 1, 8600 AA");
        f.put("place", "Sneek");
        f.put("phone", "0515 123456");
        return f;
    }

    static Map<String, String> klimkoordForm(String summary) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("summary", summary);
        f.put("category", "BEREIKBAARHEID");
        f.put("share", "yes");
        f.put("role", "CLIENT");
        f.put("email", "klager@example.org");
        return f;
    }

    /** Opens the form, takes its token, lets a few seconds pass (a person filling it in) and sends it. */
    private Reply submit(String tenant, Map<String, String> fields, String address) {
        return post("/klacht/" + tenant, withToken(tenant, fields, address), address, false);
    }

    private Map<String, String> withToken(String tenant, Map<String, String> fields, String address) {
        Reply form = get("/klacht/" + tenant, address);
        assertEquals(200, form.status(), form.body());
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("formToken", token(form.body()));
        wall.advance(Duration.ofSeconds(3));
        return withToken;
    }

    private Reply get(String path, String address) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), address);
    }

    private Reply post(String path, Map<String, String> form, String address, boolean waitFirst) {
        if (waitFirst) {
            wall.advance(Duration.ofSeconds(3));
        }
        return send(formPost(path, form), address);
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Reply send(HttpRequest.Builder builder, String address) {
        return send(client, builder, address);
    }

    /**
     * Over a new connection, whose first request the JDK client sends with an HTTP/2 upgrade offer: a 404 answered by
     * a route to such a POST once sent the server into an endless loop.
     */
    private Reply sendFresh(HttpRequest.Builder builder, String address) {
        return send(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), builder, address);
    }

    private static Reply send(HttpClient client, HttpRequest.Builder builder, String address) {
        // A hung server fails the test in seconds instead of holding the build.
        builder.header("Accept", "text/html").header(ADDRESS_HEADER, address).timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "the form carries a token");
        return Html.unescape(m.group(1));
    }

    static String reference(String html) {
        Matcher m = REFERENCE.matcher(html);
        assertTrue(m.find(), () -> "a receipt with a reference: " + html);
        return m.group(1);
    }

    static String statusLink(String html) {
        Matcher m = STATUS_LINK.matcher(html);
        assertTrue(m.find(), "a receipt with a status link");
        return Html.unescape(m.group(1));
    }

    /** The promises of the "what happens next" list, in page order. */
    static List<String> promises(String html) {
        return Html.select(html, "#what-happens-next li").stream().map(Html.Element::text).toList();
    }

    /** The fields named in the error summary, in its order. */
    static List<String> errorFields(String html) {
        if (!Html.exists(html, "#error-summary")) {
            return List.of();
        }
        return Html.one(html, "#error-summary").select("a").stream()
                .map(a -> a.attr("href").substring(1))
                .map(target -> switch (target) {
                    case "f-role-CLIENT" -> "role";
                    case "f-share-yes" -> "share";
                    default -> target.substring(2);
                })
                .map(field -> field.equals("email") && html.contains("id=\"error-contact\"")
                        && !html.contains("id=\"error-email\"") ? "contact" : field)
                .toList();
    }

    /** Every form control that is neither inside a label nor named by a label's {@code for}. */
    static List<String> unlabelledControls(String html) {
        List<String> unlabelled = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
        while (m.find()) {
            String attrs = m.group(2);
            if (attrs.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
            if (!id.find() || !html.contains("for=\"" + id.group(1) + "\"")) {
                unlabelled.add(m.group(1) + attrs);
            }
        }
        return unlabelled;
    }

    private long count(String sql) {
        return tx.executeRead(s -> db.count(sql));
    }

    private long caseId(String reference) {
        return tx.executeRead(s -> db.queryOne("SELECT id FROM complaint WHERE reference = ?", rs -> rs.getLong(1),
                reference)).orElseThrow();
    }

    /** The case a receipt is for, as the JSON API shows it to the tenant's manager. */
    private Map<String, Object> caseOf(Reply receipt) {
        assertEquals(200, receipt.status(), receipt.body());
        String reference = reference(receipt.body());
        String tenant = reference.startsWith("KLIM") ? "klimkoord" : "iederzijnwerk";
        Map<String, Object> c = getCase(tenant, caseId(reference), null);
        assertNotNull(c);
        return c;
    }

    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
