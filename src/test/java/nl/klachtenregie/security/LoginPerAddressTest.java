package nl.klachtenregie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * De inlogblokkade per gebruikersnaam en adres, against the real database, as behind a proxy that puts the client's
 * address in a header: an attacker elsewhere cannot lock the real user out, one address cannot spend unbounded
 * bcrypt on names that do not exist, a lock grows when it is earned again, and the beheerder lifts it. Each test uses
 * its own names and addresses; the lock-out's clock is moved instead of waited for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPerAddressTest extends PageTestSupport {

    static final String MOVABLE = "klachtenregie.test.movable-login-clock";
    private static final String ADDRESS_HEADER = "X-Real-IP";
    private static final String PASSWORD = "een-sterk-wachtwoord";
    private static final String REFUSED = "/login?fout=1";
    private static final long MINUTE = 60_000L;

    /** The lock-out's clock as these tests move it: the real time plus an offset. */
    @Singleton
    @Replaces(LoginClock.class)
    @Requires(property = MOVABLE, value = "true")
    static class MovableLoginClock extends LoginClock {
        private final AtomicLong offset = new AtomicLong();

        @Override
        public long nowMillis() {
            return System.currentTimeMillis() + offset.get();
        }

        void advance(Duration by) {
            offset.addAndGet(by.toMillis());
        }
    }

    /** bcrypt as configured, counting its password checks (a dummy check included). */
    @Singleton
    @Replaces(PasswordHasher.class)
    @Requires(property = MOVABLE, value = "true")
    static class CountingHasher extends PasswordHasher {
        final AtomicInteger checks = new AtomicInteger();

        CountingHasher(@Value("${klachtenregie.security.bcrypt-cost:12}") int cost) {
            super(cost);
        }

        @Override
        boolean matches(String password, String hash) {
            checks.incrementAndGet();
            return super.matches(password, hash);
        }
    }

    @Inject
    MovableLoginClock clock;
    @Inject
    CountingHasher hasher;
    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditLog audit;
    @Inject
    Db db;
    @Inject
    TransactionOperations<Connection> tx;

    private final AtomicInteger addresses = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new LinkedHashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MOVABLE, "true");
        props.put("micronaut.server.client-address-header", ADDRESS_HEADER);
        return props;
    }

    @BeforeEach
    void eachTestStartsAtItsOwnMoment() {
        // Far enough from the previous test that no window or lock of it is still open.
        clock.advance(Duration.ofDays(3));
    }

    @Test
    void anAttackerElsewhereCannotLockTheRealUserOut() {
        user("impuls.doelwit");
        String attacker = address();
        for (int i = 0; i < 8; i++) {
            assertEquals(REFUSED, attempt(attacker, "impuls.doelwit", "fout-" + i).location());
        }
        assertEquals(REFUSED, attempt(attacker, "impuls.doelwit", PASSWORD).location(),
                "the attacker's address is locked for this name, also with the right password");

        String office = address();
        assertEquals("/", attempt(office, "impuls.doelwit", PASSWORD).location(), "the real user signs in");
        assertEquals(200, api(office, "impuls.doelwit", PASSWORD), "and the API lets them in too");
        assertEquals(401, api(attacker, "impuls.doelwit", PASSWORD), "the attacker's pair stays locked on the API");
    }

    @Test
    void failuresFromOneAddressAreThrottledAlsoForNamesThatDoNotExist() {
        user("impuls.achter-dezelfde-nat");
        String robot = address();
        for (int i = 0; i < 30; i++) {
            // four tries per made-up name: no pair is locked, only the address counts up
            assertEquals(REFUSED, attempt(robot, "impuls.verzonnen-" + (i / 4), "fout-" + i).location(), "try " + i);
        }
        int before = hasher.checks.get();
        Page refused = attempt(robot, "impuls.achter-dezelfde-nat", PASSWORD);
        Page unknown = attempt(robot, "impuls.verzonnen-nieuw", "fout");
        assertEquals(REFUSED, refused.location(), "the 31st attempt is refused, whatever the name and password");
        assertEquals(REFUSED, unknown.location());
        assertEquals(before, hasher.checks.get(), "a refused attempt costs no bcrypt");
        assertEquals(30, addressFailures(robot), "refused attempts are not counted: waiting is enough");
        assertEquals(0, pairRows("impuls.achter-dezelfde-nat"), "nor counted for the pair");

        assertEquals("/", attempt(address(), "impuls.achter-dezelfde-nat", PASSWORD).location(),
                "another address is not throttled");
        clock.advance(Duration.ofMinutes(15));
        assertEquals("/", attempt(robot, "impuls.achter-dezelfde-nat", PASSWORD).location(),
                "after a quarter of an hour the address is admitted again");
    }

    @Test
    void aBurstOfGuessesAtManyNamesFromOneAddressIsHeldToThirty() throws Exception {
        String robot = address();
        int before = hasher.checks.get();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Callable<Integer>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 45; i++) {
                String name = "impuls.gok-" + i;
                guesses.add(() -> api(robot, name, "fout"));
            }
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(guesses)) {
                assertEquals(401, f.get(), "every guess gets the same answer, none a 500");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, hasher.checks.get() - before, "thirty (dummy) checks, however many were sent at once");
        assertEquals(30, addressFailures(robot));
    }

    @Test
    void aNameThatDoesNotExistCostsOneDummyCheckAndTheSameAnswer() {
        user("impuls.bestaat-wel");
        String from = address();
        for (int i = 0; i < 7; i++) {
            int before = hasher.checks.get();
            Page unknown = attempt(from, "impuls.bestaat-echt-niet", "fout-" + i);
            int unknownChecks = hasher.checks.get() - before;
            before = hasher.checks.get();
            Page known = attempt(from, "impuls.bestaat-wel", "fout-" + i);
            int knownChecks = hasher.checks.get() - before;
            assertEquals(known.status(), unknown.status(), "attempt " + i);
            assertEquals(known.location(), unknown.location(), "attempt " + i);
            assertEquals(known.body(), unknown.body(), "attempt " + i);
            assertEquals(knownChecks, unknownChecks, "as much bcrypt for a name that does not exist, attempt " + i);
            assertEquals(i < 5 ? 1 : 0, unknownChecks, "one check while admitted, none once locked; attempt " + i);
        }
        assertTrue(users.findByUsername("impuls.bestaat-echt-niet").isEmpty());
        assertEquals(401, api(from, "impuls.bestaat-echt-niet", "fout"));
        assertEquals(401, api(from, "impuls.bestaat-wel", PASSWORD), "the known name is locked from here too");
    }

    @Test
    void aLockedPairUnlocksAfterAGrowingDelay() {
        user("impuls.groeiende-blokkade");
        String from = address();
        long[] expected = {15, 30, 60};
        for (long minutes : expected) {
            long start = clock.nowMillis();
            for (int i = 0; i < 5; i++) {
                assertEquals(REFUSED, attempt(from, "impuls.groeiende-blokkade", "fout-" + i).location());
            }
            long locked = lockedUntil("impuls.groeiende-blokkade") - start;
            assertTrue(locked >= minutes * MINUTE && locked < minutes * MINUTE + MINUTE,
                    "lock of " + minutes + " minutes, was " + locked / MINUTE);
            clock.advance(Duration.ofMinutes(minutes - 1));
            assertEquals(REFUSED, attempt(from, "impuls.groeiende-blokkade", PASSWORD).location(),
                    "still locked a minute before the end");
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        }
        assertEquals("/", attempt(from, "impuls.groeiende-blokkade", PASSWORD).location(), "unlocked after 60 minutes");
        assertEquals(0, pairRows("impuls.groeiende-blokkade"), "a success forgets the pair's locks");

        // Doubling up to a day, never longer.
        assertEquals(List.of(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1440L, 1440L),
                java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(n -> throttle.lockMillis(n) / MINUTE).toList());
    }

    @Test
    void theBeheerderUnlocksAUser() {
        UserAccount u = user("impuls.te-ontgrendelen");
        List<String> from = List.of(address(), address());
        for (String address : from) {
            for (int i = 0; i < 5; i++) {
                attempt(address, u.username(), "fout-" + i);
            }
        }
        PageSession admin = loggedInAs("impuls.beheerder");
        assertTrue(admin.get("/t/impuls/gebruikers").contains("data-id=\"" + u.id().value()
                + "\" data-active=\"true\" data-locked=\"true\""), "the list shows the lock");
        Page r = admin.post("/t/impuls/gebruikers/" + u.id().value() + "/ontgrendelen", Map.of());
        assertEquals("/t/impuls/gebruikers?gedaan=ontgrendeld", r.location());
        for (String address : from) {
            assertEquals("/", attempt(address, u.username(), PASSWORD).location(), "unlocked from " + address);
        }
        assertTrue(audit.recent(u.tenant(), 20).stream().anyMatch(e -> e.action().equals("USER_UNLOCKED")
                && e.subject().equals(u.username())), "the unlock is in the logboek");
    }

    @Test
    void aMadeUpAddressHeaderNeverGivesA500AndCountsAsTheConnection() {
        user("impuls.rare-kop");
        List<String> junk = List.of("", "cafe", "dead.beef", "999.1.2.3", "x".repeat(5_000), "1.2.3.4, <script>",
                "[::1", "::ffff:300.1.1.1", "\u00e9\u00e9n");
        int i = 0;
        for (String value : junk) {
            PageSession s = anonymous().withHeader(ADDRESS_HEADER, value);
            Page page = s.get("/login");
            assertTrue(page.status() < 500, value);
            Page r = s.post("/login", Map.of("username", "impuls.rare-kop", "password", "fout-" + i++));
            assertTrue(r.status() < 500, () -> value + ": " + r.status());
        }
        assertEquals(1, pairRows("impuls.rare-kop"), "made-up values count as the connection, not as fresh addresses");

        // IPv6 addresses of one /64 are one address.
        user("impuls.rare-kop-v6");
        String prefix = "2001:db8:" + Integer.toHexString(addresses.incrementAndGet()) + ":1:";
        for (int j = 0; j < 5; j++) {
            attempt(prefix + j + "::" + j, "impuls.rare-kop-v6", "fout-" + j);
        }
        assertEquals(1, pairRows("impuls.rare-kop-v6"));
        assertEquals(REFUSED, attempt(prefix + "abcd::1", "impuls.rare-kop-v6", PASSWORD).location(),
                "another address of the same /64 is the same address");
        assertEquals("/", attempt("2001:db8:ffff:2::1", "impuls.rare-kop-v6", PASSWORD).location());
    }

    @Test
    void addressesAreKeptOnlyAsAKeyedHash() {
        String from = address();
        attempt(from, "impuls.adres-hash", "fout");
        List<String> kept = tx.executeRead(st -> db.query("SELECT address_hash FROM login_pair_throttle "
                + "WHERE username = ?", rs -> rs.getString(1), "impuls.adres-hash"));
        assertEquals(1, kept.size());
        assertEquals(64, kept.get(0).length());
        assertFalse(kept.get(0).contains(from));
        assertFalse(kept.get(0).equals(sha256(from)), "not a plain hash that a list of addresses would reverse");
        assertEquals(tx.executeWrite(st -> throttle.hash(from)), kept.get(0));
    }

    @Test
    void whatCanNoLongerMatterIsForgottenAndALockIsKept() {
        String from = address();
        attempt(from, "impuls.vergeten", "fout");
        for (int i = 0; i < 5; i++) {
            attempt(from, "impuls.nog-geblokkeerd", "fout-" + i);
        }
        clock.advance(Duration.ofHours(47));
        throttle.forgetStalePairs(clock.nowMillis());
        throttle.forgetStaleAddresses(clock.nowMillis());
        assertEquals(1, pairRows("impuls.vergeten"), "kept while a lock in a row could still follow");
        clock.advance(Duration.ofHours(2));
        throttle.forgetStalePairs(clock.nowMillis());
        throttle.forgetStaleAddresses(clock.nowMillis());
        assertEquals(0, pairRows("impuls.vergeten"), "forgotten two days after its last failure");
        assertEquals(0L, (long) tx.executeRead(st -> db.count("SELECT COUNT(*) FROM login_address_throttle")));

        for (int i = 0; i < 5; i++) {
            attempt(from, "impuls.nog-geblokkeerd", "fout-" + i);
        }
        throttle.forgetStalePairs(clock.nowMillis());
        assertEquals(1, pairRows("impuls.nog-geblokkeerd"), "a lock that runs is never forgotten");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private UserAccount user(String username) {
        return users.create(tenants.resolve("impuls").id(), username, "Test " + username, PASSWORD,
                Set.of(Role.STAFF));
    }

    /** A fresh documentation address (TEST-NET-3) per use. */
    private String address() {
        int n = addresses.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    private Page attempt(String address, String username, String password) {
        PageSession s = anonymous().withHeader(ADDRESS_HEADER, address);
        s.get("/login");
        return s.post("/login", Map.of("username", username, "password", password));
    }

    private int api(String address, String username, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/tenants/impuls/complaints")
                    .header(ADDRESS_HEADER, address).basicAuth(username, password), String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private long lockedUntil(String username) {
        return tx.executeRead(st -> db.queryOne("SELECT locked_until FROM login_pair_throttle WHERE username = ? "
                + "AND locked_until IS NOT NULL ORDER BY locked_until DESC LIMIT 1", rs -> rs.getLong(1), username))
                .orElseThrow(() -> new AssertionError("no lock for " + username));
    }

    private long pairRows(String username) {
        return tx.executeRead(st -> db.count("SELECT COUNT(*) FROM login_pair_throttle WHERE username = ?",
                username));
    }

    private long addressFailures(String address) {
        return tx.executeWrite(st -> db.queryOne("SELECT failures FROM login_address_throttle WHERE address_hash = ?",
                rs -> rs.getLong(1), throttle.hash(address))).orElseThrow();
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
