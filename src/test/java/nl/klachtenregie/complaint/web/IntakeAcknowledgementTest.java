package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.Html;

/**
 * A complaint that staff register (a letter, a phone call) can be acknowledged by e-mail too, with the same
 * explanation of the procedure and a status link as one from the public form: Klimkoord 4.2 "Altijd voorzien zal
 * worden van een ontvangstbevestiging", also for what comes in by phone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeAcknowledgementTest extends PageTestSupport {

    @Inject
    Outbox outbox;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;

    private long count(String sql) {
        return tx.executeRead(s -> db.count(sql));
    }

    private static Map<String, String> form(String submissionId, String email, boolean acknowledge) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "INFORMAL");
        f.put("channel", "PHONE");
        f.put("receivedOn", "2026-11-20");
        f.put("complainantName", "Telefoon Klager");
        f.put("complainantRole", "CLIENT");
        if (email != null) {
            f.put("complainantEmail", email);
        }
        f.put("summary", "Belde over de wachttijd");
        f.put("category", "WACHTTIJDEN");
        f.put("submissionId", submissionId);
        if (acknowledge) {
            f.put("acknowledgeByEmail", "true");
        }
        return f;
    }

    private static String submissionId(String html) {
        Matcher m = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    private List<OutboxMessage> messagesOf(Page created) {
        Tenant t = tenants.resolve("klimkoord");
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        return outbox.ofComplaint(t, id);
    }

    @Test
    void askedForItTheComplainantGetsTheAcknowledgementWithAStatusLinkOnce() {
        PageSession staff = loggedInAs("klimkoord.medewerker");
        String id = submissionId(staff.get("/t/klimkoord/klachten/nieuw").body());
        Page first = staff.post("/t/klimkoord/klachten/nieuw", form(id, "bel@example.org", true));
        assertEquals(303, first.status());
        // A double click: one complaint, one acknowledgement.
        staff.post("/t/klimkoord/klachten/nieuw", form(id, "bel@example.org", true));
        List<OutboxMessage> acks = messagesOf(first).stream()
                .filter(m -> m.kind() == MessageKind.ACKNOWLEDGEMENT).toList();
        assertEquals(1, acks.size());
        OutboxMessage ack = acks.get(0);
        assertEquals("bel@example.org", ack.recipient());
        Matcher link = Pattern.compile("http://\\S+(/klacht/klimkoord/status/[A-Za-z0-9_-]{43})").matcher(ack.body());
        assertTrue(link.find(), ack.body());
        // Klimkoord 6.2: contact within 14 days, a solution within 30.
        assertTrue(ack.body().contains("Uiterlijk 4 december 2026 nemen wij contact met u op."), ack.body());
        // Received on the 20th, registered on the 22nd: the link works 180 days from the day it was made.
        assertTrue(ack.body().contains("te gebruiken tot en met 21 mei 2027"), ack.body());
        Page status = anonymous().get(link.group(1));
        assertEquals(200, status.status());
        assertTrue(status.body().contains("Telefoon Klager") == false, "the status page never shows the name");
        assertTrue(messagesOf(first).stream().noneMatch(m -> m.kind() == MessageKind.NEW_COMPLAINT),
                "staff registered it: the intake address does not need telling");
    }

    @Test
    void notAskedOrNoAddressNothingIsSent() {
        PageSession staff = loggedInAs("klimkoord.medewerker");
        Page unasked = staff.post("/t/klimkoord/klachten/nieuw",
                form(submissionId(staff.get("/t/klimkoord/klachten/nieuw").body()), "stil@example.org", false));
        assertTrue(messagesOf(unasked).isEmpty());
    }

    @Test
    void tickedWithoutAnAddressIsRefusedAtTheFieldWithTheInputKept() {
        PageSession staff = loggedInAs("klimkoord.medewerker");
        long before = outbox.page(tenants.resolve("klimkoord"), null, 200, 0).total();
        Page noAddress = staff.post("/t/klimkoord/klachten/nieuw",
                form(submissionId(staff.get("/t/klimkoord/klachten/nieuw").body()), null, true));
        assertEquals(400, noAddress.status());
        assertTrue(Html.one(noAddress.body(), "#error-complainantEmail").text()
                .contains("e-mailadres van de klager"), noAddress.body());
        assertTrue(noAddress.body().contains("Belde over de wachttijd"), "input kept");
        assertEquals(before, outbox.page(tenants.resolve("klimkoord"), null, 200, 0).total());
    }

    @Test
    void tickedWithAnAddressTheOutboxCannotSendToIsRefusedAtTheFieldAndRegistersNothingAndMakesNoLink() {
        // An underscore has no place in a domain name, so the outbox could never send there. The form's e-mail rule
        // (the outbox's own) refuses the address before anything is registered; the acknowledgement listener would
        // refuse it too, but the page no longer gets that far.
        String address = "bel@voor_beeld.nl";
        assertFalse(TenantProfile.Notifications.isValidEmail(address));
        PageSession staff = loggedInAs("klimkoord.medewerker");
        long cases = count("SELECT COUNT(*) FROM complaint");
        long links = count("SELECT COUNT(*) FROM status_link");
        long messages = outbox.page(tenants.resolve("klimkoord"), null, 200, 0).total();

        Page refused = staff.post("/t/klimkoord/klachten/nieuw",
                form(submissionId(staff.get("/t/klimkoord/klachten/nieuw").body()), address, true));

        assertEquals(400, refused.status(), refused.body());
        String error = Html.one(refused.body(), "#error-complainantEmail").text();
        assertEquals("'" + address + "' is geen geldig e-mailadres", error);
        assertTrue(refused.body().contains("Belde over de wachttijd"), "input kept");
        assertEquals(cases, count("SELECT COUNT(*) FROM complaint"), "nothing registered");
        assertEquals(links, count("SELECT COUNT(*) FROM status_link"), "no status link without its acknowledgement");
        assertEquals(messages, outbox.page(tenants.resolve("klimkoord"), null, 200, 0).total());
    }
}
