package nl.klachtenregie.publicform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.Html;

/**
 * De statuslink: what the complainant sees through the private link (stage, the next promise with its date, what
 * happened), and everything the case holds that the link never shows; another tenant's link is unknown, and a link
 * stops working after its days on the case-date clock, which these tests move.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusLinkTest extends PageTestSupport {

    static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);

    @Inject
    MovableClock clock;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MovableClock.PROPERTY, "true");
        props.put("klachtenregie.public-form.min-seconds", "0");
        // Every post here comes from the test's own address.
        props.put("klachtenregie.public-form.max-per-hour", "1000");
        return props;
    }

    @BeforeEach
    void today() {
        clock.set(TODAY);
    }

    @Test
    void theLinkShowsTheStageTheNextTermAndWhatHappened() {
        Submitted s = submit("iederzijnwerk", PublicFormTest.izwForm("Afspraken niet nagekomen"));
        Reply fresh = fetch(s.link());
        assertEquals(200, fresh.status(), fresh.body());
        PublicFormTest.assertPrivate(fresh.headers());
        assertEquals(s.reference(), Html.one(fresh.body(), "#status-reference").text());
        assertEquals("22-11-2026", Html.one(fresh.body(), "#status-received").text());
        assertEquals("Ontvangen", Html.one(fresh.body(), "#status-stage").text());
        assertEquals("U krijgt een ontvangstbevestiging. Uiterlijk op 27-11-2026.",
                Html.one(fresh.body(), "#status-next").text());
        assertEquals(List.of("RECEIVED"), milestoneTypes(fresh.body()));
        assertTrue(fresh.body().contains("Deze link werkt tot en met 21-05-2027."));

        Tenant izw = tenants.resolve("iederzijnwerk");
        ComplaintId id = new ComplaintId(s.caseId());
        clock.set(LocalDate.of(2026, 11, 24));
        complaints.recordEvent(izw, id, NewEvent.of(EventType.ACKNOWLEDGED, LocalDate.of(2026, 11, 24)));
        clock.set(LocalDate.of(2026, 12, 1));
        complaints.recordEvent(izw, id, NewEvent.of(EventType.CONTACTED, LocalDate.of(2026, 12, 1)));
        Reply handled = fetch(s.link());
        assertEquals("In behandeling", Html.one(handled.body(), "#status-stage").text());
        assertEquals("U krijgt ons oordeel. Uiterlijk op 04-01-2027.", Html.one(handled.body(), "#status-next").text(),
                "6 weeks after 22-11-2026 is Sunday 03-01-2027, so the next working day");
        assertEquals(List.of("RECEIVED", "ACKNOWLEDGED", "CONTACTED"), milestoneTypes(handled.body()));
        assertTrue(milestones(handled.body()).contains("24-11-2026: wij hebben u een ontvangstbevestiging gestuurd"),
                () -> milestones(handled.body()).toString());

        // IederZijnWerk allows one extension of 4 weeks, announced before the 6 weeks run out.
        clock.set(LocalDate.of(2026, 12, 28));
        complaints.recordEvent(izw, id, new NewEvent(EventType.EXTENSION_ANNOUNCED, LocalDate.of(2026, 12, 28), 4,
                null, null, null, null, null, null, "Wachten op het verslag van de coördinator", null, null));
        Reply extended = fetch(s.link());
        assertEquals("U krijgt ons oordeel. Uiterlijk op 01-02-2027.",
                Html.one(extended.body(), "#status-next").text(), "10 weeks: Sunday 31-01-2027, so Monday");
        assertTrue(milestones(extended.body()).contains("28-12-2026: wij hebben u laten weten dat wij meer tijd nodig "
                + "hebben; de nieuwe uiterste datum is 01-02-2027"), () -> milestones(extended.body()).toString());

        clock.set(LocalDate.of(2027, 1, 20));
        complaints.recordEvent(izw, id, new NewEvent(EventType.DECIDED, LocalDate.of(2027, 1, 20), null, null, null,
                Judgement.PARTLY_WELL_FOUNDED, "Coaching voor het team", LocalDate.of(2027, 3, 1),
                "De klacht is deels gegrond", null, null, null));
        Reply decided = fetch(s.link());
        assertEquals("Afgerond", Html.one(decided.body(), "#status-stage").text());
        assertEquals("Wij laten u weten welke stappen wij nemen.", Html.one(decided.body(), "#status-next").text(),
                "after the judgement, the organisation still owes the steps it takes (no term)");
        assertEquals(List.of("RECEIVED", "ACKNOWLEDGED", "CONTACTED", "EXTENSION_ANNOUNCED", "DECIDED"),
                milestoneTypes(decided.body()));

        clock.set(LocalDate.of(2027, 1, 25));
        complaints.recordEvent(izw, id, NewEvent.of(EventType.SOLUTION_COMMUNICATED, LocalDate.of(2027, 1, 25)));
        // what is still open is set aside with a reason before closing: nothing lapses silently
        List<String> open = complaints.get(izw, nl.klachtenregie.complaint.Viewer.SYSTEM, id, null).obligations().stream()
                .filter(o -> o.status() == nl.klachtenregie.complaint.ObligationStatus.OPEN)
                .map(CaseView.ObligationView::code).toList();
        if (!open.isEmpty()) {
            complaints.recordEvent(izw, id, NewEvent.about(EventType.DUTY_SET_ASIDE, LocalDate.of(2027, 1, 25), open,
                    "Niet meer nodig: de klacht is afgehandeld."));
        }
        complaints.recordEvent(izw, id, new NewEvent(EventType.CLOSED, LocalDate.of(2027, 1, 25), null, null, null,
                null, null, null, null, null, null, 4));
        Reply closed = fetch(s.link());
        assertEquals("Gesloten", Html.one(closed.body(), "#status-stage").text());
        assertEquals("Er staat op dit moment geen stap meer voor u open.",
                Html.one(closed.body(), "#status-next").text());
    }

    @Test
    void aTermThatRanOutIsShownAsSuch() {
        Submitted s = submit("iederzijnwerk", PublicFormTest.izwForm("Niemand reageert"));
        clock.set(LocalDate.of(2026, 12, 2));
        Reply late = fetch(s.link());
        assertEquals("U krijgt een ontvangstbevestiging. Uiterlijk op 27-11-2026.",
                Html.one(late.body(), "#status-next").text());
        assertTrue(Html.one(late.body(), "#status-overdue").text().contains("Deze datum is voorbij"));
    }

    @Test
    void aReferredComplaintNamesTheBodyItWentTo() {
        Submitted s = submit("klimkoord", PublicFormTest.klimkoordForm("Ik wil naar de klachtenfunctionaris"));
        Tenant klimkoord = tenants.resolve("klimkoord");
        CaseView c = complaints.get(klimkoord, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(s.caseId()), null);
        assertTrue(c.nextActions().contains("REFERRED_EXTERNAL"), () -> "offered: " + c.nextActions());
        complaints.recordEvent(klimkoord, new ComplaintId(s.caseId()), new NewEvent(EventType.REFERRED_EXTERNAL,
                TODAY, null, null, "KPZ_KLACHTENFUNCTIONARIS", null, null, null, null, null, null, null));
        Reply referred = fetch(s.link());
        assertEquals("Doorverwezen naar Klachtenfunctionaris Klachtenportaal Zorg",
                Html.one(referred.body(), "#status-stage").text());
    }

    @Test
    void theLinkShowsNothingInternal() {
        Map<String, String> form = PublicFormTest.izwForm("Mijn eigen beschrijving van wat er gebeurde");
        form.put("wish", "Excuses van de begeleider");
        form.put("concernsEmployee", "Marieke de Vries");
        form.put("email", "jan.klager@example.org");
        form.put("category", "COMMUNICATIE");
        Submitted s = submit("iederzijnwerk", form);
        Tenant izw = tenants.resolve("iederzijnwerk");
        ComplaintId id = new ComplaintId(s.caseId());
        UserAccount handler = users.findByUsername("iederzijnwerk.medewerker").orElseThrow();
        UserAccount manager = users.findByUsername("iederzijnwerk.leidinggevende").orElseThrow();
        complaints.assign(izw, id, handler.id(), null);
        clock.set(LocalDate.of(2026, 11, 25));
        complaints.recordEvent(izw, id, new NewEvent(EventType.REPORT_RECORDED, LocalDate.of(2026, 11, 25), null,
                null, null, null, null, null, null, "Gespreksverslag: de begeleider was die week overbelast", true,
                null), null, handler.id());
        complaints.recordEvent(izw, id, new NewEvent(EventType.ESCALATED, LocalDate.of(2026, 11, 25), null,
                "TEAM_LEAD", null, null, null, null, null, null, null, null), null, manager.id());
        complaints.recordEvent(izw, id, new NewEvent(EventType.DECIDED, LocalDate.of(2026, 11, 25), null, null, null,
                Judgement.WELL_FOUNDED, "Begeleider krijgt extra supervisie", LocalDate.of(2027, 1, 15),
                "Motivatie: het dossier toont drie gemiste afspraken", null, null, null), null, manager.id());
        CaseView c = complaints.get(izw, nl.klachtenregie.complaint.Viewer.SYSTEM, id, null);

        List<String> secrets = new ArrayList<>(List.of(
                "Mijn eigen beschrijving", "Excuses van de begeleider", "Gewenste oplossing",
                "Marieke de Vries", "COMMUNICATIE", "Communicatie",
                "Jan Klager", "jan.klager@example.org", "0515 123456", "Dorpsstraat", "Sneek",
                handler.displayName(), manager.displayName(),
                "overbelast", "extra supervisie", "drie gemiste afspraken", "WELL_FOUNDED", "gegrond",
                "TEAM_LEAD", "coördinator of leidinggevende", "INFORM_MANAGEMENT", "DAGBESTEDING"));
        c.advice().forEach(a -> secrets.add(a.text()));
        secrets.addAll(c.registrationReasons());
        c.obligations().forEach(o -> secrets.add(o.basis()));
        assertFalse(c.advice().isEmpty(), "the case has advice to keep out");
        assertEquals(handler.displayName(), c.handler().name());
        assertTrue(c.events().stream().anyMatch(e -> manager.displayName().equals(e.recordedBy())));

        String page = fetch(s.link()).body();
        List<String> shown = secrets.stream().filter(x -> x != null && !x.isBlank() && page.contains(x)).toList();
        assertEquals(List.of(), shown, "internal case data on the complainant's page");
        assertEquals("Afgerond", Html.one(page, "#status-stage").text(), "the page itself works");
    }

    @Test
    void aLinkOfOneTenantIsUnknownAtAnother() {
        Submitted s = submit("iederzijnwerk", PublicFormTest.izwForm("Bij IederZijnWerk"));
        String token = s.link().substring(s.link().lastIndexOf('/') + 1);
        Reply foreign = fetch("/klacht/klimkoord/status/" + token);
        assertEquals(404, foreign.status());
        assertTrue(Html.one(foreign.body(), "h1").text().contains("Deze link werkt niet"));
        assertFalse(foreign.body().contains(s.reference()));
        assertFalse(foreign.body().contains("IederZijnWerk"));
        PublicFormTest.assertPrivate(foreign.headers());

        // Exactly the answer to a token that never existed: the page cannot be used to find out cases elsewhere.
        String other = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        Reply unknown = fetch("/klacht/klimkoord/status/" + other);
        assertEquals(404, unknown.status());
        assertEquals(foreign.body().replace(token, "TOKEN"), unknown.body().replace(other, "TOKEN"));

        for (String bad : List.of("kort", "a".repeat(200), "%3Cscript%3E")) {
            assertEquals(404, fetch("/klacht/iederzijnwerk/status/" + bad).status(), bad);
        }
        assertEquals(404, fetch("/klacht/bestaat-niet/status/" + token).status());
        assertEquals(200, fetch(s.link()).status(), "at its own tenant it works");
    }

    @Test
    void statusLinkStopsWorkingAfterItsDays() {
        Submitted s = submit("iederzijnwerk", PublicFormTest.izwForm("Voor later"));
        clock.set(LocalDate.of(2027, 5, 21));
        assertEquals(200, fetch(s.link()).status(), "180 days after 22-11-2026 it still works");
        clock.set(LocalDate.of(2027, 5, 22));
        Reply expired = fetch(s.link());
        assertEquals(410, expired.status());
        assertEquals("Deze link is verlopen", Html.one(expired.body(), "h1").text());
        String contact = Html.one(expired.body(), "address").text();
        assertTrue(contact.contains("0515 543623") && contact.contains("info@iederzijnwerk.nl"), contact);
        assertFalse(expired.body().contains(s.reference()), "an expired link shows nothing of the case");
        PublicFormTest.assertPrivate(expired.headers());
    }

    @Test
    void theLinkKeepsWorkingWhenTheFormIsClosedLater() {
        Submitted s = submit("impuls", impulsForm());
        Tenant impuls = tenants.resolve("impuls");
        tenants.update(impuls.id(), impuls.profile().withPublicForm(new nl.klachtenregie.tenant.TenantProfile
                .PublicForm(false, "FORMAL", List.of("name"), 180)));
        assertEquals(404, fetch("/klacht/impuls").status(), "the form is closed");
        assertEquals(200, fetch(s.link()).status(), "the complaint already made can still be followed");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    record Submitted(String reference, String link, long caseId) {
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    }

    private static Map<String, String> impulsForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("summary", "Klacht bij Impuls");
        f.put("category", "BEJEGENING");
        f.put("share", "yes");
        f.put("role", "CLIENT");
        f.put("name", "A. Klager");
        f.put("email", "a@example.org");
        return f;
    }

    private Submitted submit(String tenant, Map<String, String> fields) {
        PageSession visitor = anonymous();
        Page form = visitor.get("/klacht/" + tenant);
        assertEquals(200, form.status(), form.body());
        Map<String, String> posted = new LinkedHashMap<>(fields);
        posted.put("formToken", PublicFormTest.token(form.body()));
        Page receipt = visitor.postRaw("/klacht/" + tenant, posted);
        assertEquals(200, receipt.status(), receipt.body());
        String reference = PublicFormTest.reference(receipt.body());
        long id = complaints.list(tenants.resolve(tenant), nl.klachtenregie.complaint.Viewer.SYSTEM, new nl.klachtenregie.complaint.CaseFilter(null, null,
                        complaints.today(), 10, 0, null, null, null, reference))
                .stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow().id();
        return new Submitted(reference, PublicFormTest.statusLink(receipt.body()), id);
    }

    /** Each milestone as "date: what happened". */
    private static List<String> milestones(String html) {
        return Html.select(html, "#milestones li").stream().map(li -> li.text().replace(" :", ":")).toList();
    }

    private static List<String> milestoneTypes(String html) {
        return Html.select(html, "#milestones li").stream().map(li -> li.attr("data-type")).toList();
    }

    private Reply fetch(String path) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .timeout(java.time.Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
