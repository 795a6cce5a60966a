package nl.klachtenregie.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
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
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Berichten with e-mail switched off (the embedded default): every message is kept instead of sent, the pages say
 * so plainly, and asking to send one again is refused with the reason. E-mail being on or off is a setting of the
 * installation, so this needs an application of its own next to {@link OutboxPagesTest}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPagesMailOffTest extends PageTestSupport {

    private static final String BANNER = "E-mail staat uit: berichten worden hier bewaard en niet verstuurd.";

    @Inject
    Notifications notifications;
    @Inject
    Outbox outbox;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    ProfileService profiles;

    @Test
    void withEmailOffMessagesAreKeptAndThePagesSaySo() {
        assertFalse(outbox.mailEnabled(), "the default of a test application");
        Tenant t = tenants.resolve("iederzijnwerk");
        t = profiles.update(t, t.profile().withNotifications(new TenantProfile.Notifications(
                "intake@iederzijnwerk.example", "", Map.of(), List.of(3))), "test");
        CaseView c = complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.WEB_FORM,
                LocalDate.parse("2026-11-20"), null, new Complainant("Ina Iota", ComplainantRole.CLIENT, null,
                "0612345678", "Dorpsstraat 1", "Zwolle"), "Niemand belde terug.", "BEJEGENING", null, null, false,
                false));
        notifications.complaintSubmitted(t, c, "http://localhost/klacht/iederzijnwerk/status/x");
        OutboxMessage kept = outbox.ofComplaint(t, c.id()).stream().filter(m -> m.kind() == MessageKind.NEW_COMPLAINT)
                .findFirst().orElseThrow();
        assertEquals(DeliveryState.NOT_SENT, kept.state());

        PageSession quality = loggedInAs("iederzijnwerk.kwaliteit");
        Page list = quality.get("/t/iederzijnwerk/berichten");
        assertEquals(200, list.status(), list.body());
        assertEquals(BANNER, textOf(list.body(), "mail-off"));
        assertTrue(list.body().contains("data-id=\"" + kept.id() + "\" data-kind=\"NEW_COMPLAINT\" "
                + "data-state=\"NOT_SENT\""));
        assertTrue(list.contains(">Bewaard, niet verstuurd</span>"));

        PageSession admin = loggedInAs("iederzijnwerk.beheerder");
        Page detail = admin.get("/t/iederzijnwerk/berichten/" + kept.id());
        assertEquals(BANNER, textOf(detail.body(), "mail-off"));
        assertNull(textOf(detail.body(), "retry-form"), "nothing to send it with");
        assertEquals("Opnieuw versturen kan pas als e-mail aan staat.", textOf(detail.body(), "retry-mail-off"));
        assertEquals("Bewaard, niet verstuurd", textOf(detail.body(), "message-state"));

        Page refused = admin.post("/t/iederzijnwerk/berichten/" + kept.id() + "/opnieuw", Map.of());
        assertEquals(422, refused.status());
        assertTrue(refused.contains("<li>E-mail staat uit (klachtenregie.mail.enabled); het bericht blijft bewaard."
                + "</li>"), refused.body());
        assertEquals(DeliveryState.NOT_SENT, outbox.get(t, kept.id()).state());

        Page settings = admin.get("/t/iederzijnwerk/beheer/meldingen");
        assertTrue(textOf(settings.body(), "mail-off").startsWith("E-mail staat op deze installatie uit"),
                "the administrator setting addresses knows they are not used yet");
    }
}
