package nl.klachtenregie.security;

import io.micronaut.session.Session;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF-token: one random token per session (synchronizer token), put in every form as a hidden field and compared
 * on every form post. A cross-site page can make the browser post, but cannot read the token from our pages.
 */
@Singleton
public class CsrfTokens {

    /** The form field and the session attribute. */
    public static final String FIELD = "csrfToken";

    private final SecureRandom random = new SecureRandom();

    /** The session's token, created on first need. */
    public String tokenFor(Session session) {
        Optional<String> existing = session.get(FIELD, String.class);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = newToken();
        session.put(FIELD, token);
        return token;
    }

    /** Replaces the session's token (at login, so that a token seen before login is worthless after). */
    public String renew(Session session) {
        String token = newToken();
        session.put(FIELD, token);
        return token;
    }

    /** True only when the session has a token and the posted one equals it (compared in constant time). */
    public boolean matches(Optional<Session> session, String posted) {
        if (session.isEmpty() || posted == null || posted.isEmpty()) {
            return false;
        }
        Optional<String> expected = session.get().get(FIELD, String.class);
        return expected.isPresent() && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                posted.getBytes(StandardCharsets.UTF_8));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
