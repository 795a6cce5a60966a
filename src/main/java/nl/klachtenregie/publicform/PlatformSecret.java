package nl.klachtenregie.publicform;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klachtenregie.shared.Db;

/**
 * Platformsleutel van het klachtformulier: the key that signs form tokens and hashes senders' addresses. Every
 * instance must use the same key, so it lives in the database ({@code platform_secret}), made by whichever instance
 * needs it first; it is never configured, logged or shown.
 */
@Singleton
class PlatformSecret {

    static final String NAME = "public-form-key";
    private static final int KEY_BYTES = 32;

    private final Db db;
    private final TransactionOperations<Connection> tx;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    PlatformSecret(Db db, TransactionOperations<Connection> tx) {
        this.db = db;
        this.tx = tx;
    }

    /** HMAC-SHA256 of {@code value} under the key, for one {@code purpose} (a token signature is no address hash). */
    byte[] hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    String hmacHex(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(purpose, value));
    }

    /**
     * Takes the key's row lock until the current transaction ends: the one row every instance shares, so work that
     * must not interleave across instances (counting and recording a submission) waits its turn.
     */
    void lockUntilCommit() {
        key();
        db.queryOne("SELECT secret_name FROM platform_secret WHERE secret_name = ? FOR UPDATE",
                        rs -> rs.getString(1), NAME)
                .orElseThrow(() -> new IllegalStateException("platform secret vanished"));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = tx.executeWrite(status -> loadOrCreate());
            key = k;
        }
        return k;
    }

    // Stays SQL: an insert-if-absent that two instances may race, and a row lock (see lockUntilCommit).
    private byte[] loadOrCreate() {
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        // Two instances starting together both try; the second insert is a no-op and both read the first one's key.
        db.update("INSERT INTO platform_secret (secret_name, secret_value) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE secret_name = secret_name", NAME, Base64.getEncoder().encodeToString(fresh));
        String stored = db.queryOne("SELECT secret_value FROM platform_secret WHERE secret_name = ?",
                        rs -> rs.getString(1), NAME)
                .orElseThrow(() -> new IllegalStateException("platform secret was not stored"));
        return Base64.getDecoder().decode(stored);
    }
}
