package nl.klachtenregie.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klachtenregie.shared.Db;

/**
 * Inlogblokkade, across all instances on one database:
 * <ul>
 *   <li>per pair of user name and client address: {@code max-failures} failed attempts in a window of
 *   {@code lock-period} lock that pair, for {@code lock-period} the first time and twice as long each next time, up
 *   to {@code max-lock-period}; a pair quiet for {@code max-lock-period} after its last lock starts over. The same
 *   name from another address is not affected, so an attacker elsewhere cannot lock the real user out;</li>
 *   <li>per client address: {@code max-address-failures} failed attempts in a window of {@code lock-period},
 *   whatever the names (also names that do not exist), refuse further attempts from that address until the window
 *   ends.</li>
 * </ul>
 * Names that do not exist are counted like names that do, so the lock-out does not tell which exist. Addresses are
 * kept only as a keyed hash.
 */
// Stays SQL throughout: upserted counters read under row locks, and conditional clean-ups.
@Singleton
class LoginThrottle {

    private static final String KEY_NAME = "login-address-key";
    private static final String PURPOSE = "login-address";

    private final Db db;
    private final int maxFailures;
    private final int maxAddressFailures;
    private final long lockMillis;
    private final long maxLockMillis;
    private volatile byte[] key;

    LoginThrottle(Db db, @Value("${klachtenregie.security.max-failures:5}") int maxFailures,
                  @Value("${klachtenregie.security.max-address-failures:30}") int maxAddressFailures,
                  @Value("${klachtenregie.security.lock-period:15m}") Duration lockPeriod,
                  @Value("${klachtenregie.security.max-lock-period:24h}") Duration maxLockPeriod) {
        this.db = db;
        this.maxFailures = Math.max(1, maxFailures);
        this.maxAddressFailures = Math.max(1, maxAddressFailures);
        this.lockMillis = lockPeriod.toMillis();
        this.maxLockMillis = Math.max(lockMillis, maxLockPeriod.toMillis());
    }

    /** The outcome of asking to try a password. */
    enum Outcome { ADMITTED, ADMITTED_AND_NOW_LOCKED, LOCKED, ADDRESS_THROTTLED }

    /** @param lockedFor the length of the lock this attempt started (zero unless ADMITTED_AND_NOW_LOCKED) */
    record Admission(Outcome outcome, Duration lockedFor) {
        boolean admitted() {
            return outcome == Outcome.ADMITTED || outcome == Outcome.ADMITTED_AND_NOW_LOCKED;
        }
    }

    /** How long the {@code n}th lock in a row lasts: the lock period, doubled each time, capped. */
    long lockMillis(int n) {
        long length = lockMillis;
        for (int i = 1; i < n && length < maxLockMillis; i++) {
            length *= 2;
        }
        return Math.min(length, maxLockMillis);
    }

    /** Whether the pair is locked now (a remembered password is refused too while it is). */
    @Transactional
    boolean isLocked(String username, String address, long now) {
        return db.queryOne("SELECT locked_until FROM login_pair_throttle WHERE username = ? AND address_hash = ?",
                rs -> rs.getLong(1), username, hash(address)).filter(until -> until > now).isPresent();
    }

    /**
     * Counts an attempt before its password is checked, atomically: at most {@code max-failures} attempts per pair
     * and {@code max-address-failures} per address get through in a window, however many are sent at once (counting
     * afterwards would let every request already in flight try its guess). A refused attempt is not counted. A
     * successful login takes its attempt back ({@link #recordSuccess}).
     */
    @Transactional
    Admission admit(String username, String address, long now) {
        String hash = hash(address);
        // Always the address row first, then the pair's: two attempts never wait on each other in opposite order.
        // The rows exist before they are locked, so two first attempts wait on each other instead of both inserting.
        db.update("INSERT INTO login_address_throttle (address_hash, failures, window_start) VALUES (?, 0, ?) "
                + "ON DUPLICATE KEY UPDATE address_hash = address_hash", hash, now);
        long[] at = db.queryOne("SELECT failures, window_start FROM login_address_throttle WHERE address_hash = ? "
                + "FOR UPDATE", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, hash).orElseThrow();
        boolean addressWindowOver = now - at[1] >= lockMillis;
        long addressFailures = addressWindowOver ? 0 : at[0];
        long addressWindow = addressWindowOver ? now : at[1];
        if (addressFailures >= maxAddressFailures) {
            return new Admission(Outcome.ADDRESS_THROTTLED, Duration.ZERO);
        }

        db.update("INSERT INTO login_pair_throttle (username, address_hash, failures, window_start, last_failure, "
                + "locked_until, lockouts) VALUES (?, ?, 0, ?, ?, NULL, 0) "
                + "ON DUPLICATE KEY UPDATE username = username", username, hash, now, now);
        PairRow pair = db.queryOne("SELECT failures, window_start, last_failure, locked_until, lockouts "
                        + "FROM login_pair_throttle WHERE username = ? AND address_hash = ? FOR UPDATE",
                rs -> new PairRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4) == null ? 0 : rs.getLong(4), rs.getInt(5)), username, hash).orElseThrow();
        if (pair.lockedUntil > now) {
            return new Admission(Outcome.LOCKED, Duration.ZERO);
        }
        // A pair quiet for the longest lock since its last failure and its last lock starts over.
        int lockouts = now - Math.max(pair.lastFailure, pair.lockedUntil) > maxLockMillis ? 0 : pair.lockouts;
        // Failures before an expired lock, or older than one window, are forgotten.
        boolean windowOver = now - pair.windowStart >= lockMillis || pair.windowStart < pair.lockedUntil;
        long failures = (windowOver ? 0 : pair.failures) + 1;
        long windowStart = windowOver ? now : pair.windowStart;
        Long lockedUntil = pair.lockedUntil == 0 ? null : pair.lockedUntil;
        long lockedFor = 0;
        if (failures >= maxFailures) {
            lockouts++;
            lockedFor = lockMillis(lockouts);
            lockedUntil = now + lockedFor;
        }
        db.update("UPDATE login_pair_throttle SET failures = ?, window_start = ?, last_failure = ?, locked_until = ?, "
                + "lockouts = ? WHERE username = ? AND address_hash = ?", failures, windowStart, now, lockedUntil,
                lockouts, username, hash);
        db.update("UPDATE login_address_throttle SET failures = ?, window_start = ? WHERE address_hash = ?",
                addressFailures + 1, addressWindow, hash);
        return lockedFor > 0 ? new Admission(Outcome.ADMITTED_AND_NOW_LOCKED, Duration.ofMillis(lockedFor))
                : new Admission(Outcome.ADMITTED, Duration.ZERO);
    }

    private record PairRow(long failures, long windowStart, long lastFailure, long lockedUntil, int lockouts) {
    }

    /** The right password from this address: the pair starts over, and the address gets its attempt back. */
    @Transactional
    void recordSuccess(String username, String address) {
        String hash = hash(address);
        db.update("UPDATE login_address_throttle SET failures = GREATEST(failures - 1, 0) WHERE address_hash = ?",
                hash);
        db.update("DELETE FROM login_pair_throttle WHERE username = ? AND address_hash = ?", username, hash);
    }

    /**
     * Forgets pairs that can no longer matter (quiet for longer than the longest lock). One table per transaction:
     * holding locks in both at once could deadlock with an attempt that holds its address row.
     */
    @Transactional
    int forgetStalePairs(long now) {
        return db.update("DELETE FROM login_pair_throttle WHERE last_failure < ? AND (locked_until IS NULL "
                + "OR locked_until < ?)", now - 2 * maxLockMillis, now - maxLockMillis);
    }

    /** Forgets addresses whose window is long over. */
    @Transactional
    int forgetStaleAddresses(long now) {
        return db.update("DELETE FROM login_address_throttle WHERE window_start < ?", now - 2 * lockMillis);
    }

    /** Of these names, the ones locked at {@code now} from any address (one query for a whole user list). */
    @Transactional
    Set<String> lockedAmong(Collection<String> usernames, long now) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", Collections.nCopies(usernames.size(), "?"));
        List<Object> params = new ArrayList<>(usernames);
        params.add(now);
        return Set.copyOf(db.query("SELECT DISTINCT username FROM login_pair_throttle WHERE username IN (" + marks
                + ") AND locked_until > ?", rs -> rs.getString(1), params.toArray()));
    }

    /**
     * Lifts the name's locks from every address and forgets its failures and earlier locks, as an administrator's
     * decision; a no-op for a name not locked. The throttle per address stays (it is no one user's).
     *
     * @return the number of addresses the name was locked or counted from
     */
    @Transactional
    int unlock(String username) {
        return db.update("DELETE FROM login_pair_throttle WHERE username = ?", username);
    }

    /** The keyed hash an address is kept as; the key is shared by every instance through the database. */
    String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update(PURPOSE.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal((address == null || address.isBlank()
                    ? ClientAddress.UNKNOWN : address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // Two instances starting together both try; the second insert is a no-op and both read the first key.
            db.update("INSERT INTO platform_secret (secret_name, secret_value) VALUES (?, ?) "
                    + "ON DUPLICATE KEY UPDATE secret_name = secret_name", KEY_NAME,
                    Base64.getEncoder().encodeToString(fresh));
            k = Base64.getDecoder().decode(db.queryOne("SELECT secret_value FROM platform_secret WHERE secret_name = ?",
                    rs -> rs.getString(1), KEY_NAME).orElseThrow());
            key = k;
        }
        return k;
    }
}
