package nl.klachtenregie.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A remembered password spares bcrypt only for the same user, password and stored hash, and only for a while. */
class VerifiedCredentialsTest {

    private static final String HASH = "$2a$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234";

    @Test
    void theSamePasswordWithinTheTimeIsRecognised() {
        VerifiedCredentials c = new VerifiedCredentials(Duration.ofMinutes(5));
        c.remember("a.medewerker", HASH, "geheim-wachtwoord", 1_000);
        assertTrue(c.matches("a.medewerker", HASH, "geheim-wachtwoord", 2_000));
    }

    @Test
    void anotherPasswordOrUserIsNot() {
        VerifiedCredentials c = new VerifiedCredentials(Duration.ofMinutes(5));
        c.remember("a.medewerker", HASH, "geheim-wachtwoord", 1_000);
        assertFalse(c.matches("a.medewerker", HASH, "geheim-wachtwoorD", 2_000));
        assertFalse(c.matches("b.medewerker", HASH, "geheim-wachtwoord", 2_000));
    }

    @Test
    void aChangedPasswordHashMakesTheEntryUselessAtOnce() {
        VerifiedCredentials c = new VerifiedCredentials(Duration.ofMinutes(5));
        c.remember("a.medewerker", HASH, "geheim-wachtwoord", 1_000);
        assertFalse(c.matches("a.medewerker", HASH.replace('z', 'y'), "geheim-wachtwoord", 2_000));
    }

    @Test
    void entriesExpireAndAZeroPeriodRemembersNothing() {
        VerifiedCredentials c = new VerifiedCredentials(Duration.ofMinutes(5));
        c.remember("a.medewerker", HASH, "geheim-wachtwoord", 1_000);
        assertFalse(c.matches("a.medewerker", HASH, "geheim-wachtwoord", 1_000 + Duration.ofMinutes(5).toMillis()));
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO);
        off.remember("a.medewerker", HASH, "geheim-wachtwoord", 1_000);
        assertFalse(off.matches("a.medewerker", HASH, "geheim-wachtwoord", 1_001));
    }
}
