package nl.klachtenregie.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.shared.Db;

/**
 * Lock-out after repeated failed logins: after {@code max-failures} failures within the lock period, the name is
 * locked for that period, whether or not the account exists and whatever password is tried next.
 */
@Singleton
class LoginThrottle {

    private final Db db;
    private final int maxFailures;
    private final long lockMillis;

    LoginThrottle(Db db, @Value("${klachtenregie.security.max-failures:5}") int maxFailures,
                  @Value("${klachtenregie.security.lock-period:15m}") Duration lockPeriod) {
        this.db = db;
        this.maxFailures = maxFailures;
        this.lockMillis = lockPeriod.toMillis();
    }

    Duration lockPeriod() {
        return Duration.ofMillis(lockMillis);
    }

    @Transactional
    boolean isLocked(String username, long now) {
        return db.queryOne("SELECT locked_until FROM login_throttle WHERE username = ?", rs -> rs.getLong(1),
                username).filter(until -> until > now).isPresent();
    }

    /** The outcome of asking to try a password. */
    enum Admission { ADMITTED, ADMITTED_AND_NOW_LOCKED, LOCKED }

    /**
     * Counts an attempt before its password is checked, atomically: at most {@code max-failures} attempts per name
     * get through in a lock period, however many are sent at once (counting afterwards would let every request
     * already in flight try its guess). A successful login resets the count.
     */
    @Transactional
    Admission admit(String username, long now) {
        // The row exists before it is locked, so two first attempts wait on each other instead of both inserting.
        db.update("INSERT INTO login_throttle (username, failures, last_failure, locked_until) VALUES (?, 0, ?, NULL) "
                + "ON DUPLICATE KEY UPDATE username = username", username, now);
        long[] row = db.queryOne("SELECT failures, last_failure, locked_until FROM login_throttle WHERE username = ? "
                + "FOR UPDATE", rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? 0
                : rs.getLong(3)}, username).orElseThrow();
        if (row[2] > now) {
            return Admission.LOCKED;
        }
        // Attempts older than one lock period, or from before an expired lock, are forgotten.
        long attempts = now - row[1] > lockMillis || row[2] != 0 ? 1 : row[0] + 1;
        boolean lock = attempts >= maxFailures;
        db.update("UPDATE login_throttle SET failures = ?, last_failure = ?, locked_until = ? WHERE username = ?",
                attempts, now, lock ? now + lockMillis : null, username);
        return lock ? Admission.ADMITTED_AND_NOW_LOCKED : Admission.ADMITTED;
    }

    @Transactional
    void recordSuccess(String username) {
        db.update("DELETE FROM login_throttle WHERE username = ?", username);
    }

    /** Of these names, the ones locked at {@code now} (one query for a whole user list). */
    @Transactional
    Set<String> lockedAmong(Collection<String> usernames, long now) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", Collections.nCopies(usernames.size(), "?"));
        List<Object> params = new ArrayList<>(usernames);
        params.add(now);
        return Set.copyOf(db.query("SELECT username FROM login_throttle WHERE username IN (" + marks
                + ") AND locked_until > ?", rs -> rs.getString(1), params.toArray()));
    }

    /** Lifts a lock and forgets the failures, as an administrator's decision; a no-op for a name not locked. */
    @Transactional
    void unlock(String username) {
        db.update("DELETE FROM login_throttle WHERE username = ?", username);
    }
}
