package nl.klachtenregie.kpi.web;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Granularity;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.kpi.Proposals;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.ReportSection;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.web.Option;

/** Turns a {@link Dashboard} into the page: texts in the user's language, links to the cases behind each number. */
@Singleton
class DashboardPages {

    /** The dashboard page. */
    record DashboardPage(String tenant, String periodCode, String periodLabel, String asOf, List<PeriodGroup> periods,
                         List<KpiRow> kpis, long total, long previousTotal, String totalUrl, List<Table> breakdowns,
                         List<FlagRow> flags, List<AttentionRow> attention, long attentionTotal, int attentionDays,
                         SatisfactionView satisfaction, List<DutyRow> duties, String chartJson, boolean readsCases,
                         List<ConfirmRow> toConfirm) {
        public String nav() {
            return "dashboard";
        }
    }

    /** The period chooser: per year, the year, its halves, quarters and months. */
    record PeriodGroup(String label, List<Option> options) {
    }

    /**
     * One KPI row.
     *
     * @param status met, breached, none (no target) or empty (nothing to measure yet)
     */
    record KpiRow(String code, String label, String regulation, String value, String target, String status,
                  String detail, Long late, String lateUrl, String basis, String proposeUrl) {
    }

    record Table(String id, String title, List<Row> rows) {
    }

    record Row(String label, long count, long previous, String url) {
    }

    record FlagRow(String type, String text, String url, String proposeUrl) {
    }

    record AttentionRow(String reference, String url, String status, String obligation, String dueOn, boolean overdue,
                        String handler) {
    }

    /** An extension recorded after its term ran out, waiting for a second person (four eyes). */
    record ConfirmRow(String reference, String url, String event, String on, String recordedOn, String recordedBy) {
    }

    record SatisfactionView(long responses, String average, long concluded, List<Long> distribution) {
    }

    record DutyRow(String code, String period, String audience, List<String> sections) {
    }

    private final DashboardService dashboards;
    private final Messages messages;
    private final JsonMapper json;
    private final Proposals proposals;

    DashboardPages(DashboardService dashboards, Messages messages, JsonMapper json, Proposals proposals) {
        this.proposals = proposals;
        this.dashboards = dashboards;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The page for the period (code as typed; null: the current year).
     *
     * @param answered origin keys of verbeterregister measures: a breach or trend already answered proposes nothing
     */
    DashboardPage page(Tenant tenant, nl.klachtenregie.complaint.Viewer viewer, String periodCode, CurrentUser me,
                       Locale locale, Set<String> answered) {
        Period period = periodCode == null || periodCode.isBlank() ? dashboards.current(Granularity.YEAR)
                : Period.parse(periodCode);
        Dashboard d = dashboards.dashboard(tenant, viewer, period);
        boolean cases = me.readsCases();
        String slug = tenant.slug();
        String range = "from=" + period.from() + "&to=" + period.to();
        Function<String, String> list = q -> cases ? "/t/" + slug + "/klachten?" + range + (q.isEmpty() ? "" : "&" + q)
                : null;

        List<KpiRow> kpis = d.kpis().stream().map(k -> kpiRow(slug, period, k, locale, list, answered)).toList();
        Dashboard.Breakdowns b = d.breakdowns();
        List<Table> tables = List.of(
                table("by-kind", "dashboard.byKind", b.byKind(), c -> text(locale, "kind." + c.code()),
                        c -> list.apply("kind=" + enc(c.code())), locale),
                table("by-channel", "dashboard.byChannel", b.byChannel(), c -> text(locale, "channel." + c.code()),
                        c -> list.apply("channel=" + enc(c.code())), locale),
                table("by-category", "dashboard.byCategory", b.byCategory(), Dashboard.Count::label,
                        c -> list.apply("category=" + enc(c.code())), locale),
                table("by-service-line", "dashboard.byServiceLine", b.byServiceLine(),
                        c -> c.code().isEmpty() ? text(locale, "dashboard.noServiceLine") : c.label(),
                        c -> list.apply("serviceLine=" + enc(c.code().isEmpty() ? "-" : c.code())), locale),
                table("by-level", "dashboard.byLevel", b.byLevel(), Dashboard.Count::label,
                        c -> list.apply("level=" + enc(c.code())), locale),
                table("by-status", "dashboard.byStatus", b.byStatus(), c -> text(locale, "status." + c.code()),
                        c -> list.apply("status=" + enc(c.code())), locale));

        List<FlagRow> flags = d.flags().stream().map(f -> new FlagRow(f.type(),
                proposals.flagText(f, locale),
                switch (f.type()) {
                    case "RISING_CATEGORY", "REPEATED_SUBJECT" -> list.apply("category=" + enc(f.key()));
                    default -> list.apply("employee=" + enc(f.key()));
                },
                proposals.proposal(f, period, locale, answered).map(pr -> propose(slug, pr)).orElse(null)))
                .toList();

        List<AttentionRow> attention = d.attention().stream().map(a -> new AttentionRow(a.reference(),
                cases ? "/t/" + slug + "/klachten/" + a.id() : null, text(locale, "status." + a.status()),
                text(locale, "obligation." + a.obligation()), dmy(a.dueOn()), a.overdue(),
                a.handler() == null ? "" : a.handler())).toList();

        Dashboard.Satisfaction s = d.satisfaction();
        SatisfactionView satisfaction = new SatisfactionView(s.responses(),
                s.average() == null ? null : String.format(locale, "%.1f", s.average()), s.concluded(),
                s.distribution());

        List<DutyRow> duties = d.reportDuties().stream().map(r -> new DutyRow(r.code(),
                text(locale, "dashboard.reportPeriod." + r.period()), r.audience(),
                r.parts().stream().map(ReportSection.Part::words).toList())).toList();

        return new DashboardPage(slug, period.code(), period.label(), dmy(d.asOf()),
                periods(period, dashboards.today()), kpis, b.total(), b.previousTotal(), list.apply(""), tables,
                flags, attention, d.attentionTotal(), DashboardService.ATTENTION_DAYS, satisfaction, duties,
                chartJson(d, locale), cases, d.toConfirm().stream().map(u -> new ConfirmRow(u.reference(),
                        cases ? "/t/" + slug + "/klachten/" + u.complaintId() + "#event-" + u.sequence() : null,
                        text(locale, "event." + u.type().name()), dmy(u.on()),
                        u.recordedAt() == null ? "" : dmy(u.recordedAt().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                                .toLocalDate()), u.recordedBy() == null ? "" : u.recordedBy())).toList());
    }

    private KpiRow kpiRow(String slug, Period period, Dashboard.KpiValue k, Locale locale,
                          Function<String, String> list, Set<String> answered) {
        boolean share = k.measure().startsWith("ON_TIME:");
        String label = k.comparator() == null ? text(locale, "dashboard.onTimeOf",
                text(locale, "obligation." + k.obligation())) : k.label();
        String status = k.value() == null ? "empty" : k.met() == null ? "none" : k.met() ? "met" : "breached";
        String detail;
        Long late = null;
        String lateUrl = null;
        if (share) {
            detail = k.denominator() == 0 ? text(locale, "dashboard.nothingYet")
                    : text(locale, "dashboard.onTimeDetail", k.numerator(), k.denominator())
                    + (k.onTimeByExtension() > 0 ? " " + text(locale, "dashboard.byExtension", k.onTimeByExtension())
                    : "");
            late = k.denominator() - k.numerator();
            // A KPI of one of several regulations counts that regulation's cases only, and so does its list.
            String scope = k.scoped() ? "&regulation=" + enc(k.regulation().isEmpty() ? "-" : k.regulation()) : "";
            lateUrl = late > 0 ? list.apply("late=" + enc(k.obligation()) + scope) : null;
        } else {
            // A count KPI is per year: say which stretch of the year was counted.
            LocalDate end = period.to().isAfter(dashboards.today()) ? dashboards.today() : period.to();
            detail = text(locale, "dashboard.countDetail", k.numerator(), String.valueOf(period.year()),
                    dmy(end));
            lateUrl = null;
        }
        String target = Proposals.target(k, locale);
        String propose = proposals.proposal(k, period, locale, answered).map(pr -> propose(slug, pr)).orElse(null);
        return new KpiRow(k.code(), label, k.regulation(), k.value() == null ? "—" : format(k.value(), share, locale),
                target, status, detail, late, lateUrl, k.basis(), propose);
    }

    private Table table(String id, String title, List<Dashboard.Count> counts, Function<Dashboard.Count, String> label,
                        Function<Dashboard.Count, String> url, Locale locale) {
        return new Table(id, text(locale, title), counts.stream()
                .map(c -> new Row(label.apply(c), c.count(), c.previous(), c.count() > 0 ? url.apply(c) : null))
                .toList());
    }

    private String chartJson(Dashboard d, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("periods", d.trendPeriods().stream().map(Period::shortLabel).toList());
        data.put("formalLabel", text(locale, "kind.FORMAL"));
        data.put("informalLabel", text(locale, "kind.INFORMAL"));
        data.put("formal", d.formalTrend());
        data.put("informal", d.informalTrend());
        List<Map<String, Object>> series = new ArrayList<>();
        for (Dashboard.KpiValue k : d.kpis()) {
            if (k.comparator() != null && k.measure().startsWith("ON_TIME:")) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("label", k.label());
                s.put("data", k.trend().stream().map(v -> v == null ? null : Math.round(v * 1000) / 10.0).toList());
                s.put("target", Math.round(k.target() * 1000) / 10.0);
                series.add(s);
            }
        }
        data.put("kpis", series);
        data.put("kpiAxis", text(locale, "dashboard.onTimePercent"));
        data.put("categories", d.breakdowns().byCategory().stream().map(Dashboard.Count::label).toList());
        data.put("categoryCounts", d.breakdowns().byCategory().stream().map(Dashboard.Count::count).toList());
        data.put("categoryPrevious", d.breakdowns().byCategory().stream().map(Dashboard.Count::previous).toList());
        data.put("currentLabel", d.period().label());
        data.put("previousLabel", d.period().previous().label());
        data.put("satisfaction", d.satisfaction().distribution());
        data.put("satisfactionLabel", text(locale, "dashboard.responses"));
        try {
            // Inside a <script type="application/json"> nothing may close the element or open a comment.
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PeriodGroup> periods(Period selected, LocalDate today) {
        List<PeriodGroup> groups = new ArrayList<>();
        int last = today.getYear();
        int first = Math.min(selected.year(), last - 2);
        for (int y = last; y >= first; y--) {
            List<Option> options = new ArrayList<>();
            List<Period> all = new ArrayList<>();
            all.add(new Period(Granularity.YEAR, y, 1));
            for (int h = 1; h <= 2; h++) {
                all.add(new Period(Granularity.HALF_YEAR, y, h));
            }
            for (int q = 1; q <= 4; q++) {
                all.add(new Period(Granularity.QUARTER, y, q));
            }
            for (int m = 1; m <= 12; m++) {
                all.add(new Period(Granularity.MONTH, y, m));
            }
            for (Period p : all) {
                if (!p.from().isAfter(today)) {
                    options.add(new Option(p.code(), p.label(), p.equals(selected)));
                }
            }
            groups.add(new PeriodGroup(String.valueOf(y), options));
        }
        return groups;
    }

    /** The verbeterregister's new-measure form, filled with the proposal. */
    static String propose(String slug, Proposals.Proposal p) {
        return "/t/" + slug + "/verbeterregister/nieuw?herkomst=" + p.origin() + "&sleutel=" + enc(p.originKey())
                + "&omschrijving=" + enc(p.description());
    }

    private static String format(Double value, boolean share, Locale locale) {
        return Proposals.format(value, share, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    private static String dmy(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
