package nl.klachtenregie.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The clock is a bean so that tests (and later the scheduler) can move "today". */
@Factory
class TodayProvider {
    @Singleton
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Amsterdam"));
    }
}
