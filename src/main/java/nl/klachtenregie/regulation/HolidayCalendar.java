package nl.klachtenregie.regulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Feestdagenkalender: which days are not working days for a tenant's terms.
 *
 * <p>The default is the list of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, tweede Paasdag,
 * Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, Koningsdag and 5 mei. Goede Vrijdag is
 * deliberately absent: the law does not recognise it. A tenant may add its own closing days.
 */
public final class HolidayCalendar {

    /** Name of the statutory calendar, the default for every tenant. */
    public static final String ALGEMENE_TERMIJNENWET = "ALGEMENE_TERMIJNENWET";

    /** The names {@link #named} knows, for a choice in the profile form. */
    public static final List<String> NAMES = List.of(ALGEMENE_TERMIJNENWET);

    private final String name;
    private final Map<LocalDate, String> extraClosedDays;

    private HolidayCalendar(String name, Map<LocalDate, String> extraClosedDays) {
        this.name = name;
        this.extraClosedDays = Map.copyOf(extraClosedDays);
    }

    public static HolidayCalendar algemeneTermijnenwet() {
        return new HolidayCalendar(ALGEMENE_TERMIJNENWET, Map.of());
    }

    /**
     * @param name only {@link #ALGEMENE_TERMIJNENWET} is known; an unknown name is refused rather than
     *     silently treated as "no holidays", which would shorten every term
     */
    public static HolidayCalendar named(String name, Map<LocalDate, String> extraClosedDays) {
        if (name == null || name.isBlank() || ALGEMENE_TERMIJNENWET.equals(name)) {
            return new HolidayCalendar(ALGEMENE_TERMIJNENWET, new TreeMap<>(extraClosedDays));
        }
        throw new IllegalArgumentException("Onbekende feestdagenkalender '" + name + "' (bekend: "
                + ALGEMENE_TERMIJNENWET + ")");
    }

    public String name() {
        return name;
    }

    public Set<LocalDate> extraClosedDays() {
        return extraClosedDays.keySet();
    }

    public boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && holidayName(day).isEmpty();
    }

    /** The Dutch name of the holiday on that day, if it is one. */
    public Optional<String> holidayName(LocalDate day) {
        Objects.requireNonNull(day, "day");
        String extra = extraClosedDays.get(day);
        if (extra != null) {
            return Optional.of(extra);
        }
        int year = day.getYear();
        if (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1) {
            return Optional.of("Nieuwjaarsdag");
        }
        if (day.equals(kingsDay(year))) {
            return Optional.of("Koningsdag");
        }
        if (day.getMonth() == Month.MAY && day.getDayOfMonth() == 5) {
            return Optional.of("Bevrijdingsdag (5 mei)");
        }
        if (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 25) {
            return Optional.of("eerste Kerstdag");
        }
        if (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 26) {
            return Optional.of("tweede Kerstdag");
        }
        LocalDate easter = easterSunday(year);
        if (day.equals(easter.plusDays(1))) {
            return Optional.of("tweede Paasdag");
        }
        if (day.equals(easter.plusDays(39))) {
            return Optional.of("Hemelvaartsdag");
        }
        if (day.equals(easter.plusDays(50))) {
            return Optional.of("tweede Pinksterdag");
        }
        return Optional.empty();
    }

    /** Koningsdag is 27 April, or the 26th when the 27th is a Sunday (Wet viering Koningsdag). */
    static LocalDate kingsDay(int year) {
        LocalDate d = LocalDate.of(year, Month.APRIL, 27);
        return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.minusDays(1) : d;
    }

    /** Anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
