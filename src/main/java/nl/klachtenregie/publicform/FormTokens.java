package nl.klachtenregie.publicform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.klachtenregie.tenant.TenantId;

/**
 * Formuliersleutel: the hidden field of the public form, signed with the platform secret. It carries the tenant, the
 * moment the form was shown and a random submission id, so a post can be checked without any session: it came from
 * this tenant's form, not too long ago, not within seconds (a bot), and a second post of the same form is the same
 * submission.
 */
@Singleton
public class FormTokens {

    /** A form left open longer than this is refused with a fresh token: its promises (the terms) may have changed. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    private static final String PURPOSE = "form-token";
    private static final int MAX_LENGTH = 200;
    private static final Pattern SUBMISSION = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    /** Oordeel over een formuliersleutel: what a posted token turned out to be. */
    public enum Verdict { VALID, MISSING, FORGED, OTHER_TENANT, EXPIRED, TOO_FAST }

    /**
     * Controle van een formuliersleutel: the verdict, and the submission id of a valid token.
     *
     * @param submissionId the submission id the token carries; null unless {@link Verdict#VALID}
     */
    public record Check(Verdict verdict, String submissionId) {
        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private final PlatformSecret secret;
    private final WallClock clock;
    private final long minMillis;

    FormTokens(PlatformSecret secret, WallClock clock,
               @Value("${klachtenregie.public-form.min-seconds:3}") int minSeconds) {
        this.secret = secret;
        this.clock = clock;
        this.minMillis = Math.max(0, minSeconds) * 1000L;
    }

    /** A new token for a form of this tenant shown now, with a new submission id. */
    public String issue(TenantId tenant) {
        String payload = "v1." + tenant.value() + "." + clock.now().toEpochMilli() + "." + UUID.randomUUID();
        return payload + "." + sign(payload);
    }

    /** Checks a posted token for a post to this tenant's form, now. Never throws: any garbage is FORGED. */
    public Check check(TenantId tenant, String token) {
        if (token == null || token.isBlank()) {
            return new Check(Verdict.MISSING, null);
        }
        if (token.length() > MAX_LENGTH) {
            return new Check(Verdict.FORGED, null);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals("v1") || !NUMBER.matcher(parts[1]).matches()
                || !NUMBER.matcher(parts[2]).matches() || !SUBMISSION.matcher(parts[3]).matches()) {
            return new Check(Verdict.FORGED, null);
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] expected = sign(payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = parts[4].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Check(Verdict.FORGED, null);
        }
        if (Long.parseLong(parts[1]) != tenant.value()) {
            return new Check(Verdict.OTHER_TENANT, null);
        }
        long age = clock.now().toEpochMilli() - Long.parseLong(parts[2]);
        if (age > MAX_AGE.toMillis()) {
            return new Check(Verdict.EXPIRED, null);
        }
        // A negative age (a token from another instance whose clock runs ahead) waits like a quick one.
        if (age < minMillis) {
            return new Check(Verdict.TOO_FAST, null);
        }
        return new Check(Verdict.VALID, parts[3]);
    }

    /** The minimum time between showing the form and posting it. */
    public Duration minimumTime() {
        return Duration.ofMillis(minMillis);
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret.hmac(PURPOSE, payload));
    }
}
