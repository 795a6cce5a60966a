package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Termijnberekening: turns "5 werkdagen", "14 dagen" or "6 weken" after a date into a due date.
 *
 * <p>Working days skip weekends and the calendar's holidays. A term in days or weeks that ends on a Saturday,
 * Sunday or holiday moves to the next working day (Algemene termijnenwet art. 1).
 */
public final class Deadlines {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd-MM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Deadlines() {
    }

    public static DueDate due(LocalDate from, int amount, TermUnit unit, HolidayCalendar calendar) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(calendar, "calendar");
        if (unit == TermUnit.NONE) {
            return new DueDate(null, "geen termijn in het reglement");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("Een termijn kan niet negatief zijn: " + amount);
        }
        return switch (unit) {
            case WORKING_DAYS -> workingDays(from, amount, calendar);
            case DAYS -> rollForward(from.plusDays(amount), amount + " dagen", calendar);
            case WEEKS -> rollForward(from.plusWeeks(amount), amount + (amount == 1 ? " week" : " weken"), calendar);
            case NONE -> throw new IllegalStateException("unreachable");
        };
    }

    private static DueDate workingDays(LocalDate from, int amount, HolidayCalendar calendar) {
        List<String> skipped = new ArrayList<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < amount) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            } else {
                String holiday = calendar.holidayName(day).orElse(null);
                if (holiday != null && !calendar.isWeekend(day)) {
                    skipped.add(day.format(DAY_MONTH) + " " + holiday);
                }
            }
        }
        String text = amount + (amount == 1 ? " werkdag" : " werkdagen") + " na " + from.format(FULL);
        if (!skipped.isEmpty()) {
            text += "; " + String.join(", ", skipped) + " overgeslagen";
        }
        return new DueDate(day, text);
    }

    private static DueDate rollForward(LocalDate end, String term, HolidayCalendar calendar) {
        LocalDate day = end;
        List<String> reasons = new ArrayList<>();
        while (!calendar.isWorkingDay(day)) {
            String holiday = calendar.holidayName(day).orElse(null);
            reasons.add(day.format(DAY_MONTH) + " " + (holiday != null ? holiday : dayName(day)));
            day = day.plusDays(1);
        }
        String text = term + ": " + end.format(FULL);
        if (!reasons.isEmpty()) {
            text += "; " + String.join(", ", reasons) + ", verschoven naar " + day.format(FULL)
                    + " (Algemene termijnenwet)";
        }
        return new DueDate(day, text);
    }

    private static String dayName(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> "zaterdag";
            case SUNDAY -> "zondag";
            default -> "geen werkdag";
        };
    }
}
