package nl.klachtenregie.notification.web;

import nl.klachtenregie.shared.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.shared.SiteUrl;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The directeur-bestuurder and the beheerder, who have no case pages, do not read a complainant's name, e-mail
 * address or what they wrote in Berichten either: the acknowledgement to the complainant is listed with its kind,
 * state and case number, its address and text withheld. Who reads the case (kwaliteitsmanager, leidinggevende) sees
 * it in full, also for a case marked confidential, as on the case page. Messages to staff stay readable for all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplainantDataInBerichtenIsNeedToKnowTest extends PageTestSupport {

    private static final String OUTBOX = "/t/iederzijnwerk/berichten";
    private static final String NAME = "Wilhelmina Vertrouwelijk";
    private static final String EMAIL = "wilhelmina@example.org";

    @Inject
    ComplaintService complaints;
    @Inject
    Notifications notifications;
    @Inject
    Outbox outbox;
    @Inject
    TenantDirectory tenants;
    @Inject
    SiteUrl site;

    @Test
    void rolesWithoutCasePagesDoNotReadTheComplainantsPersonalDataInBerichten() {
        Tenant t = tenants.resolve("iederzijnwerk");
        CaseView c = complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.WEB_FORM,
                LocalDate.parse("2026-11-20"), null, new Complainant(NAME, ComplainantRole.CLIENT, EMAIL,
                "0612345678", "Geheimstraat 7", "Zwolle"), "Mijn begeleider sprak over mij met mijn buren.",
                t.profile().categories().get(0).code(), null, null, false, true));
        assertTrue(c.confidential());
        notifications.complaintSubmitted(t, c, site.absolute("/klacht/iederzijnwerk/status/geheim-token"));
        List<OutboxMessage> ofCase = outbox.ofComplaint(t, c.id());
        OutboxMessage ack = ofCase.stream().filter(m -> m.kind() == MessageKind.ACKNOWLEDGEMENT).findFirst()
                .orElseThrow();
        assertTrue(ack.body().contains(NAME), "the acknowledgement greets the complainant by name");
        OutboxMessage notice = ofCase.stream().filter(m -> m.kind() == MessageKind.NEW_COMPLAINT).findFirst()
                .orElseThrow();

        for (String user : List.of("iederzijnwerk.directeur", "iederzijnwerk.beheerder")) {
            PageSession session = loggedInAs(user);
            Page list = session.get(OUTBOX);
            assertEquals(200, list.status(), user);
            assertFalse(list.contains(EMAIL), user + " sees the complainant's address in the list");
            assertFalse(list.contains(NAME), user);
            assertTrue(list.contains("de klager (afgeschermd)"), user);
            assertTrue(list.contains("data-id=\"" + ack.id() + "\""), user + ": the message itself is listed");

            Page detail = session.get(OUTBOX + "/" + ack.id());
            assertEquals(200, detail.status(), user);
            for (String personal : List.of(NAME, EMAIL, "Geheimstraat", "buren")) {
                assertFalse(detail.contains(personal), user + " reads " + personal);
            }
            assertNull(textOf(detail.body(), "message-body"), user);
            assertNotNull(textOf(detail.body(), "message-body-hidden"), user);
            assertTrue(detail.contains("Ontvangstbevestiging aan de klager"), user + ": the kind is shown");

            Page staffMessage = session.get(OUTBOX + "/" + notice.id());
            assertEquals(200, staffMessage.status(), user);
            assertNotNull(textOf(staffMessage.body(), "message-body"), user + ": a message to staff stays readable");
        }

        for (String user : List.of("iederzijnwerk.kwaliteit", "iederzijnwerk.leidinggevende")) {
            PageSession session = loggedInAs(user);
            assertTrue(session.get(OUTBOX).contains(EMAIL), user + " reads cases, also confidential ones");
            Page detail = session.get(OUTBOX + "/" + ack.id());
            assertTrue(detail.contains(NAME) && detail.contains(EMAIL), user);
            assertNull(textOf(detail.body(), "message-body-hidden"), user);
        }
    }
}
