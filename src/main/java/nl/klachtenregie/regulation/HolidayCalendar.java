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
 * <p>The statutory days are those of the Algemene termijnenwet: the feestdagen of art. 3 lid 1 (Nieuwjaarsdag,
 * tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, Koningsdag and 5 mei), Goede Vrijdag,
 * which art. 3 lid 2 equates with them, and the days a Besluit gelijkstelling equates with them (art. 3 lid 3; data,
 * see {@link EquatedDays}). A tenant's own closing days are kept apart: they lengthen only the tenant's own terms in
 * working days, never a statutory term and never a term in days, weeks or months (see {@link Deadlines}).
 */
public final class HolidayCalendar {

    /** Name of the statutory calendar, the default for every tenant. */
    public static final String ALGEMENE_TERMIJNENWET = "ALGEMENE_TERMIJNENWET";

    /** The names {@link #named} knows, for a choice in the profile form. */
    public static final List<String> NAMES = List.of(ALGEMENE_TERMIJNENWET);

    private static final String LID_1 = " (Atw art. 3 lid 1)";

    private final String name;
    private final EquatedDays equated;
    private final Map<LocalDate, String> ownClosingDays;

    private HolidayCalendar(String name, EquatedDays equated, Map<LocalDate, String> ownClosingDays) {
        this.name = name;
        this.equated = Objects.requireNonNull(equated, "equated");
        this.ownClosingDays = Map.copyOf(new TreeMap<>(ownClosingDays));
    }

    /** The statutory calendar with the equated days bundled with the product, without closing days of its own. */
    public static HolidayCalendar algemeneTermijnenwet() {
        return new HolidayCalendar(ALGEMENE_TERMIJNENWET, EquatedDays.bundled(), Map.of());
    }

    /** {@link #named(String, Map, EquatedDays)} with the equated days bundled with the product. */
    public static HolidayCalendar named(String name, Map<LocalDate, String> extraClosedDays) {
        return named(name, extraClosedDays, EquatedDays.bundled());
    }

    /**
     * @param name only {@link #ALGEMENE_TERMIJNENWET} is known; an unknown name is refused rather than
     *     silently treated as "no holidays", which would shorten every term
     * @param extraClosedDays the tenant's own closing days with their names
     * @param equated the days equated by a Besluit gelijkstelling as the platform knows them now
     */
    public static HolidayCalendar named(String name, Map<LocalDate, String> extraClosedDays, EquatedDays equated) {
        if (name == null || name.isBlank() || ALGEMENE_TERMIJNENWET.equals(name)) {
            return new HolidayCalendar(ALGEMENE_TERMIJNENWET, equated, extraClosedDays);
        }
        throw new IllegalArgumentException("Onbekende feestdagenkalender '" + name + "' (bekend: "
                + ALGEMENE_TERMIJNENWET + ")");
    }

    public String name() {
        return name;
    }

    public Set<LocalDate> extraClosedDays() {
        return ownClosingDays.keySet();
    }

    public EquatedDays equatedDays() {
        return equated;
    }

    public boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** Neither a Saturday or Sunday nor a day of the Algemene termijnenwet (art. 1 and 3). */
    public boolean isStatutoryWorkingDay(LocalDate day) {
        return !isWeekend(day) && !isStatutoryHoliday(day);
    }

    /**
     * Whether the day is one of the Algemene termijnenwet (art. 3), without naming it: the hot path of every term
     * computation, so no text is made and Easter is computed once per year.
     */
    public boolean isStatutoryHoliday(LocalDate day) {
        int month = day.getMonthValue();
        int dom = day.getDayOfMonth();
        if ((month == 1 && dom == 1) || (month == 5 && dom == 5) || (month == 12 && (dom == 25 || dom == 26))) {
            return true;
        }
        if (month == 4 && (dom == 26 || dom == 27) && day.equals(kingsDay(day.getYear()))) {
            return true;
        }
        int offset = day.getDayOfYear() - easterDayOfYear(day.getYear());
        // Goede Vrijdag (-2), tweede Paasdag (+1), Hemelvaartsdag (+39), tweede Pinksterdag (+50)
        if (offset == -2 || offset == 1 || offset == 39 || offset == 50) {
            return true;
        }
        return !equated.days().isEmpty() && equated.days().containsKey(day);
    }

    private static final int FIRST_CACHED_YEAR = 1900;
    private static final int[] EASTER_DAY_OF_YEAR = new int[301];

    static {
        for (int y = 0; y < EASTER_DAY_OF_YEAR.length; y++) {
            EASTER_DAY_OF_YEAR[y] = easterSunday(FIRST_CACHED_YEAR + y).getDayOfYear();
        }
    }

    private static int easterDayOfYear(int year) {
        int i = year - FIRST_CACHED_YEAR;
        return i >= 0 && i < EASTER_DAY_OF_YEAR.length ? EASTER_DAY_OF_YEAR[i] : easterSunday(year).getDayOfYear();
    }

    /** A statutory working day on which the tenant is also open. */
    public boolean isWorkingDay(LocalDate day) {
        return isStatutoryWorkingDay(day) && (ownClosingDays.isEmpty() || !ownClosingDays.containsKey(day));
    }

    /** The tenant's own name for a closing day of its own ("studiedag"), if it is one. */
    public Optional<String> ownClosingDay(LocalDate day) {
        return Optional.ofNullable(ownClosingDays.get(day));
    }

    /** The Dutch name of the holiday or closing day on that day, if it is one, without the article. */
    public Optional<String> holidayName(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Optional<String> statutory = statutoryName(day);
        return statutory.isPresent() ? statutory : ownClosingDay(day);
    }

    /**
     * Why the Algemene termijnenwet does not count the day, with the article or Besluit: "Koningsdag (Atw art. 3 lid 1)",
     * "Goede Vrijdag (Atw art. 3 lid 2)", "gelijkgesteld (Besluit gelijkstelling 2026-2028)". Weekends are not named
     * here (see {@link #isWeekend}).
     */
    public Optional<String> statutoryHoliday(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Optional<String> feestdag = feestdag(day);
        if (feestdag.isPresent()) {
            return Optional.of(feestdag.get() + LID_1);
        }
        if (day.equals(easterSunday(day.getYear()).minusDays(2))) {
            return Optional.of("Goede Vrijdag (Atw art. 3 lid 2)");
        }
        return equated.source(day).map(source -> "gelijkgesteld (" + source + ")");
    }

    private Optional<String> statutoryName(LocalDate day) {
        Optional<String> feestdag = feestdag(day);
        if (feestdag.isPresent()) {
            return feestdag;
        }
        if (day.equals(easterSunday(day.getYear()).minusDays(2))) {
            return Optional.of("Goede Vrijdag");
        }
        return equated.source(day).map(source -> "gelijkgesteld (" + source + ")");
    }

    /** The feestdagen of art. 3 lid 1. */
    private static Optional<String> feestdag(LocalDate day) {
        int year = day.getYear();
        if (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1) {
            return Optional.of("Nieuwjaarsdag");
        }
        if (day.equals(kingsDay(year))) {
            return Optional.of("Koningsdag");
        }
        if (day.getMonth() == Month.MAY && day.getDayOfMonth() == 5) {
            return Optional.of("Bevrijdingsdag 5 mei");
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
