package nl.klachtenregie.profile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform administrator cannot make an administrator inside an existing organisation without the organisation
 * knowing: the account is in the organisation's logboek as made by the platform (who, which account, which role),
 * and each of its beheerders with an e-mail address gets a notice through the outbox, shown in Berichten.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformCreatedAdministratorIsNoticedTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord-2026";

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;

    @Test
    void anAdministratorThePlatformCreatesIsLoggedAndTheOrganisationsBeheerdersAreTold() {
        Tenant impuls = tenants.find("impuls").orElseThrow();
        var beheerder = users.findByUsername("impuls.beheerder").orElseThrow();
        users.setEmail(impuls.id(), beheerder.id(), "beheer@impuls.example");

        PageSession platform = loggedInAs("platform.beheerder");
        assertEquals(200, platform.get("/platform").status());
        Page created = platform.post("/platform/beheerders", Map.of("tenant", "impuls", "username",
                "stille.beheerder", "displayName", "Stille Beheerder", "password", PASSWORD,
                "passwordConfirmation", PASSWORD));
        assertEquals(303, created.status(), created.body());

        AuditLog.Entry logged = audit.recent(impuls.id(), 20).stream()
                .filter(e -> e.action().equals("PLATFORM_USER_CREATED")).findFirst().orElseThrow();
        assertEquals("platform.beheerder", logged.actor());
        assertEquals("stille.beheerder", logged.subject());
        assertTrue(logged.detail().contains("ADMIN"), logged.detail());

        List<OutboxMessage> notices = outbox.page(impuls, null, 200, 0).messages().stream()
                .filter(m -> m.kind() == MessageKind.PLATFORM_USER_CREATED).toList();
        assertEquals(1, notices.size(), notices.toString());
        OutboxMessage notice = notices.get(0);
        assertEquals("beheer@impuls.example", notice.recipient());
        assertTrue(notice.subject().contains("beheerder"), notice.subject());
        assertTrue(notice.body().contains("Stille Beheerder") && notice.body().contains("stille.beheerder")
                && notice.body().contains("platform.beheerder"), notice.body());

        PageSession admin = loggedInAs("impuls.beheerder");
        Page logboek = admin.get("/t/impuls/beheer/logboek");
        assertEquals(200, logboek.status());
        assertTrue(logboek.contains("Account aangemaakt door de platformbeheerder"), logboek.body());
        Page berichten = admin.get("/t/impuls/berichten");
        assertEquals(200, berichten.status());
        assertTrue(berichten.contains("Account aangemaakt door de platformbeheerder"), berichten.body());
        Page message = admin.get("/t/impuls/berichten/" + notice.id());
        assertEquals(200, message.status());
    }

    @Test
    void withoutABeheerdersAddressTheNoticeGoesToManagementOrIsKeptWhereBerichtenCountsIt() {
        Tenant klimkoord = tenants.find("klimkoord").orElseThrow();
        // No beheerder of this organisation has an address set.
        users.ofTenant(klimkoord.id()).stream().filter(u -> u.email() != null)
                .forEach(u -> users.setEmail(klimkoord.id(), u.id(), null));
        PageSession platform = loggedInAs("platform.beheerder");
        assertEquals(200, platform.get("/platform").status());
        Page created = platform.post("/platform/beheerders", Map.of("tenant", "klimkoord", "username",
                "klim.extra", "displayName", "Klim Extra", "password", PASSWORD, "passwordConfirmation", PASSWORD));
        assertEquals(303, created.status(), created.body());
        List<OutboxMessage> notices = outbox.page(klimkoord, null, 200, 0).messages().stream()
                .filter(m -> m.kind() == MessageKind.PLATFORM_USER_CREATED).toList();
        assertEquals(1, notices.size(), notices.toString());
        String management = klimkoord.profile().notifications().managementEmail();
        assertEquals(management.isEmpty() ? null : management, notices.get(0).recipient());
    }
}
