package nl.klachtenregie.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The product's clock as a test moves it: noon (Amsterdam) of the day the test sets, starting at the suite's today.
 * Switched on by the property {@link #PROPERTY} = true, so that only the tests that move time get it.
 */
public final class MovableClock extends Clock {

    public static final String PROPERTY = "klachtenregie.test.clock-movable";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private volatile LocalDate day = LocalDate.parse(TestDatabase.TODAY);

    public void set(LocalDate to) {
        day = to;
    }

    public void set(String isoDate) {
        day = LocalDate.parse(isoDate);
    }

    /** Back to the suite's today. */
    public void reset() {
        day = LocalDate.parse(TestDatabase.TODAY);
    }

    public LocalDate today() {
        return day;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return day.atTime(12, 0).atZone(ZONE).toInstant();
    }

    @Factory
    @Requires(property = PROPERTY, value = "true")
    static class MovableClockFactory {
        @Singleton
        @Replaces(Clock.class)
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
