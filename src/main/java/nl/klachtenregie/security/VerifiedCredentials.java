package nl.klachtenregie.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified passwords, so that an API client sending HTTP Basic on every request does not pay a bcrypt
 * verification (about 250 ms of CPU at cost 12) each time. Only a keyed hash is kept (HMAC-SHA256 with a random key
 * that never leaves memory), bound to the stored bcrypt hash: a password change makes the entry useless at once.
 * Entries expire after {@code klachtenregie.security.credential-cache} (0 turns the cache off); deactivation and
 * lock-out are checked on every request regardless.
 */
@Singleton
class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] mac, long expiresAt) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlMillis;

    VerifiedCredentials(@Value("${klachtenregie.security.credential-cache:5m}") Duration ttl) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.ttlMillis = ttl.toMillis();
    }

    boolean matches(String username, String storedHash, String password, long now) {
        Entry e = entries.get(username);
        return e != null && e.expiresAt() > now && e.storedHash().equals(storedHash)
                && MessageDigest.isEqual(e.mac(), mac(username, storedHash, password));
    }

    void remember(String username, String storedHash, String password, long now) {
        if (ttlMillis <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            // Rare (many distinct users in five minutes): start afresh rather than track an eviction order.
            entries.clear();
        }
        entries.put(username, new Entry(storedHash, mac(username, storedHash, password), now + ttlMillis));
    }

    private byte[] mac(String username, String storedHash, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal((username + '\u0000' + storedHash + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
