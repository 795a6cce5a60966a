package nl.klachtenregie.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.notification.DeliveryState;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxDispatcher;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.shared.SiteUrl;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.TestMail;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.notification.web.OutboxController;
import nl.klachtenregie.support.PostedForm;

/**
 * Berichten: the kwaliteitsmanager, leidinggevende, directie and beheerder see every e-mail the product sent or kept,
 * newest first and in Dutch, read one in full without a complainant's private status link, and send a failed one
 * again; nobody reaches another tenant's messages, and a handler has no outbox (only the messages on a case page).
 * E-mail is on and goes to a real SMTP server, which the test stops to make sending fail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPagesTest extends PageTestSupport {

    private static final String INTAKE = "intake@iederzijnwerk.example";
    private static final String DIRECTIE = "directie@iederzijnwerk.example";
    private static final String OUTBOX = "/t/iederzijnwerk/berichten";

    private final TestMail mail = new TestMail();
    /** Which tenant filed each case the test made. */
    private final Map<Long, String> filedBy = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    Notifications notifications;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    Outbox outbox;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    ProfileService profiles;
    @Inject
    SiteUrl site;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.putAll(mail.properties());
        return props;
    }

    @BeforeAll
    void addresses() {
        Tenant t = tenants.resolve("iederzijnwerk");
        profiles.update(t, t.profile().withNotifications(new TenantProfile.Notifications(INTAKE, DIRECTIE, Map.of(),
                List.of(3))), "test");
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @Test
    void theOutboxListsMessagesNewestFirstInDutchAndFiltersByState() {
        CaseView first = submitted("iederzijnwerk", "Anna Alfa", "anna@example.org", "token-a");
        dispatcher.dispatch();
        assertEquals(DeliveryState.SENT, message(first, MessageKind.ACKNOWLEDGEMENT).state());
        CaseView second = submitted("iederzijnwerk", "Bert Beta", "bert@example.org", "token-b");
        OutboxMessage queued = message(second, MessageKind.NEW_COMPLAINT);
        assertEquals(DeliveryState.PENDING, queued.state());

        PageSession manager = loggedInAs("iederzijnwerk.leidinggevende");
        Page list = manager.get(OUTBOX);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.contains("href=\"/t/iederzijnwerk/berichten\" aria-current=\"page\""), "menu: Berichten");
        assertNull(textOf(list.body(), "mail-off"), "e-mail is on: no banner");
        List<Long> ids = ids(list.body());
        assertTrue(ids.size() >= 4, ids.toString());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) > ids.get(i), "newest first: " + ids);
        }
        assertTrue(ids.indexOf(queued.id()) < ids.indexOf(message(first, MessageKind.ACKNOWLEDGEMENT).id()));

        String sentRow = row(list.body(), message(first, MessageKind.ACKNOWLEDGEMENT).id());
        assertTrue(sentRow.contains("Ontvangstbevestiging aan de klager"), sentRow);
        assertTrue(sentRow.contains("anna@example.org"), sentRow);
        assertTrue(sentRow.contains(">Verstuurd</span>"), sentRow);
        assertTrue(sentRow.contains("22-11-2026"), "the day it was queued: " + sentRow);
        assertTrue(sentRow.contains("href=\"/t/iederzijnwerk/klachten/" + first.id() + "\""), "links to the case");
        String queuedRow = row(list.body(), queued.id());
        assertTrue(queuedRow.contains("Nieuwe klacht via het formulier") && queuedRow.contains(INTAKE), queuedRow);
        assertTrue(queuedRow.contains(">In de wachtrij</span>"), queuedRow);
        assertEquals("Berichten: " + outbox.page(tenants.resolve("iederzijnwerk"), null, 1, 0).total(),
                textOf(list.body(), "message-count"));

        Page sent = manager.get(OUTBOX + "?status=SENT");
        assertEquals(200, sent.status());
        assertTrue(sent.contains("<option value=\"SENT\" selected>Verstuurd</option>"), "the filter keeps its choice");
        List<String> states = all(sent.body(), "<tr data-id=\"\\d+\" data-kind=\"[A-Z_]+\" data-state=\"([A-Z_]+)\"");
        assertFalse(states.isEmpty());
        assertTrue(states.stream().allMatch("SENT"::equals), states.toString());
        assertTrue(ids(sent.body()).contains(message(first, MessageKind.NEW_COMPLAINT).id()));
        assertFalse(ids(sent.body()).contains(queued.id()));

        assertEquals(400, manager.get(OUTBOX + "?status=VERZONDEN").status(), "an unknown state is named, not ignored");
        assertEquals(400, manager.get(OUTBOX + "?page=nul").status());

        // The directeur-bestuurder reads no cases: the case is named, not linked.
        Page director = loggedInAs("iederzijnwerk.directeur").get(OUTBOX);
        assertEquals(200, director.status());
        String directorRow = row(director.body(), message(first, MessageKind.ACKNOWLEDGEMENT).id());
        assertFalse(directorRow.contains("/klachten/"), directorRow);
        assertTrue(directorRow.contains("Dossier " + first.id()), directorRow);
    }

    @Test
    void manyMessagesArePagedFiftyAtATimeAndMessagesWithoutAnAddressPointToTheSettings() {
        // Procedure 6.5 has set no addresses yet: every notice of a new complaint is kept without a recipient.
        Tenant t = tenants.resolve("kwaliteitsprocedure-6-5");
        assertEquals("", t.profile().notifications().intakeEmail());
        for (int i = 0; i < OutboxController.PAGE_SIZE + 1; i++) {
            submitted("kwaliteitsprocedure-6-5", "Klager " + i, null, "t" + i);
        }
        long total = outbox.page(t, null, 1, 0).total();
        assertEquals(OutboxController.PAGE_SIZE + 1, total, "one message per complaint, none with an address");

        PageSession quality = loggedInAs("kwaliteitsprocedure-6-5.kwaliteit");
        Page first = quality.get("/t/kwaliteitsprocedure-6-5/berichten");
        assertEquals(200, first.status());
        assertEquals(OutboxController.PAGE_SIZE, ids(first.body()).size());
        assertTrue(first.contains("Pagina 1 van 2"));
        assertEquals("/t/kwaliteitsprocedure-6-5/berichten?page=2", attribute(first.body(), "next-page", "href"));
        assertNull(textOf(first.body(), "previous-page"));
        String banner = textOf(first.body(), "no-recipient");
        assertTrue(banner.startsWith("Berichten zonder ontvanger: " + total + "."), banner);
        assertTrue(banner.contains("Vraag de beheerder"), "the kwaliteitsmanager cannot set addresses: " + banner);
        assertTrue(row(first.body(), ids(first.body()).get(0)).contains("geen adres ingesteld"));
        assertTrue(row(first.body(), ids(first.body()).get(0)).contains(">Geen ontvanger</span>"));

        Page second = quality.get("/t/kwaliteitsprocedure-6-5/berichten?page=2");
        assertEquals(1, ids(second.body()).size());
        long oldest = outbox.page(t, null, 200, 0).messages().stream().mapToLong(OutboxMessage::id).min()
                .orElseThrow();
        assertEquals(List.of(oldest), ids(second.body()), "the last page holds the oldest");
        assertTrue(second.contains("Pagina 2 van 2"));
        assertEquals("/t/kwaliteitsprocedure-6-5/berichten?page=1", attribute(second.body(), "previous-page", "href"));

        PageSession admin = loggedInAs("kwaliteitsprocedure-6-5.beheerder");
        assertTrue(admin.get("/t/kwaliteitsprocedure-6-5/berichten")
                .contains("<a href=\"/t/kwaliteitsprocedure-6-5/beheer/meldingen\">"),
                "the beheerder is pointed at the settings page");
        Page filtered = admin.get("/t/kwaliteitsprocedure-6-5/berichten?status=NO_RECIPIENT&page=2");
        assertEquals(List.of(oldest), ids(filtered.body()));
        assertEquals("/t/kwaliteitsprocedure-6-5/berichten?status=NO_RECIPIENT&page=1",
                attribute(filtered.body(), "previous-page", "href"), "paging keeps the filter");
    }

    @Test
    void aMessageIsShownInFullWithTheComplainantsWordsEscapedAndTheStatusLinkMasked() {
        CaseView c = submitted("iederzijnwerk", "<script>alert('x')</script> Jansen", "jansen@example.org",
                "GEHEIM-status-token-42");
        OutboxMessage ack = message(c, MessageKind.ACKNOWLEDGEMENT);
        assertTrue(ack.body().contains("/klacht/iederzijnwerk/status/GEHEIM-status-token-42"),
                "the complainant's mail carries the link: " + ack.body());

        Page page = loggedInAs("iederzijnwerk.kwaliteit").get(OUTBOX + "/" + ack.id());
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertFalse(body.contains("<script>alert"), "the complainant's name is text, never markup");
        assertTrue(body.contains("&lt;script&gt;alert("), "shown as typed, escaped");
        assertFalse(body.contains("GEHEIM-status-token-42"), "staff never see the token");
        String text = PostedForm.unescape(textOf(body, "message-body"));
        assertTrue(text.contains("/klacht/iederzijnwerk/status/…"), text);
        assertTrue(text.contains("Wij hebben uw klacht op 20 november 2026 ontvangen"), text);
        assertEquals("jansen@example.org", textOf(body, "message-recipient"));
        assertEquals("In de wachtrij", textOf(body, "message-state"));
        assertTrue(PostedForm.unescape(textOf(body, "message-subject")).startsWith("Ontvangstbevestiging van uw klacht "
                + c.reference()));
        assertTrue(body.contains("href=\"/t/iederzijnwerk/klachten/" + c.id() + "\""), "the case, for a reader of cases");
        assertNull(textOf(body, "retry-form"), "a queued message is not offered again");
    }

    @Test
    void aMessageThatFailedEveryAttemptIsSentAgainFromItsPage() {
        CaseView c = submitted("iederzijnwerk", "Carla Gamma", null, "token-c");
        long id = message(c, MessageKind.NEW_COMPLAINT).id();
        mail.stop();
        try {
            // Three attempts (klachtenregie.mail.max-attempts in the test), without back-off.
            for (int i = 0; i < 3; i++) {
                dispatcher.dispatch();
            }
        } finally {
            mail.start();
        }
        OutboxMessage failed = outbox.get(tenants.resolve("iederzijnwerk"), id);
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals(3, failed.attempts());

        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        Page list = admin.get(OUTBOX + "?status=FAILED");
        assertEquals(200, list.status());
        String row = row(list.body(), id);
        assertTrue(row.contains(">Mislukt</span>") && row.contains("<td>3</td>"), row);
        assertTrue(PostedForm.unescape(row.replaceAll("<[^>]+>", "")).contains(failed.lastError()),
                "the last error is shown: " + row);
        assertTrue(textOf(list.body(), "failed-count").startsWith("Berichten die niet verstuurd konden worden:"));

        Page detail = admin.get(OUTBOX + "/" + id);
        assertTrue(detail.contains("id=\"retry-form\""), "offered again");
        Page retried = admin.post(OUTBOX + "/" + id + "/opnieuw", Map.of());
        assertEquals(303, retried.status(), retried.body());
        assertEquals(OUTBOX + "/" + id + "?gedaan=opnieuw", retried.location());
        OutboxMessage requeued = outbox.get(tenants.resolve("iederzijnwerk"), id);
        assertEquals(DeliveryState.PENDING, requeued.state());
        assertEquals(0, requeued.attempts());
        Page after = admin.get(retried.location());
        assertEquals("Het bericht staat weer in de wachtrij.", textOf(after.body(), "message-done"));
        assertNull(textOf(after.body(), "retry-form"));

        dispatcher.dispatch();
        assertEquals(DeliveryState.SENT, outbox.get(tenants.resolve("iederzijnwerk"), id).state());
        assertEquals(1, mail.receivedBy(INTAKE).stream()
                .filter(m -> m.subject().contains(c.reference())).count(), "delivered once");

        // The page was still open in another tab: sending again now is refused, and says why.
        Page again = admin.post(OUTBOX + "/" + id + "/opnieuw", Map.of());
        assertEquals(422, again.status());
        assertTrue(textOf(again.body(), "refused").contains("Het bericht is niet opnieuw verstuurd"), again.body());
        assertTrue(again.contains("<li>Dit bericht is al verstuurd.</li>"), again.body());
        assertEquals(DeliveryState.SENT, outbox.get(tenants.resolve("iederzijnwerk"), id).state());
    }

    @Test
    void aMessageWithoutARecipientCannotBeSentAgain() {
        Tenant k = tenants.resolve("klimkoord");
        assertEquals("", k.profile().notifications().intakeEmail());
        CaseView c = submitted("klimkoord", "Dirk Delta", null, "token-d");
        OutboxMessage kept = message(c, MessageKind.NEW_COMPLAINT);
        assertEquals(DeliveryState.NO_RECIPIENT, kept.state());
        PageSession admin = loggedInAs("klimkoord.beheerder");
        Page detail = admin.get("/t/klimkoord/berichten/" + kept.id());
        assertNull(textOf(detail.body(), "retry-form"));
        assertTrue(textOf(detail.body(), "no-recipient-help").startsWith("Dit bericht had geen ontvanger"));
        Page refused = admin.post("/t/klimkoord/berichten/" + kept.id() + "/opnieuw", Map.of());
        assertEquals(422, refused.status());
        assertTrue(refused.contains("Dit bericht heeft geen ontvanger"), refused.body());
        assertEquals(DeliveryState.NO_RECIPIENT, outbox.get(k, kept.id()).state());
    }

    @Test
    void anotherTenantsMessageIsNotFoundAndAHandlerHasNoOutbox() {
        CaseView other = submitted("klimkoord", "Eva Epsilon", null, "token-e");
        long theirs = message(other, MessageKind.NEW_COMPLAINT).id();

        PageSession manager = loggedInAs("iederzijnwerk.leidinggevende");
        assertEquals(404, manager.get(OUTBOX + "/" + theirs).status(), "within the own tenant: not found");
        manager.get(OUTBOX);
        assertEquals(404, manager.post(OUTBOX + "/" + theirs + "/opnieuw", Map.of()).status());
        assertEquals(404, manager.get(OUTBOX + "/abc").status());
        assertEquals(404, manager.get(OUTBOX + "/0").status());
        assertEquals(403, manager.get("/t/klimkoord/berichten").status(), "another tenant's path");
        assertEquals(403, manager.get("/t/klimkoord/berichten/" + theirs).status());

        PageSession staff = loggedInAs("iederzijnwerk.medewerker");
        assertEquals(403, staff.get(OUTBOX).status());
        assertEquals(403, staff.get(OUTBOX + "/" + theirs).status());
        assertFalse(staff.get("/t/iederzijnwerk/werk").contains("/berichten\""), "no menu item for a handler");
        assertEquals(303, anonymous().get(OUTBOX).status(), "to the login page");

        long ours = message(submitted("iederzijnwerk", "Hans Theta", null, "token-h"), MessageKind.NEW_COMPLAINT).id();
        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        admin.get(OUTBOX + "/" + ours);
        assertEquals(403, admin.postRaw(OUTBOX + "/" + ours + "/opnieuw", Map.of()).status(),
                "without the session's token nothing is posted");
    }

    @Test
    void theCasePageListsTheMessagesOfTheCase() {
        CaseView c = submitted("iederzijnwerk", "Frank Zeta", "frank@example.org", "token-f");
        long ack = message(c, MessageKind.ACKNOWLEDGEMENT).id();
        long notice = message(c, MessageKind.NEW_COMPLAINT).id();

        Page page = loggedInAs("iederzijnwerk.medewerker").get("/t/iederzijnwerk/klachten/" + c.id());
        assertEquals(200, page.status());
        String section = section(page.body(), "messages");
        assertTrue(section.contains("<h2 id=\"h-messages\">Berichten</h2>"), section);
        String ackRow = rowOf(section, ack);
        assertTrue(ackRow.contains("Ontvangstbevestiging aan de klager") && ackRow.contains("frank@example.org")
                && ackRow.contains(">In de wachtrij</span>") && ackRow.contains("22-11-2026"), ackRow);
        assertTrue(rowOf(section, notice).contains(INTAKE));
        assertFalse(section.contains("/berichten/"), "a handler does not open the outbox");
        assertTrue(all(section, "data-id=\"(\\d+)\"").indexOf(String.valueOf(notice))
                < all(section, "data-id=\"(\\d+)\"").indexOf(String.valueOf(ack)), "newest first");

        Page asManager = loggedInAs("iederzijnwerk.leidinggevende").get("/t/iederzijnwerk/klachten/" + c.id());
        assertTrue(section(asManager.body(), "messages").contains("href=\"/t/iederzijnwerk/berichten/" + ack + "\""),
                "who reads the outbox goes to the message");

        CaseView quiet = filed("iederzijnwerk", "Gerda Eta", null);
        Page none = loggedInAs("iederzijnwerk.medewerker").get("/t/iederzijnwerk/klachten/" + quiet.id());
        assertEquals("Over deze klacht zijn nog geen berichten verstuurd.", textOf(none.body(), "no-messages"));
    }

    private CaseView filed(String slug, String name, String email) {
        Tenant t = tenants.resolve(slug);
        CaseView c = create(t, name, email);
        filedBy.put(c.id(), slug);
        return c;
    }

    private CaseView create(Tenant t, String name, String email) {
        String category = t.profile().hasCategory("BEJEGENING") ? "BEJEGENING" : t.profile().categories().get(0).code();
        return complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.WEB_FORM,
                LocalDate.parse("2026-11-20"), null, new Complainant(name, ComplainantRole.CLIENT, email,
                "0612345678", "Dorpsstraat 1", "Zwolle"), "De begeleiding kwam afspraken niet na.", category, null,
                null, false, false));
    }

    /** A complaint as the public form files it: the product queues the acknowledgement and the intake notice. */
    private CaseView submitted(String slug, String name, String email, String token) {
        CaseView c = filed(slug, name, email);
        notifications.complaintSubmitted(tenants.resolve(slug), c, site.absolute("/klacht/" + slug + "/status/" + token));
        return c;
    }

    /** The case's message of this kind, read from the outbox of the tenant that filed the case. */
    private OutboxMessage message(CaseView c, MessageKind kind) {
        Tenant t = tenants.resolve(filedBy.get(c.id()));
        return outbox.ofComplaint(t, c.id()).stream().filter(m -> m.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + c.reference()));
    }

    private static List<Long> ids(String html) {
        return all(html, "<tr data-id=\"(\\d+)\"").stream().map(Long::valueOf).toList();
    }

    private static String row(String html, long id) {
        return rowOf(html, id);
    }

    private static String rowOf(String html, long id) {
        int start = html.indexOf("<tr data-id=\"" + id + "\"");
        assertTrue(start >= 0, "no row for message " + id);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** An attribute of the link with this id, as the browser reads it (entities decoded). */
    private static String attribute(String html, String id, String name) {
        List<String> links = all(html, "(<a [^>]*id=\"" + id + "\"[^>]*>)");
        assertEquals(1, links.size(), "one link #" + id);
        List<String> values = all(links.get(0), name + "=\"([^\"]*)\"");
        assertNotNull(values.isEmpty() ? null : values.get(0), "no " + name + " on #" + id);
        return PostedForm.unescape(values.get(0));
    }
}
