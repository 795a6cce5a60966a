package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Termijnberekening: turns "5 werkdagen", "14 dagen", "6 weken" or "3 maanden" after a date into a due date, with
 * one line a person can check by hand.
 *
 * <ul>
 *   <li>Working days skip Saturdays, Sundays and the days of the Algemene termijnenwet (art. 3: the feestdagen of lid
 *       1, Goede Vrijdag by lid 2, the days of a Besluit gelijkstelling by lid 3). The tenant's own closing days are
 *       skipped too, but only in the tenant's own terms: they never lengthen a statutory term.</li>
 *   <li>A term in days, weeks or months that ends on a Saturday, Sunday or such a day runs on to the next day that is
 *       none of these (Atw art. 1). That is the law for a statutory term; for the regulation's own terms it is the
 *       regulation's choice ({@link Counting#rollOver}), by default on. Own closing days do not move these terms.</li>
 *   <li>A term in months ends on the same day number, or on the last day of a shorter month.</li>
 *   <li>An extension adds whole weeks to the term; a suspension (opschorting) adds the suspended calendar days, or for
 *       a term in working days the suspended working days.</li>
 * </ul>
 */
public final class Deadlines {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd-MM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Deadlines() {
    }

    /**
     * Telwijze: how a term counts.
     *
     * @param statute the statutory basis of the term ("Wkkgz art. 17 lid 1"); "" for the regulation's own term
     * @param rollOver whether a term in days, weeks or months that ends on a day off runs on to the next working day;
     *     always true for a statutory term (Atw art. 1)
     */
    public record Counting(String statute, boolean rollOver) {
        /** An own term of the regulation, with the roll-over of the Algemene termijnenwet (the default). */
        public static final Counting OWN = new Counting("", true);

        public Counting {
            statute = statute == null ? "" : statute.strip();
            rollOver = rollOver || !statute.isEmpty();
        }

        public static Counting statutory(String statute) {
            return new Counting(Objects.requireNonNull(statute, "statute"), true);
        }

        public static Counting own(boolean rollOver) {
            return new Counting("", rollOver);
        }

        public boolean statutory() {
            return !statute.isEmpty();
        }
    }

    /** Verlenging: whole weeks added to the term, with the day(s) it was announced. */
    public record Extension(int weeks, String announced) {
        public Extension {
            if (weeks < 0) {
                throw new IllegalArgumentException("Een verlenging kan niet negatief zijn: " + weeks);
            }
            announced = announced == null ? "" : announced;
        }
    }

    /**
     * Opschorting: the term stood still from {@code from} (inclusive) until {@code resumedOn} (exclusive); an open
     * suspension has no {@code resumedOn}.
     */
    public record Suspension(LocalDate from, LocalDate resumedOn) {
        public Suspension {
            Objects.requireNonNull(from, "from");
            if (resumedOn != null && resumedOn.isBefore(from)) {
                throw new IllegalArgumentException("Hervat (" + resumedOn + ") vóór de opschorting (" + from + ")");
            }
        }
    }

    /** An own term with the roll-over of the Algemene termijnenwet, no extension and no suspension. */
    public static DueDate due(LocalDate from, int amount, TermUnit unit, HolidayCalendar calendar) {
        return due(from, amount, unit, calendar, Counting.OWN);
    }

    public static DueDate due(LocalDate from, int amount, TermUnit unit, HolidayCalendar calendar, Counting counting) {
        return due(from, amount, unit, calendar, counting, List.of(), List.of(), 0);
    }

    /**
     * @param extensions added in whole weeks after the term (and its suspensions)
     * @param suspensions in date order; each counts only from the day it starts
     * @param maxSuspendedDays at most this many calendar days of suspension in all; 0 for no maximum
     */
    public static DueDate due(LocalDate from, int amount, TermUnit unit, HolidayCalendar calendar, Counting counting,
                              List<Extension> extensions, List<Suspension> suspensions, int maxSuspendedDays) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(counting, "counting");
        if (unit == TermUnit.NONE) {
            return new DueDate(null, "geen termijn in het reglement");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("Een termijn kan niet negatief zijn: " + amount);
        }
        String statute = counting.statutory() ? " (" + counting.statute() + ")" : "";
        StringBuilder text = new StringBuilder(unit.amount(amount)).append(" na ").append(from.format(FULL))
                .append(statute);
        LocalDate end;
        boolean needsRollOver;
        if (unit == TermUnit.WORKING_DAYS) {
            List<String> skipped = new ArrayList<>();
            List<String> notCounted = new ArrayList<>();
            end = addWorkingDays(from, amount, calendar, counting, skipped, notCounted);
            if (!skipped.isEmpty()) {
                text.append("; ").append(String.join(", ", skipped)).append(" overgeslagen");
            }
            notCountedNote(text, notCounted, counting);
            needsRollOver = false;
        } else {
            end = switch (unit) {
                case DAYS -> from.plusDays(amount);
                case WEEKS -> from.plusWeeks(amount);
                case MONTHS -> from.plusMonths(amount);
                default -> throw new IllegalStateException("unreachable");
            };
            text.append(": ").append(end.format(FULL));
            if (unit == TermUnit.MONTHS && end.getDayOfMonth() != from.getDayOfMonth()) {
                text.append(" (laatste dag van de maand)");
            }
            needsRollOver = true;
        }

        int budget = maxSuspendedDays > 0 ? maxSuspendedDays : Integer.MAX_VALUE;
        for (Suspension s : suspensions) {
            if (s.resumedOn() == null && budget == Integer.MAX_VALUE) {
                // Open, without a maximum: the term stands still until it is resumed; no day can be named yet.
                long left = unit == TermUnit.WORKING_DAYS ? workingDaysBetween(s.from(), end, calendar, counting)
                        : ChronoUnit.DAYS.between(s.from(), end);
                text.append("; opgeschort sinds ").append(s.from().format(FULL)).append(": de termijn loopt verder na "
                        + "hervatting, met nog ").append(unit == TermUnit.WORKING_DAYS
                        ? TermUnit.WORKING_DAYS.amount((int) Math.max(0, left))
                        : TermUnit.DAYS.amount((int) Math.max(0, left)));
                return new DueDate(null, text.toString());
            }
            LocalDate until = s.resumedOn() == null ? s.from().plusDays(budget) : s.resumedOn();
            boolean capped = false;
            if (ChronoUnit.DAYS.between(s.from(), until) > budget) {
                until = s.from().plusDays(budget);
                capped = true;
            }
            long calendarDays = ChronoUnit.DAYS.between(s.from(), until);
            if (budget != Integer.MAX_VALUE) {
                budget -= (int) calendarDays;
            }
            String period = calendarDays == 0 ? "opgeschort op " + s.from().format(DAY_MONTH) + " en dezelfde dag hervat"
                    : "opgeschort " + s.from().format(DAY_MONTH) + " t/m " + until.minusDays(1).format(DAY_MONTH)
                    + (s.resumedOn() == null ? " (nog niet hervat; hoogstens " + TermUnit.DAYS.amount(maxSuspendedDays)
                    + ")" : capped ? " (hoogstens " + TermUnit.DAYS.amount(maxSuspendedDays) + " opschorting)" : "");
            if (unit == TermUnit.WORKING_DAYS) {
                int n = workingDaysBetween(s.from(), until, calendar, counting);
                end = addWorkingDays(end, n, calendar, counting, new ArrayList<>(), new ArrayList<>());
                text.append("; ").append(period).append(": +").append(TermUnit.WORKING_DAYS.amount(n));
            } else {
                end = end.plusDays(calendarDays);
                text.append("; ").append(period).append(": +").append(TermUnit.DAYS.amount((int) calendarDays));
            }
        }

        int weeks = extensions.stream().mapToInt(Extension::weeks).sum();
        if (!extensions.isEmpty()) {
            String announced = String.join(", ", extensions.stream().map(Extension::announced)
                    .filter(a -> !a.isEmpty()).toList());
            end = end.plusWeeks(weeks);
            text.append("; + ").append(TermUnit.WEEKS.amount(weeks)).append(" verlenging")
                    .append(announced.isEmpty() ? "" : " (aangekondigd " + announced + ")");
            needsRollOver = true;
        }
        if (!suspensions.isEmpty() || !extensions.isEmpty()) {
            text.append(": ").append(end.format(FULL));
        }
        if (needsRollOver) {
            end = rollOver(end, calendar, counting, text);
        }
        return new DueDate(end, text.toString());
    }

    /** Counts {@code amount} working days after {@code from}, noting what it skipped and what it did not skip. */
    private static LocalDate addWorkingDays(LocalDate from, int amount, HolidayCalendar calendar, Counting counting,
                                            List<String> skipped, List<String> notCounted) {
        LocalDate day = from;
        int counted = 0;
        while (counted < amount) {
            day = day.plusDays(1);
            if (calendar.isWeekend(day)) {
                continue;
            }
            if (calendar.isStatutoryHoliday(day)) {
                skipped.add(day.format(DAY_MONTH) + " " + calendar.statutoryHoliday(day).orElseThrow());
                continue;
            }
            String own = calendar.extraClosedDays().isEmpty() ? null : calendar.ownClosingDay(day).orElse(null);
            if (own != null) {
                if (!counting.statutory()) {
                    skipped.add(day.format(DAY_MONTH) + " " + own + " (eigen sluitingsdag)");
                    continue;
                }
                notCounted.add(day.format(DAY_MONTH) + " " + own);
            }
            counted++;
        }
        return day;
    }

    /** Working days in [from, until) as the term counts them. */
    private static int workingDaysBetween(LocalDate from, LocalDate until, HolidayCalendar calendar, Counting counting) {
        int n = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            if (counting.statutory() ? calendar.isStatutoryWorkingDay(day) : calendar.isWorkingDay(day)) {
                n++;
            }
        }
        return n;
    }

    private static void notCountedNote(StringBuilder text, List<String> notCounted, Counting counting) {
        if (!notCounted.isEmpty()) {
            text.append("; ").append(String.join(", ", notCounted)).append(notCounted.size() == 1 ? " is een eigen "
                    + "sluitingsdag en telt mee" : " zijn eigen sluitingsdagen en tellen mee")
                    .append(": eigen sluitingsdagen verlengen geen wettelijke termijn (").append(counting.statute())
                    .append(")");
        }
    }

    /**
     * Atw art. 1: a term that ends on a Saturday, Sunday or statutory day runs on to the next day that is none of
     * these; own closing days do not move it. Without the roll-over (an own term, by the regulation's choice) the day
     * stays, and the explanation says so.
     */
    private static LocalDate rollOver(LocalDate end, HolidayCalendar calendar, Counting counting, StringBuilder text) {
        if (!counting.rollOver()) {
            if (!calendar.isStatutoryWorkingDay(end)) {
                text.append(" (").append(reason(end, calendar)).append("; het reglement verschuift zijn eigen termijnen "
                        + "niet naar de eerstvolgende werkdag)");
            }
            return end;
        }
        LocalDate day = end;
        List<String> reasons = new ArrayList<>();
        while (!calendar.isStatutoryWorkingDay(day)) {
            reasons.add(day.format(DAY_MONTH) + " " + reason(day, calendar));
            day = day.plusDays(1);
        }
        if (!reasons.isEmpty()) {
            text.append("; ").append(String.join(", ", reasons)).append(", verschoven naar ").append(day.format(FULL))
                    .append(counting.statutory() ? " (Atw art. 1)" : " (Atw art. 1, door het reglement toegepast)");
        }
        LocalDate due = day;
        calendar.ownClosingDay(due).ifPresent(own -> text.append("; ").append(due.format(DAY_MONTH)).append(' ')
                .append(own).append(" is een eigen sluitingsdag: die verlengt alleen ")
                .append(counting.statutory() ? "eigen termijnen in werkdagen, geen wettelijke termijn"
                        : "termijnen in werkdagen"));
        return day;
    }

    private static String reason(LocalDate day, HolidayCalendar calendar) {
        return calendar.statutoryHoliday(day).orElseGet(() -> switch (day.getDayOfWeek()) {
            case SATURDAY -> "zaterdag";
            case SUNDAY -> "zondag";
            default -> "geen werkdag";
        });
    }
}
