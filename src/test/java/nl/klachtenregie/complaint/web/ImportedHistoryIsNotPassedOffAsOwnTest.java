package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.seed.TenantArchive;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An archive can say anything about its history: one that claims "vastgesteld door directeur op 01-01-2020" does not
 * make a version page say so as a fact of this installation. The pages show that history as "volgens het archief",
 * beside who read the archive in and when.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedHistoryIsNotPassedOffAsOwnTest extends PageTestSupport {

    private static final String PASSWORD = "een-lang-wachtwoord-2026";

    @Inject
    TenantArchive archive;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    RegulationCatalog catalog;

    @Test
    void aForgedActivationInAnArchiveIsShownAsTheArchivesClaimNotAsFact() throws IOException {
        Map<String, String> files = new TreeMap<>();
        archive.files(tenants.resolve("impuls")).forEach((path, text) -> files.put(
                path.replace("/impuls/", "/vervalst/"), text));
        String yml = files.get("tenants/vervalst/tenant.yml").replace("slug: impuls", "slug: vervalst");
        String forged = yml.replaceAll("(?m)^(\\s*)status: ACTIVE$",
                "$1status: ACTIVE\n$1activatedBy: directeur\n$1activatedAt: '2020-01-01T09:00:00Z'");
        assertNotEquals(yml, forged, "the archive claims an activation");
        files.put("tenants/vervalst/tenant.yml", forged);

        Tenant imported = archive.importArchive(zip(files), null, "platform.beheerder");
        assertEquals("vervalst", imported.slug());
        assertEquals("platform.beheerder", catalog.imported(imported.id()).get("2").by());
        users.create(imported.id(), "vervalst.beheerder", "Vera Vervalst", PASSWORD, Set.of(Role.ADMIN));

        PageSession admin = loggedIn("vervalst.beheerder");
        Page version = admin.get("/t/vervalst/beheer/reglement/2");
        assertEquals(200, version.status(), version.body());
        String history = textOf(version.body(), "version-history");
        assertTrue(history.startsWith("Ingelezen uit een archief door platform.beheerder op "), history);
        assertTrue(history.contains("Volgens het archief vastgesteld door directeur op 01-01-2020 10:00"), history);
        assertFalse(version.contains("Vastgesteld door directeur"), "the archive's claim as a fact: " + history);

        Page list = admin.get("/t/vervalst/beheer/reglement");
        assertEquals(200, list.status());
        assertTrue(list.contains("volgens het archief: directeur, 01-01-2020 10:00"), list.body());
        assertTrue(list.contains("ingelezen door platform.beheerder op "), list.body());

        // A version made here says plainly who activated it: nothing changed for the tenant's own history.
        PageSession own = loggedInAs("impuls.beheerder");
        String ownHistory = textOf(own.get("/t/impuls/beheer/reglement/2").body(), "version-history");
        assertFalse(ownHistory.contains("archief"), ownHistory);
    }

    private PageSession loggedIn(String username) {
        PageSession s = anonymous();
        s.get("/login");
        Page r = s.post("/login", Map.of("username", username, "password", PASSWORD));
        assertEquals(303, r.status(), r.body());
        return s;
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
