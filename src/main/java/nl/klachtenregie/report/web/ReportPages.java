package nl.klachtenregie.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.kpi.Granularity;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.report.Report;
import nl.klachtenregie.report.ReportService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.web.Option;

/** The page models of the reports. */
final class ReportPages {

    private ReportPages() {
    }

    /** The list: each report with the periods it can be made for. */
    record ListPage(String tenant, List<KindRow> kinds, boolean mayFull) {
        public String nav() {
            return "rapportages";
        }
    }

    /** A report kind and its period choices, the likeliest one selected. */
    record KindRow(ReportService.Kind kind, List<Option> periods) {
        public String periodKey() {
            return "reports.period." + kind.period();
        }
    }

    /** One report as a page, with the links to its files. */
    record ReportPage(String tenant, Report report, String slug, String periode, boolean full, boolean mayFull) {
        public String nav() {
            return "rapportages";
        }

        public String base() {
            return "/t/" + tenant + "/rapportages/" + slug;
        }
    }

    /** The full register is for the kwaliteitsmanager and the directie. */
    static boolean mayFull(CurrentUser me) {
        return me.has(Role.COMPLIANCE) || me.has(Role.DIRECTOR);
    }

    static ListPage list(String tenant, List<ReportService.Kind> kinds, LocalDate today, boolean mayFull) {
        return new ListPage(tenant, kinds.stream().map(k -> new KindRow(k, periods(k.period(), today))).toList(),
                mayFull);
    }

    static ReportPage report(String tenant, Report report, ReportService.Request request, boolean mayFull) {
        return new ReportPage(tenant, report, report.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                request.period().code(), request.full(), mayFull);
    }

    /**
     * The periods a report of this kind can cover, newest first: a half-year report the last four halves and the
     * last two years (the previous half selected, the report of the half just past); an annual report the last
     * three years (last year selected); the Totaaloverzicht years, halves and quarters (this year selected).
     */
    static List<Option> periods(String kind, LocalDate today) {
        List<Option> out = new ArrayList<>();
        Period year = Period.of(Granularity.YEAR, today);
        Period half = Period.of(Granularity.HALF_YEAR, today);
        switch (kind) {
            case "HALF_YEAR" -> {
                add(out, half.lastN(4), half.previous());
                add(out, year.lastN(2), null);
            }
            case "YEAR" -> add(out, year.lastN(3), year.previous());
            default -> {
                add(out, year.lastN(3), year);
                add(out, half.lastN(4), null);
                add(out, Period.of(Granularity.QUARTER, today).lastN(4), null);
            }
        }
        return out;
    }

    private static void add(List<Option> out, List<Period> oldestFirst, Period selected) {
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            Period p = oldestFirst.get(i);
            out.add(new Option(p.code(), p.label(), p.equals(selected)));
        }
    }
}
