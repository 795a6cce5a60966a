package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.complaint.Retention;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.publicform.StatusLinks;
import nl.klachtenregie.support.BrowserSupport;
import nl.klachtenregie.support.Closing;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Retention and the complainant's rights in the browser: the kwaliteitsmanager's privacy page with one complainant's
 * cases, a case anonymised after its retention period (its page shows "geanonimiseerd op" where the personal data
 * stood) and its Bewaring page, and the complainant's status page with the link to their copy; each at 1366x900 and
 * 390x844, fitting the window.
 */
@MicronautTest(transactional = false)
class RetentionBrowserTest extends BrowserSupport {

    private static final String T = "iederzijnwerk";
    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

    @Inject
    MovableClock clock;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    Retention retention;
    @Inject
    LetterService letters;
    @Inject
    StatusLinks links;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    private CaseView receive(String on, String name, String email, String summary) {
        clock.set(on);
        Tenant t = tenants.resolve(T);
        return complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.parse(on), null,
                new Complainant(name, ComplainantRole.CLIENT, email, "0612345678", "Dorpsstraat 1", "Zwolle"),
                summary, t.profile().categories().get(0).code(), null, null, false, false));
    }

    private void decideAndClose(CaseView c, String on) {
        clock.set(on);
        Tenant t = tenants.resolve(T);
        LocalDate day = LocalDate.parse(on);
        Closing.record(complaints, t, c, new NewEvent(EventType.DECIDED, day, null, null, null,
                Judgement.PARTLY_WELL_FOUNDED, "Vaste begeleider per 1 april", day.plusMonths(1),
                "De afspraken zijn twee keer niet nagekomen; de planning is aangepast.", null, null, null));
        Closing.record(complaints, t, c, NewEvent.of(EventType.CLOSED, day));
    }

    @Test
    void privacyPageAnonymisedCaseAndTheStatusPageWithItsCopy() {
        CaseView old = receive("2024-01-08", "M. Visser", "m.visser@example.org", "Afspraken niet nagekomen.");
        decideAndClose(old, "2024-02-12");
        CaseView recent = receive("2026-10-05", "M. Visser", "m.visser@example.org",
                "Opnieuw kwam de begeleider niet; ik wil graag een vaste begeleider.");
        clock.set("2026-11-02");
        Tenant t = tenants.resolve(T);
        assertEquals(1, retention.run(t).anonymised());
        letters.issue(t, new ComplaintId(recent.id()), LetterKind.ACKNOWLEDGEMENT, null);
        String token = links.issue(t, recent.id());

        login(T + ".kwaliteit");
        open("/t/" + T + "/privacy?name=" + enc("Visser"));
        assertTrue(text(By.id("found-cases")).contains(recent.reference()));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("privacy page");
            shoot("retention-privacy", size);
        }

        open("/t/" + T + "/klachten/" + old.id());
        String facts = text(By.className("facts"));
        assertTrue(facts.contains("geanonimiseerd op 02-11-2026"), facts);
        assertFalse(facts.contains("Visser") || facts.contains("m.visser@example.org"), facts);
        for (Dimension size : SIZES) {
            show(size);
            assertFits("anonymised case page");
            shoot("retention-anonymised-case", size);
        }
        open("/t/" + T + "/klachten/" + old.id() + "/bewaring");
        assertTrue(text(By.id("anonymised-on")).contains("geanonimiseerd op 02-11-2026"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("Bewaring page");
            shoot("retention-case-bewaring", size);
        }
        logout();

        open("/klacht/" + T + "/status/" + token);
        assertTrue(driver.findElement(By.id("copy-link")).getAttribute("href").endsWith("/kopie.pdf"));
        for (Dimension size : SIZES) {
            show(size);
            assertFits("status page");
            shoot("retention-status-copy", size);
        }
    }
}
