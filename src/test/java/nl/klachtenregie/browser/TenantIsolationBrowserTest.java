package nl.klachtenregie.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.support.BrowserSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * A user of one organisation never sees another organisation's case: not by typing its URL, not through the API,
 * and not without signing in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationBrowserTest extends BrowserSupport {

    /** Text that only the impuls case contains; it must appear on no page another tenant's user gets. */
    private static final String SECRET_NAME = "Hendrika Zeldzaamheid";
    private static final String SECRET_SUMMARY = "Vertrouwelijk verhaal over de begeleiding bij Impuls";

    private Object impulsCaseId;
    private String impulsReference;

    @BeforeAll
    void anImpulsCase() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-11-02");
        complainant(body).put("name", SECRET_NAME);
        body.put("summary", SECRET_SUMMARY);
        Map<String, Object> created = createComplaint("impuls", body);
        impulsCaseId = created.get("id");
        impulsReference = (String) created.get("reference");
    }

    @Test
    void aKlimkoordUserTypingAnImpulsCaseUrlGetsTheNoAccessPageWithoutCaseData() {
        login("klimkoord.medewerker");
        open("/t/impuls/klachten/" + impulsCaseId);

        // The site's own error page: layout header with the user's organisation, the message, no case.
        assertEquals("Geen toegang", waitFor(By.cssSelector("article.error-page h1")).getText());
        assertTrue(find(By.cssSelector("header.site-header")).isPresent(), "the layout's header");
        assertTrue(text(By.cssSelector("header.site-header")).contains("Stichting Klimkoord"),
                "signed in as a Klimkoord user");
        assertTrue(find(By.id("case-reference")).isEmpty(), "no case page");
        assertNoImpulsData(driver.getPageSource());
        assertNoStackTrace(driver.getPageSource());

        HttpResponse<byte[]> raw = fetchWithBrowserSession("/t/impuls/klachten/" + impulsCaseId, "text/html");
        assertEquals(403, raw.statusCode());
        assertNoImpulsData(utf8(raw.body()));

        // The impuls case's number under the user's own organisation is simply not there.
        open("/t/klimkoord/klachten/" + impulsCaseId);
        assertEquals("Niet gevonden", waitFor(By.cssSelector("article.error-page h1")).getText());
        assertNoImpulsData(driver.getPageSource());
        assertEquals(404, fetchWithBrowserSession("/t/klimkoord/klachten/" + impulsCaseId, "text/html")
                .statusCode());

        // Nor does the Klimkoord case list show it.
        open("/t/klimkoord/klachten");
        assertTrue(driver.findElements(By.cssSelector("#case-list tr[data-reference='" + impulsReference + "']"))
                .isEmpty(), "impuls case not in the Klimkoord list");
        assertNoImpulsData(driver.getPageSource());
    }

    @Test
    void theApiAnswersAnotherTenantsUserWith403JsonAndChangesNothing() {
        Response read = sendAs("klimkoord.medewerker",
                HttpRequest.GET("/api/tenants/impuls/complaints/" + impulsCaseId));
        assertEquals(403, read.status());
        assertEquals(403, ((Number) read.body().get("status")).intValue(), () -> "JSON error body: " + read.body());
        assertFalse(String.valueOf(read.body().get("message")).isBlank());
        assertNoImpulsData(read.body().toString());

        Response write = sendAs("klimkoord.leidinggevende", HttpRequest.POST(
                "/api/tenants/impuls/complaints/" + impulsCaseId + "/events", ev("ACKNOWLEDGED", "2026-11-03")));
        assertEquals(403, write.status());
        assertEquals(List.of(), getCase("impuls", impulsCaseId, null).get("events"), "the impuls case is unchanged");

        Response ownPath = sendAs("klimkoord.medewerker",
                HttpRequest.GET("/api/tenants/klimkoord/complaints/" + impulsCaseId));
        assertEquals(404, ownPath.status());
        assertNoImpulsData(ownPath.body().toString());
    }

    @Test
    void anAnonymousVisitorTypingACaseUrlIsSentToTheLoginPage() {
        open("/t/impuls/klachten/" + impulsCaseId);
        waitForPath("/login");
        assertTrue(find(By.id("username")).isPresent(), "the login form");
        assertNoImpulsData(driver.getPageSource());
        assertTrue(find(By.cssSelector("header form[action='/logout']")).isEmpty(), "nobody is signed in");

        // After signing in, the impuls user gets the case (the URL itself is fine).
        login("impuls.medewerker");
        open("/t/impuls/klachten/" + impulsCaseId);
        assertEquals(impulsReference, text(By.id("case-reference")));
    }

    private void assertNoImpulsData(String html) {
        for (String secret : List.of(SECRET_NAME, SECRET_SUMMARY, impulsReference)) {
            assertFalse(html.contains(secret), () -> "leaks '" + secret + "'");
        }
    }

    private static void assertNoStackTrace(String html) {
        for (String trace : List.of("Exception", "at nl.klachtenregie", "at io.micronaut", "Internal Server Error")) {
            assertFalse(html.contains(trace), () -> "shows '" + trace + "'");
        }
    }
}
