package nl.klachtenregie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Optional;
import java.util.function.Function;
import nl.klachtenregie.support.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.klachtenregie.support.PostedForm;

/**
 * Case data is neither framed by another site, nor kept in a browser's or proxy's cache, nor run through injected
 * script: every page and API answer (a staff page, the API, the public form, the login page, an error page, an
 * unauthenticated API call) carries the Content-Security-Policy, X-Frame-Options, X-Content-Type-Options,
 * Referrer-Policy and Cache-Control: no-store; the complainant's private pages keep their stricter no-referrer;
 * static assets keep their caching.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest extends PageTestSupport {

    @Test
    void pagesWithCaseDataCannotBeFramedCachedOrInjectedWithScript() {
        PageSession staff = loggedInAs("impuls.medewerker");
        Page cases = staff.get("/t/impuls/klachten");
        assertEquals(200, cases.status());
        assertAllHeaders("staff page", name -> cases.headers().firstValue(name), "same-origin");

        Page error = staff.get("/t/impuls/klachten/987654321");
        assertEquals(404, error.status());
        assertAllHeaders("error page", name -> error.headers().firstValue(name), "same-origin");

        Page login = anonymous().get("/login");
        assertEquals(200, login.status());
        assertAllHeaders("login page", name -> login.headers().firstValue(name), "same-origin");

        Page form = anonymous().get("/klacht/iederzijnwerk");
        assertEquals(200, form.status());
        assertAllHeaders("public form", name -> form.headers().firstValue(name), "same-origin");
    }

    @Test
    void theComplainantsPrivatePagesKeepTheirStricterReferrerPolicy() {
        Page status = anonymous().get("/klacht/iederzijnwerk/status/niet-een-geldige-link");
        assertEquals(404, status.status());
        assertAllHeaders("status page", name -> status.headers().firstValue(name), "no-referrer");
    }

    @Test
    void apiAnswersWithCaseDataAreNotCached() {
        HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.GET("/api/tenants/impuls/complaints")
                .basicAuth("impuls.leidinggevende", DEMO_PASSWORD), String.class);
        assertEquals(200, ok.code());
        assertAllHeaders("API", name -> Optional.ofNullable(ok.header(name)), "same-origin");

        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/tenants/impuls/complaints"), String.class));
        assertEquals(401, refused.getStatus().getCode());
        assertAllHeaders("API 401", name -> Optional.ofNullable(refused.getResponse().header(name)), "same-origin");
    }

    @Test
    void staticAssetsKeepTheirCaching() {
        Page css = anonymous().get("/assets/app.css");
        assertEquals(200, css.status());
        assertEquals("nosniff", css.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertFalse(css.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void theLetterPreviewKeepsItsLayoutUnderThePolicy() throws Exception {
        // The preview is a sandboxed srcdoc frame, which inherits the page's policy: its one <style> block is allowed
        // by its hash, and nothing else inline is.
        PageSession admin = loggedInAs("impuls.beheerder");
        admin.get("/t/impuls/beheer/brieven/progress");
        Page r = admin.post("/t/impuls/beheer/brieven/progress", java.util.Map.of("actie", "voorbeeld",
                "subject", "Stand van zaken {{case.reference}}", "body", "<p>Beste {{complainant.name}}.</p>"));
        assertEquals(200, r.status(), r.body());
        String frame = all(r.body(), "(<iframe id=\"preview-frame\"[^>]*>)").get(0);
        String srcdoc = PostedForm.unescape(frame.substring(frame.indexOf("srcdoc=\"") + 8, frame.lastIndexOf('"')));
        String style = srcdoc.substring(srcdoc.indexOf("<style>") + 7, srcdoc.indexOf("</style>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("style-src 'self' 'sha256-" + hash + "';"), csp);
    }

    private static void assertAllHeaders(String what, Function<String, Optional<String>> header, String referrer) {
        String csp = header.apply("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
        assertTrue(csp.contains("script-src 'self';"), what + ": no inline script allowed: " + csp);
        assertFalse(csp.contains("unsafe-inline"), what + ": " + csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertEquals("DENY", header.apply("X-Frame-Options").orElse(null), what);
        assertEquals("nosniff", header.apply("X-Content-Type-Options").orElse(null), what);
        assertEquals(referrer, header.apply("Referrer-Policy").orElse(null), what);
        assertEquals("no-store", header.apply("Cache-Control").orElse(null), what);
    }
}
