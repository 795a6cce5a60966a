package nl.klachtenregie.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a cell reads as text, the Dutch way: 24-03-2026, 3,5, 83%. */
final class Cells {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Locale NL = Locale.forLanguageTag("nl");

    private Cells() {
    }

    static String text(Object cell, Report.Column.Kind kind) {
        if (cell instanceof Double d && kind == Report.Column.Kind.PERCENT) {
            return percent(d);
        }
        return text(cell);
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof LocalDate d) {
            return d.format(DMY);
        }
        if (cell instanceof Double d) {
            return decimal(d);
        }
        return cell.toString();
    }

    static String decimal(double d) {
        return String.format(NL, "%.1f", d);
    }

    static String percent(Double share) {
        return share == null ? "–" : String.format(NL, "%.0f%%", share * 100);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(DMY);
    }
}
