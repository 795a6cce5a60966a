package nl.klachtenregie.publicform;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Wandklok: the real moment, for what must follow real time even when the case-date clock is pinned or moved (a
 * form token's age, the hour of the rate limit). Tests replace it to move time without waiting.
 */
@Singleton
public class WallClock {

    public Instant now() {
        return Instant.now();
    }
}
