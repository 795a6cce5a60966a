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

    /** @return true when this failure locked the name */
    @Transactional
    boolean recordFailure(String username, long now) {
        var row = db.queryOne("SELECT failures, last_failure FROM login_throttle WHERE username = ? FOR UPDATE",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, username);
        if (row.isEmpty()) {
            db.update("INSERT INTO login_throttle (username, failures, last_failure, locked_until) VALUES (?, 1, ?, ?)",
                    username, now, maxFailures <= 1 ? now + lockMillis : null);
            return maxFailures <= 1;
        }
        // Failures older than one lock period are forgotten: the count is of recent attempts.
        long failures = now - row.get()[1] > lockMillis ? 1 : row.get()[0] + 1;
        boolean lock = failures >= maxFailures;
        db.update("UPDATE login_throttle SET failures = ?, last_failure = ?, locked_until = ? WHERE username = ?",
                lock ? 0 : failures, now, lock ? now + lockMillis : null, username);
        return lock;
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
