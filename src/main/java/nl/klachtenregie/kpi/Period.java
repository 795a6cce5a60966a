package nl.klachtenregie.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * Periode: a calendar month, quarter, half-year or year, written {@code 2026-11}, {@code 2026-K3} (kwartaal; Q3 is
 * read too), {@code 2026-H2} or {@code 2026}. A complaint belongs to the period in which it was received.
 *
 * @param index the month (1-12), quarter (1-4) or half (1-2); 1 for a year
 */
public record Period(Granularity granularity, int year, int index) {
    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:([KQkq])([1-4])|([Hh])([12])|(\\d{1,2})))?");
    private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december"};

    public Period {
        if (granularity == null) {
            throw new IllegalArgumentException("granularity");
        }
        // Wider than what can be asked for (parse: from 2000), so the period before the first one still exists.
        if (year < 1990 || year > 2999) {
            throw new IllegalArgumentException("year " + year + " outside 1990-2999");
        }
        int max = switch (granularity) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(granularity + " index " + index + " outside 1-" + max);
        }
    }

    /**
     * Reads a period code.
     *
     * @throws InvalidInputException naming the field {@code periode} when it is not one
     */
    public static Period parse(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            throw invalid(code);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000) {
            throw invalid(code);
        }
        try {
            if (m.group(3) != null) {
                return new Period(Granularity.QUARTER, year, Integer.parseInt(m.group(3)));
            }
            if (m.group(5) != null) {
                return new Period(Granularity.HALF_YEAR, year, Integer.parseInt(m.group(5)));
            }
            if (m.group(6) != null) {
                return new Period(Granularity.MONTH, year, Integer.parseInt(m.group(6)));
            }
            return new Period(Granularity.YEAR, year, 1);
        } catch (IllegalArgumentException e) {
            throw invalid(code);
        }
    }

    private static InvalidInputException invalid(String code) {
        return InvalidInputException.of("periode", "'" + code + "' is geen periode; schrijf bijvoorbeeld 2026 (jaar), "
                + "2026-H2 (halfjaar), 2026-K3 (kwartaal) of 2026-11 (maand), met een jaar van 2000 tot 2999");
    }

    /** The period of this length that contains the day. */
    public static Period of(Granularity g, LocalDate day) {
        int m = day.getMonthValue();
        return switch (g) {
            case MONTH -> new Period(g, day.getYear(), m);
            case QUARTER -> new Period(g, day.getYear(), (m - 1) / 3 + 1);
            case HALF_YEAR -> new Period(g, day.getYear(), m <= 6 ? 1 : 2);
            case YEAR -> new Period(g, day.getYear(), 1);
        };
    }

    private int months() {
        return switch (granularity) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
        };
    }

    /** The first day. */
    public LocalDate from() {
        return LocalDate.of(year, (index - 1) * months() + 1, 1);
    }

    /** The last day (inclusive). */
    public LocalDate to() {
        return from().plusMonths(months()).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from()) && !day.isAfter(to());
    }

    /** The code this period is written as: 2026, 2026-H2, 2026-K3, 2026-11. */
    public String code() {
        return switch (granularity) {
            case MONTH -> String.format("%d-%02d", year, index);
            case QUARTER -> year + "-K" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> String.valueOf(year);
        };
    }

    /** Dutch name: "november 2026", "3e kwartaal 2026", "2e halfjaar 2026", "2026". */
    public String label() {
        return switch (granularity) {
            case MONTH -> MONTHS[index - 1] + " " + year;
            case QUARTER -> index + "e kwartaal " + year;
            case HALF_YEAR -> index + "e halfjaar " + year;
            case YEAR -> String.valueOf(year);
        };
    }

    /** Short label for a chart axis: "nov 2026", "K3 2026", "H2 2026", "2026". */
    public String shortLabel() {
        return switch (granularity) {
            case MONTH -> MONTHS[index - 1].substring(0, 3) + " " + year;
            case QUARTER -> "K" + index + " " + year;
            case HALF_YEAR -> "H" + index + " " + year;
            case YEAR -> String.valueOf(year);
        };
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        return of(granularity, from().minusDays(1));
    }

    /** The last {@code n} periods of this length, oldest first, ending with this one (none before 1990). */
    public List<Period> lastN(int n) {
        List<Period> out = new ArrayList<>();
        Period p = this;
        for (int i = 0; i < n; i++) {
            out.add(0, p);
            if (p.from().getYear() == 1990 && p.index == 1) {
                break;
            }
            p = p.previous();
        }
        return out;
    }

    @Override
    public String toString() {
        return code();
    }
}
