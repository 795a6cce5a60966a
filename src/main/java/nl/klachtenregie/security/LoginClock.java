package nl.klachtenregie.security;

import jakarta.inject.Singleton;

/**
 * The real moment for the login lock-out, in epoch milliseconds: wall-clock time, independent of the (pinnable)
 * case-date clock. Tests replace it to let a lock run out without waiting.
 */
@Singleton
public class LoginClock {

    public long nowMillis() {
        return System.currentTimeMillis();
    }
}
