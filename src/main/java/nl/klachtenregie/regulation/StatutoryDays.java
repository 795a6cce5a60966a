package nl.klachtenregie.regulation;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.model.Sort;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * Gelijkgestelde dagen van het platform: the days a Besluit gelijkstelling equates with the feestdagen (Atw art. 3 lid
 * 3), as the platform knows them now. The table {@code equated_day} is the source of truth; at start-up the days of
 * {@link EquatedDays#RESOURCE} that it lacks are added, and the platform administrator adds the days of a new Besluit.
 * Every instance reads the table again at most {@code klachtenregie.atw.refresh} after a change elsewhere.
 */
@Singleton
public class StatutoryDays {

    /** One equated day as the platform page lists it. */
    public record Day(LocalDate day, String source, String addedBy) {
    }

    private static final Sort BY_DAY = Sort.of(Sort.Order.asc("equatedOn"));

    private final EquatedDayRepository days;
    private final Clock wallClock = Clock.systemUTC();
    private final Duration refresh;
    private volatile EquatedDays current = EquatedDays.bundled();
    private volatile Instant loadedAt = Instant.EPOCH;

    StatutoryDays(EquatedDayRepository days, @Value("${klachtenregie.atw.refresh:5m}") Duration refresh) {
        this.days = days;
        this.refresh = refresh;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        for (Map.Entry<LocalDate, String> e : EquatedDays.bundled().days().entrySet()) {
            if (!days.existsById(e.getKey())) {
                days.save(new EquatedDayRow(e.getKey(), e.getValue(), null));
            }
        }
        reload();
    }

    /** The equated days as known now (read again from the table when older than the refresh interval). */
    public EquatedDays current() {
        if (Duration.between(loadedAt, wallClock.instant()).compareTo(refresh) > 0) {
            try {
                reload();
            } catch (RuntimeException e) {
                // The table is unreachable for a moment: the days known are still right, the next call tries again.
                loadedAt = wallClock.instant();
            }
        }
        return current;
    }

    /** A tenant's calendar: the statutory days with these own closing days. */
    public HolidayCalendar calendar(String name, Map<LocalDate, String> ownClosingDays) {
        return HolidayCalendar.named(name, ownClosingDays, current());
    }

    @Transactional
    public List<Day> list() {
        return days.findAll(BY_DAY).stream().map(d -> new Day(d.equatedOn(), d.source(), d.addedBy())).toList();
    }

    /**
     * Adds a day of a new Besluit gelijkstelling.
     *
     * @throws InvalidInputException when the source is missing or too long, the day is a weekend or already a
     *     statutory day, or the day is already equated
     */
    @Transactional
    public void add(LocalDate day, String source, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        String s = source == null ? "" : source.strip();
        if (day == null) {
            errors.put("day", "Geef de datum die het Besluit gelijkstelt");
        } else {
            HolidayCalendar statutory = HolidayCalendar.named(HolidayCalendar.ALGEMENE_TERMIJNENWET, Map.of(),
                    EquatedDays.none());
            if (statutory.isWeekend(day)) {
                errors.put("day", "Een zaterdag of zondag telt al niet mee (Atw art. 1); een Besluit gelijkstelling "
                        + "noemt alleen werkdagen");
            } else if (statutory.statutoryHoliday(day).isPresent()) {
                errors.put("day", "Die dag is al een feestdag: " + statutory.statutoryHoliday(day).get());
            } else if (days.existsById(day)) {
                errors.put("day", "Die dag is al gelijkgesteld");
            }
        }
        if (s.isEmpty()) {
            errors.put("source", "Noem het Besluit, bijvoorbeeld 'Besluit gelijkstelling 2029-2031'");
        } else if (s.length() > EquatedDays.MAX_SOURCE || s.chars().anyMatch(Character::isISOControl)) {
            errors.put("source", "Hoogstens " + EquatedDays.MAX_SOURCE + " tekens op één regel");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        days.save(new EquatedDayRow(day, s, by));
        reload();
    }

    private void reload() {
        Map<LocalDate, String> known = new TreeMap<>();
        days.findAll(BY_DAY).forEach(d -> known.put(d.equatedOn(), d.source()));
        current = new EquatedDays(known);
        loadedAt = wallClock.instant();
    }
}
