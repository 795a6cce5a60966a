package nl.klachtenregie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inloggen over HTTP: the login form, the lock-out, CSRF, the session cookie and the password store. Every test
 * that fails logins uses its own name, because five failures lock a name (from this address) for a quarter of an
 * hour. All requests here come from one address; the lock-out per address is {@link LoginPerAddressTest}'s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginSecurityTest extends PageTestSupport {

    private static final String SESSION_COOKIE = "KLACHTENREGIE_SESSION";
    private static final String PASSWORD = "een-sterk-wachtwoord";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(super.getProperties());
        // Every test here comes from one address; the throttle per address is LoginPerAddressTest's.
        props.put("klachtenregie.security.max-address-failures", "1000");
        return props;
    }

    @Test
    void theRightPasswordSignsInAndLeadsToTheTenantsWork() {
        PageSession s = anonymous();
        s.get("/login");
        Page r = login(s, "impuls.medewerker", DEMO_PASSWORD);
        assertEquals(303, r.status());
        assertEquals("/", r.location());
        assertEquals("/t/impuls/werk", s.get("/").location());
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginPageWithAMessage() {
        user("impuls.fout-wachtwoord");
        PageSession s = anonymous();
        s.get("/login");
        Page r = login(s, "impuls.fout-wachtwoord", "niet-het-wachtwoord");
        assertEquals(303, r.status());
        assertEquals("/login?fout=1", r.location());
        Page page = s.get(r.location());
        assertNotNull(textOf(page.body(), "login-error"), "the login page says why");
        assertEquals("/login", s.get("/").location(), "not signed in");
    }

    @Test
    void fewerThanFiveFailuresDoNotLockTheName() {
        user("impuls.bijna-geblokkeerd");
        for (int i = 0; i < 4; i++) {
            assertEquals("/login?fout=1", attempt("impuls.bijna-geblokkeerd", "fout-" + i).location());
        }
        assertEquals("/", attempt("impuls.bijna-geblokkeerd", PASSWORD).location());
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightPasswordIsRefused() {
        user("impuls.geblokkeerd");
        for (int i = 0; i < 5; i++) {
            assertEquals("/login?fout=1", attempt("impuls.geblokkeerd", "fout-" + i).location());
        }
        PageSession s = anonymous();
        s.get("/login");
        Page r = login(s, "impuls.geblokkeerd", PASSWORD);
        assertEquals("/login?fout=1", r.location(), "locked: the right password is refused too");
        assertEquals("/login", s.get("/").location());
        assertTrue(lockedUntil("impuls.geblokkeerd") > System.currentTimeMillis() + 14 * 60_000L,
                "locked for a quarter of an hour");
    }

    @Test
    void anUnknownNameIsLockedTheSameWaySoNoNameIsRevealed() {
        user("impuls.bestaat");
        for (int i = 0; i < 6; i++) {
            Page unknown = attempt("impuls.bestaat-niet", "fout-" + i);
            Page known = attempt("impuls.bestaat", "fout-" + i);
            assertEquals(known.status(), unknown.status(), "attempt " + i);
            assertEquals(known.location(), unknown.location(), "attempt " + i);
            assertEquals(known.body(), unknown.body(), "attempt " + i);
        }
        assertTrue(lockedUntil("impuls.bestaat-niet") > System.currentTimeMillis());
        assertTrue(lockedUntil("impuls.bestaat") > System.currentTimeMillis());
        assertTrue(users.findByUsername("impuls.bestaat-niet").isEmpty());
    }

    @Test
    void aMadeUpForwardedHeaderDoesNotEscapeTheLockOut() {
        // Without a configured client-address header, only the connection's address counts.
        user("impuls.vermomd");
        for (int i = 0; i < 5; i++) {
            PageSession s = anonymous().withHeader("X-Forwarded-For", "203.0.113." + (i + 1))
                    .withHeader("Forwarded", "for=198.51.100." + (i + 1));
            s.get("/login");
            assertEquals("/login?fout=1", login(s, "impuls.vermomd", "fout-" + i).location());
        }
        PageSession s = anonymous().withHeader("X-Forwarded-For", "192.0.2.99");
        s.get("/login");
        assertEquals("/login?fout=1", login(s, "impuls.vermomd", PASSWORD).location(), "still locked");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndSecure() {
        PageSession s = anonymous();
        Page loginPage = s.get("/login");
        assertCookieFlags(loginPage);
        Page r = login(s, "impuls.medewerker", DEMO_PASSWORD);
        assertCookieFlags(r);
    }

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneIsNotSignedIn() {
        PageSession s = anonymous();
        s.get("/login");
        String before = s.cookies().get(SESSION_COOKIE);
        assertNotNull(before, "the login page starts a session (it holds the CSRF token)");
        assertEquals("/", login(s, "impuls.beheerder", DEMO_PASSWORD).location());
        String after = s.cookies().get(SESSION_COOKIE);
        assertNotNull(after);
        assertNotEquals(before, after, "a new session id at login (session fixation)");
        assertEquals(200, s.get("/t/impuls/gebruikers").status());

        // An attacker who planted the old id (or read it before login) is not signed in with it.
        PageSession attacker = anonymous();
        attacker.cookies().put(SESSION_COOKIE, before);
        Page r = attacker.get("/t/impuls/gebruikers");
        assertEquals(303, r.status());
        assertEquals("/login", r.location());
    }

    @Test
    void loggingOutEndsTheSession() {
        PageSession s = loggedInAs("impuls.beheerder");
        assertEquals(200, s.get("/t/impuls/gebruikers").status());
        String sessionId = s.cookies().get(SESSION_COOKIE);
        Page r = s.post("/logout", Map.of());
        assertEquals(303, r.status());
        assertEquals("/login?uitgelogd=1", r.location());
        assertEquals("/login", s.get("/t/impuls/gebruikers").location());

        PageSession replay = anonymous();
        replay.cookies().put(SESSION_COOKIE, sessionId);
        assertEquals("/login", replay.get("/t/impuls/gebruikers").location(), "the old session id is dead");
    }

    @Test
    void aSignedInFormPostWithoutAValidCsrfTokenIsRefusedWith403() {
        PageSession s = loggedInAs("impuls.beheerder");
        s.get("/t/impuls/gebruikers");
        // An empty body is not even a form (400); a form without the token or with a wrong one is refused (403).
        assertTrue(s.postRaw("/logout", Map.of()).status() >= 400);
        assertEquals(403, s.postRaw("/logout", Map.of("terug", "/")).status());
        assertEquals(403, s.postRaw("/logout", Map.of("csrfToken", "vervalst")).status());
        assertEquals(200, s.get("/t/impuls/gebruikers").status(), "still signed in: the logout was refused");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "impuls.via-csrf");
        form.put("displayName", "Via CSRF");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("roles", "ADMIN");
        assertEquals(403, s.postRaw("/t/impuls/gebruikers", form).status());
        // a token from another session does not do either
        PageSession other = loggedInAs("impuls.beheerder");
        other.get("/t/impuls/gebruikers");
        form.put("csrfToken", other.csrfToken());
        assertEquals(403, s.postRaw("/t/impuls/gebruikers", form).status());
        assertTrue(users.findByUsername("impuls.via-csrf").isEmpty());
    }

    @Test
    void aLoginPostWithoutTheFormsCsrfTokenIsRefusedWith403() {
        for (String token : new String[] {null, "vervalst"}) {
            PageSession s = anonymous();
            s.get("/login");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", "impuls.beheerder");
            form.put("password", DEMO_PASSWORD);
            if (token != null) {
                form.put("csrfToken", token);
            }
            assertEquals(403, s.postRaw("/login", form).status(), "token " + token);
            assertEquals("/login", s.get("/t/impuls/gebruikers").location(), "not signed in");
        }
        // a token that was shown to someone else (another session) does not sign in either
        PageSession attacker = anonymous();
        attacker.get("/login");
        PageSession victim = anonymous();
        victim.get("/login");
        assertEquals(403, victim.postRaw("/login", Map.of("username", "impuls.beheerder", "password", DEMO_PASSWORD,
                "csrfToken", attacker.csrfToken())).status());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        user("impuls.hash");
        for (String name : List.of("impuls.hash", "impuls.medewerker", "platform.beheerder")) {
            String hash = tx.executeRead(status -> db.queryOne("SELECT password_hash FROM app_user WHERE username = ?",
                    rs -> rs.getString(1), name).orElseThrow());
            assertTrue(hash.startsWith("$2a$"), name + ": " + hash);
            assertEquals(60, hash.length());
            assertFalse(hash.contains(PASSWORD) || hash.contains(DEMO_PASSWORD));
        }
    }

    /** A browser often sends a form's body in a packet of its own; the post must not depend on that. */
    @Test
    void aLoginWhoseBodyArrivesAfterItsHeadersStillWorks() throws Exception {
        PageSession s = anonymous();
        s.get("/login");
        String body = "username=impuls.medewerker&password=" + DEMO_PASSWORD + "&csrfToken=" + enc(s.csrfToken());
        try (Socket socket = new Socket("localhost", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: " + BROWSER_ACCEPT
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: " + SESSION_COOKIE + "="
                    + s.cookies().get(SESSION_COOKIE) + "\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            String location = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("location:")) {
                    location = line.substring("location:".length()).strip();
                }
            }
            assertEquals("HTTP/1.1 303 See Other", status);
            assertEquals("/", location);
        }
    }

    @Test
    void theSessionIdTravelsOnlyInTheHttpOnlyCookie() {
        PageSession s = loggedInAs("impuls.beheerder");
        Page page = s.get("/t/impuls/gebruikers");
        assertTrue(page.headers().firstValue("authorization-info").isEmpty(),
                () -> "session id in a header: " + page.headers().map());
    }

    @Test
    void aDeactivatedUserIsStoppedInSessionsThatAreStillOpen() {
        UserAccount u = user("impuls.wordt-gedeactiveerd");
        PageSession s = loggedInWith(u.username(), PASSWORD);
        assertEquals("/t/impuls/werk", s.get("/").location());
        UserAccount admin = users.findByUsername("impuls.beheerder").orElseThrow();
        users.setActive(u.tenant(), u.id(), false, admin.id());
        assertEquals(403, s.get("/").status(), "refused at once");
        assertEquals("/login", s.get("/").location(), "and the session is over");
        users.setActive(u.tenant(), u.id(), true, admin.id());
        assertEquals("/login", s.get("/").location(), "reactivating does not revive the old session");
    }

    @Test
    void aPasswordResetEndsTheSessionsStartedWithTheOldPassword() {
        UserAccount u = user("impuls.krijgt-nieuw-wachtwoord");
        PageSession before = loggedInWith(u.username(), PASSWORD);
        assertEquals("/t/impuls/werk", before.get("/").location());
        users.resetPassword(u.tenant(), u.id(), "een-heel-nieuw-wachtwoord");
        assertEquals(403, before.get("/").status(), "the session from before the reset is refused");
        assertEquals("/login", before.get("/").location(), "and is over");
        PageSession after = loggedInWith(u.username(), "een-heel-nieuw-wachtwoord");
        assertEquals("/t/impuls/werk", after.get("/").location(), "the new password works");
        assertEquals(401, sendAs(null, io.micronaut.http.HttpRequest.GET("/api/tenants/impuls/complaints")
                .basicAuth(u.username(), PASSWORD)).status(), "the old password no longer works for the API");
    }

    private UserAccount user(String username) {
        return users.create(tenants.resolve("impuls").id(), username, "Test " + username, PASSWORD,
                Set.of(Role.STAFF));
    }

    private Page attempt(String username, String password) {
        PageSession s = anonymous();
        s.get("/login");
        return login(s, username, password);
    }

    private static Page login(PageSession s, String username, String password) {
        return s.post("/login", Map.of("username", username, "password", password));
    }

    private PageSession loggedInWith(String username, String password) {
        PageSession s = anonymous();
        s.get("/login");
        assertEquals("/", login(s, username, password).location(), () -> "login of " + username);
        return s;
    }

    private long lockedUntil(String username) {
        Long until = tx.executeRead(status -> db.queryOne(
                "SELECT locked_until FROM login_pair_throttle WHERE username = ? AND locked_until IS NOT NULL "
                        + "ORDER BY locked_until DESC LIMIT 1", rs -> rs.getLong(1), username).orElse(null));
        assertNotNull(until, () -> "no lock for " + username);
        return until;
    }

    private static void assertCookieFlags(Page page) {
        String cookie = page.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElse(null);
        assertNotNull(cookie, () -> "no session cookie in " + page.headers().map());
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("; httponly"), cookie);
        assertTrue(lower.contains("; samesite=lax"), cookie);
        assertTrue(lower.contains("; secure"), cookie);
        assertTrue(lower.contains("; path=/"), cookie);
    }
}
