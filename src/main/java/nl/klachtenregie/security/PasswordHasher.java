package nl.klachtenregie.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt with a configurable work factor (12 in production; tests lower it, the algorithm stays the same). */
@Singleton
class PasswordHasher {

    static final int MIN_LENGTH = 10;

    private final int cost;
    // Compared against when the user does not exist, so that a wrong name takes as long as a wrong password.
    private final String dummyHash;

    PasswordHasher(@Value("${klachtenregie.security.bcrypt-cost:12}") int cost) {
        if (cost < 4 || cost > 16) {
            throw new IllegalArgumentException("klachtenregie.security.bcrypt-cost must be 4..16");
        }
        this.cost = cost;
        this.dummyHash = BCrypt.hashpw("not-a-password", BCrypt.gensalt(cost));
    }

    String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    boolean matches(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void burnTime(String password) {
        matches(password, dummyHash);
    }
}
