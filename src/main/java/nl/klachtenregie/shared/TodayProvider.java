package nl.klachtenregie.shared;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock is a bean so that "today" can be pinned: tests pin it (their timelines are real dates and must not
 * start failing when the calendar moves on), and the scheduler of a later issue moves it.
 */
@Factory
class TodayProvider {

    static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    @Singleton
    Clock clock(@Value("${klachtenregie.clock.fixed-date:}") String fixedDate) {
        if (fixedDate == null || fixedDate.isBlank()) {
            return Clock.system(NETHERLANDS);
        }
        return Clock.fixed(LocalDate.parse(fixedDate).atTime(12, 0).atZone(NETHERLANDS).toInstant(), NETHERLANDS);
    }
}
