package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.notification.Notifications;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.seed.TenantArchive;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The pages issue 14 changed, in a real browser at 1366 x 900 and 390 x 844: Berichten as the beheerder sees it (the
 * complainant's data masked) and a regulation version read in from an archive ("volgens het archief"). Screenshots
 * under {@code target/screenshots}; nothing wider than the window, no ISO dates, no CSP violation (BrowserSupport).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityPagesBrowserTest extends BrowserSupport {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @Inject
    ComplaintService complaints;
    @Inject
    Notifications notifications;
    @Inject
    TenantDirectory tenants;
    @Inject
    TenantArchive archive;
    @Inject
    UserDirectory users;

    @AfterEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void theBeheerderSeesThatAMessageToTheComplainantWentOutButNotToWhomOrWhat() {
        Tenant t = tenants.resolve("iederzijnwerk");
        CaseView c = complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.WEB_FORM,
                LocalDate.parse("2026-11-20"), null, new Complainant("Wilhelmina Afgeschermd", ComplainantRole.CLIENT,
                "wilhelmina@example.org", "0612345678", "Laan 7", "Zwolle"), "Niemand belde terug.",
                t.profile().categories().get(0).code(), null, null, false, false));
        notifications.complaintSubmitted(t, c, "http://localhost/klacht/iederzijnwerk/status/geheim");
        login("iederzijnwerk.beheerder");
        waitForPath("(?!/login).*");
        open("/t/iederzijnwerk/berichten");
        String words = waitFor(By.tagName("main")).getText();
        assertTrue(words.contains("de klager (afgeschermd)"), words);
        assertFalse(words.contains("wilhelmina@example.org") || words.contains("Wilhelmina"), words);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("Berichten");
            assertNoIsoDates();
            shoot("berichten-afgeschermd", size);
        }
    }

    @Test
    void aVersionReadInFromAnArchiveShowsItsHistoryAsTheArchivesClaim() throws IOException {
        Map<String, String> files = new TreeMap<>();
        archive.files(tenants.resolve("impuls")).forEach((path, text) -> files.put(
                path.replace("/impuls/", "/uit-archief/"), text));
        String yml = files.get("tenants/uit-archief/tenant.yml").replace("slug: impuls", "slug: uit-archief");
        files.put("tenants/uit-archief/tenant.yml", yml.replaceAll("(?m)^(\\s*)status: ACTIVE$",
                "$1status: ACTIVE\n$1activatedBy: directeur\n$1activatedAt: '2020-01-01T09:00:00Z'"));
        Tenant imported = archive.importArchive(zip(files), null, "platform.beheerder");
        users.create(imported.id(), "uit-archief.beheerder", "Arie Archief", "een lang wachtwoord voor de test",
                Set.of(Role.ADMIN));
        login("uit-archief.beheerder", "een lang wachtwoord voor de test");
        waitForPath("(?!/login).*");
        open("/t/uit-archief/beheer/reglement/2");
        String history = waitFor(By.id("version-history")).getText();
        assertTrue(history.contains("Volgens het archief vastgesteld door directeur"), history);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("de reglementversie uit een archief");
            assertNoIsoDates();
            shoot("reglement-volgens-het-archief", size);
        }
    }

    private void assertNoIsoDates() {
        String words = driver.findElement(By.tagName("main")).getText();
        assertFalse(ISO_DATE.matcher(words).find(), () -> "an ISO date where people read: " + words);
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
