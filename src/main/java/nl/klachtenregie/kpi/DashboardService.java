package nl.klachtenregie.kpi;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.complaint.Lateness;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Dashboard: KPI values, trends and breakdowns of one tenant in one period.
 *
 * <p>How it counts, so that anyone can count it again by hand:
 * <ul>
 * <li>A complaint belongs to the period in which it was received, even when its terms end in the next.</li>
 * <li>"Met on time" of an obligation code: of the period's complaints, the obligations with that code and a term
 * that were met on or before their due date, out of those met plus those unmet, not waived and overdue today
 * ({@link Lateness}: from the day after the due date).
 * Obligations not yet due do not count, nor do waived ones. "On time by extension" are the on-time ones met after
 * the date the term would have had without the extension.</li>
 * <li>A count KPI (FORMAL_COMPLAINTS, ALL_COMPLAINTS) is a number per year: for a shorter period it counts the
 * period's year up to the period's last day.</li>
 * <li>Obligations without a term (e.g. "inform management") have no "on time" and so no share.</li>
 * <li>Targets come from the rules of each regulation version in force on the period's last day (today for the
 * running period). A KPI of a regulation counts the cases of that regulation's versions only.</li>
 * <li>Trend flags: an employee named in {@value #REPEAT} or more of the period's complaints; a category with
 * {@value #REPEAT} or more; a category rising against the previous period by at least {@value #RISE_BY} and by
 * half (from nothing: {@value #RISE_BY} or more).</li>
 * </ul>
 */
@Singleton
public class DashboardService {

    /** How many periods the trend shows, the chosen one included. */
    public static final int TREND_PERIODS = 6;
    /** Open cases listed as needing attention: overdue, or due within this many days. */
    public static final int ATTENTION_DAYS = 7;
    static final int ATTENTION_LIMIT = 50;
    static final int REPEAT = 2;
    static final int RISE_BY = 2;
    static final int MAX_FLAGS = 10;

    private final RegulationCatalog regulations;
    private final RegulationEngine engine;
    private final ComplaintStatistics statistics;
    private final MonthlyFigures months;
    private final Clock clock;

    DashboardService(RegulationCatalog regulations, RegulationEngine engine, ComplaintStatistics statistics,
                     MonthlyFigures months, Clock clock) {
        this.regulations = regulations;
        this.engine = engine;
        this.statistics = statistics;
        this.months = months;
        this.clock = clock;
    }

    /** Today, as the product's (pinnable) clock says. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The period of this length that holds today: the dashboard's default. */
    public Period current(Granularity granularity) {
        return Period.of(granularity, today());
    }

    /**
     * The dashboard of the period, measured today.
     *
     * @throws InvalidInputException when the period has not started yet
     */
    @Transactional
    public Dashboard dashboard(Tenant tenant, Period period) {
        return dashboard(tenant, nl.klachtenregie.complaint.Viewer.SYSTEM, period);
    }

    /**
     * The dashboard as one person sees it: the figures count every case, the attention list (one row per case) and its
     * total only the cases the viewer may see (need-to-know, issue 16).
     */
    @Transactional
    public Dashboard dashboard(Tenant tenant, nl.klachtenregie.complaint.Viewer viewer, Period period) {
        LocalDate today = today();
        if (period.from().isAfter(today)) {
            throw InvalidInputException.of("periode", "De periode " + period.label() + " is nog niet begonnen; kies een "
                    + "periode tot en met vandaag (" + today + ").");
        }
        LocalDate rulesDay = period.to().isBefore(today) ? period.to() : today;
        List<Period> trend = period.lastN(TREND_PERIODS);
        // From the first of January of the trend's first year: a count KPI of a period counts its year so far.
        LocalDate windowFrom = LocalDate.of(trend.get(0).year(), 1, 1);

        YearMonth first = YearMonth.from(windowFrom);
        YearMonth last = YearMonth.from(period.to());
        Map<YearMonth, Long> stamps = statistics.monthStamps(tenant.id(), windowFrom, period.to());

        List<Regulation> inForce = regulationsInForce(tenant, rulesDay);
        boolean several = inForce.size() > 1;
        List<Dashboard.KpiValue> kpis = new ArrayList<>();
        Set<String> targeted = new TreeSet<>();
        Measures allCases = null;
        for (Regulation r : inForce) {
            List<String> versions = several ? regulations.versionNames(tenant.id(), r.code()) : null;
            Measures m = new Measures(months.counts(tenant.id(), first, last, versions, stamps), today);
            if (!several) {
                allCases = m;
            }
            for (KpiTarget t : r.outcome().kpiTargets()) {
                kpis.add(kpi(t, r.code(), period, trend, m, several));
                if (t.measure().startsWith("ON_TIME:")) {
                    targeted.add(r.code() + "\u0000" + t.measure().substring("ON_TIME:".length()));
                }
            }
            // Every obligation code gets its "met on time" share, also those without a target in the rules.
            for (String code : m.codesIn(period)) {
                if (!targeted.contains(r.code() + "\u0000" + code)) {
                    kpis.add(kpi(new KpiTarget("OP_TIJD_" + code, "Op tijd: " + code, "ON_TIME:" + code, "GE", 1.0),
                            r.code(), period, trend, m, several).withoutTarget());
                }
            }
        }

        Period previous = period.previous();
        Map<YearMonth, MonthlyFigures.Shape> shapes = months.shapes(tenant.id(), YearMonth.from(previous.from()), last,
                stamps);
        List<Cell> cells = new ArrayList<>();
        shapes.forEach((month, shape) -> shape.cells().forEach(c -> cells.add(new Cell(period.contains(month.atDay(1)),
                c.kind(), c.channel(), c.category(), c.serviceLine(), c.level(), c.status(), c.satisfaction(),
                c.concluded(), c.count()))));
        Dashboard.Breakdowns breakdowns = breakdowns(tenant, cells);
        List<Long> formal = new ArrayList<>();
        List<Long> informal = new ArrayList<>();
        Measures counts = allCases != null ? allCases
                : new Measures(months.counts(tenant.id(), first, last, null, stamps), today);
        for (Period p : trend) {
            formal.add(counts.received(p, ComplaintKind.FORMAL));
            informal.add(counts.received(p, ComplaintKind.INFORMAL));
        }
        LocalDate dueBy = today.plusDays(ATTENTION_DAYS);
        List<Dashboard.AttentionCase> attention = attention(tenant, viewer, dueBy, today);
        long attentionTotal = statistics.casesDueBy(tenant.id(), viewer, dueBy);
        List<ReportDuty> duties = inForce.stream().flatMap(r -> r.outcome().reportDuties().stream()).toList();
        return new Dashboard(tenant.slug(), period, today, List.copyOf(kpis), trend, formal, informal, breakdowns,
                attention, attentionTotal, satisfaction(cells), flags(period, shapes, breakdowns), duties,
                statistics.awaitingConfirmation(tenant.id()));
    }

    /** The reports the regulations in force on the day require, of every regulation of the tenant. */
    @Transactional
    public List<ReportDuty> reportDuties(Tenant tenant, LocalDate on) {
        return regulationsInForce(tenant, on).stream().flatMap(r -> r.outcome().reportDuties().stream()).toList();
    }

    // --- regulations ----------------------------------------------------------------------------------------

    private record Regulation(String code, RegulationVersion version, RegulationOutcome outcome) {
    }

    private List<Regulation> regulationsInForce(Tenant tenant, LocalDate day) {
        List<Regulation> out = new ArrayList<>();
        for (String code : regulations.regulationCodes(tenant.id())) {
            RegulationVersion v;
            try {
                v = regulations.inForceOn(tenant, code, day);
            } catch (NoRegulationInForceException e) {
                // A regulation still in draft, or only in force later, has no KPIs for this period.
                continue;
            }
            RegulationOutcome outcome = engine.evaluate(v.ruleSet(), EvaluationFacts.tenantOnly(new TenantFacts(
                    tenant.slug(), v.version(), tenant.profile().levelCodes(), tenant.profile().externalBodyCodes())));
            out.add(new Regulation(code, v, outcome));
        }
        return out;
    }

    // --- KPIs -----------------------------------------------------------------------------------------------

    /**
     * The counts of one set of cases over the trend window, by month, folded into periods on demand; an unmet
     * obligation counts (as late) once its due date is before today.
     */
    private record Measures(Map<YearMonth, MonthlyFigures.Counts> months, LocalDate today) {

        long received(Period p, ComplaintKind kind) {
            return received(p.from(), p.to(), kind);
        }

        long received(LocalDate from, LocalDate to, ComplaintKind kind) {
            long n = 0;
            for (Map.Entry<YearMonth, MonthlyFigures.Counts> e : months.entrySet()) {
                LocalDate day = e.getKey().atDay(1);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    for (ComplaintStatistics.MonthKind k : e.getValue().kinds()) {
                        n += kind == null || k.kind() == kind ? k.count() : 0;
                    }
                }
            }
            return n;
        }

        /**
         * Complaints that count as formal: formal ones, and informal ones the rules count as formal (Klimkoord: taken to
         * or referred to Klachtenportaal Zorg).
         */
        long countingAsFormal(LocalDate from, LocalDate to) {
            long n = 0;
            for (Map.Entry<YearMonth, MonthlyFigures.Counts> e : months.entrySet()) {
                LocalDate day = e.getKey().atDay(1);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    for (ComplaintStatistics.MonthKind k : e.getValue().kinds()) {
                        n += k.countsAsFormal();
                    }
                }
            }
            return n;
        }

        /** Met on time, of those on time by extension, and the total that counts (met, or unmet and overdue). */
        long[] onTime(Period p, String code) {
            long[] sum = new long[3];
            in(p).forEach(c -> {
                for (ComplaintStatistics.MonthOnTime r : c.met()) {
                    if (r.code().equals(code)) {
                        sum[0] += r.onTime();
                        sum[1] += r.onTimeByExtension();
                        sum[2] += r.met();
                    }
                }
                for (ComplaintStatistics.MonthUnmet u : c.unmet()) {
                    if (u.code().equals(code) && Lateness.pastDue(u.dueOn(), today)) {
                        sum[2] += u.count();
                    }
                }
            });
            return sum;
        }

        Set<String> codesIn(Period p) {
            Set<String> codes = new TreeSet<>();
            in(p).forEach(c -> {
                c.met().forEach(r -> codes.add(r.code()));
                c.unmet().stream().filter(u -> Lateness.pastDue(u.dueOn(), today)).forEach(u -> codes.add(u.code()));
            });
            return codes;
        }

        private List<MonthlyFigures.Counts> in(Period p) {
            List<MonthlyFigures.Counts> out = new ArrayList<>();
            months.forEach((m, c) -> {
                if (p.contains(m.atDay(1))) {
                    out.add(c);
                }
            });
            return out;
        }
    }

    /** Complaints of the period ({@code current}) or the one before, per combination of dimensions. */
    private record Cell(boolean current, ComplaintKind kind, nl.klachtenregie.complaint.Channel channel,
                        String category, String serviceLine, String level, nl.klachtenregie.complaint.CaseStatus status,
                        Integer satisfaction, boolean concluded, long count) {
    }

    private static Dashboard.KpiValue kpi(KpiTarget t, String regulation, Period period, List<Period> trend,
                                          Measures m, boolean scoped) {
        Function<Period, long[]> measure;
        boolean share = t.measure().startsWith("ON_TIME:");
        if (share) {
            String code = t.measure().substring("ON_TIME:".length());
            measure = p -> m.onTime(p, code);
        } else {
            boolean formal = "FORMAL_COMPLAINTS".equals(t.measure());
            // A count KPI is a number per year ("< 1 formele klacht per jaar"): a shorter period shows the year so
            // far, up to the period's last day, so a quiet quarter cannot look "met" in a year that broke the norm.
            measure = p -> new long[] {formal ? m.countingAsFormal(LocalDate.of(p.year(), 1, 1), p.to())
                    : m.received(LocalDate.of(p.year(), 1, 1), p.to(), null), 0, 1};
        }
        long[] now = measure.apply(period);
        Double value = value(now, share);
        List<Double> series = trend.stream().map(p -> value(measure.apply(p), share)).toList();
        return new Dashboard.KpiValue(t.code(), t.label(), regulation, t.measure(), t.comparator(), t.target(), value,
                value == null ? null : t.isMet(value), now[0], now[2], now[1], t.basis(), series, scoped);
    }

    private static Double value(long[] counts, boolean share) {
        if (!share) {
            return (double) counts[0];
        }
        return counts[2] == 0 ? null : (double) counts[0] / counts[2];
    }

    // --- breakdowns, satisfaction, flags, attention -----------------------------------------------------------

    private static Dashboard.Breakdowns breakdowns(Tenant tenant, List<Cell> cells) {
        TenantProfile profile = tenant.profile();
        Map<String, String> categories = new LinkedHashMap<>();
        profile.categories().forEach(c -> categories.put(c.code(), c.name()));
        Map<String, String> lines = new LinkedHashMap<>();
        profile.serviceLines().forEach(l -> lines.put(l.code(), l.name()));
        Map<String, String> levels = new LinkedHashMap<>();
        profile.escalationLadder().forEach(l -> levels.put(l.code(), l.role()));
        long total = cells.stream().filter(Cell::current).mapToLong(Cell::count)
                .sum();
        long previousTotal = cells.stream().filter(c -> !c.current()).mapToLong(Cell::count).sum();
        return new Dashboard.Breakdowns(total, previousTotal,
                count(cells, c -> c.kind().name(), Map.of()),
                count(cells, c -> c.channel().name(), Map.of()),
                count(cells, Cell::category, categories),
                count(cells, c -> c.serviceLine() == null ? "" : c.serviceLine(), lines),
                count(cells, Cell::level, levels),
                count(cells, c -> c.status().name(), Map.of()));
    }

    /**
     * Counts per value, the profile's own order first (so a category without complaints still shows as 0), then
     * codes the profile no longer has. Labels of enum values are left to the page's message bundle (label = code).
     */
    private static List<Dashboard.Count> count(List<Cell> cells,
                                               Function<Cell, String> key,
                                               Map<String, String> known) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        known.keySet().forEach(k -> counts.put(k, new long[2]));
        Map<String, long[]> extra = new TreeMap<>();
        for (Cell c : cells) {
            String k = key.apply(c);
            long[] n = counts.containsKey(k) ? counts.get(k) : extra.computeIfAbsent(k, x -> new long[2]);
            n[c.current() ? 0 : 1] += c.count();
        }
        counts.putAll(extra);
        List<Dashboard.Count> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new Dashboard.Count(k, known.getOrDefault(k, k), n[0], n[1])));
        return out;
    }

    /** Satisfaction of the period's complaints: the current cells of the breakdown query. */
    private static Dashboard.Satisfaction satisfaction(List<Cell> cells) {
        long[] dist = new long[5];
        long concluded = 0;
        for (Cell c : cells) {
            if (!c.current()) {
                continue;
            }
            if (c.satisfaction() != null && c.satisfaction() >= 1 && c.satisfaction() <= 5) {
                dist[c.satisfaction() - 1] += c.count();
            }
            if (c.concluded()) {
                concluded += c.count();
            }
        }
        long responses = 0;
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            responses += dist[i];
            sum += dist[i] * (i + 1);
        }
        return new Dashboard.Satisfaction(responses, responses == 0 ? null : (double) sum / responses,
                List.of(dist[0], dist[1], dist[2], dist[3], dist[4]), concluded);
    }

    private static List<Dashboard.TrendFlag> flags(Period period, Map<YearMonth, MonthlyFigures.Shape> shapes,
                                                   Dashboard.Breakdowns b) {
        record Person(String key, String name, long[] counts) {
        }
        Map<String, Person> persons = new TreeMap<>();
        shapes.forEach((month, shape) -> shape.persons().forEach(p -> {
            // One person however the name was typed; shown as its first spelling in sort order, as SQL's MIN would.
            Person known = persons.get(p.key());
            String name = known == null || p.name().compareTo(known.name()) < 0 ? p.name() : known.name();
            Person person = new Person(p.key(), name, known == null ? new long[2] : known.counts());
            persons.put(p.key(), person);
            person.counts()[period.contains(month.atDay(1)) ? 0 : 1] += p.count();
        }));
        List<Dashboard.TrendFlag> flags = new ArrayList<>();
        persons.values().stream().filter(p -> p.counts()[0] >= REPEAT)
                .sorted(Comparator.comparingLong((Person p) -> p.counts()[0]).reversed()
                        .thenComparing(Person::name))
                .limit(MAX_FLAGS)
                .forEach(p -> flags.add(new Dashboard.TrendFlag("REPEATED_PERSON",
                        // A directory entry by its key ("staff:12", what the case list filters on); a typed name as
                        // typed, as before the personeelsoverzicht.
                        p.key().startsWith("staff:") ? p.key() : p.name(), p.name(), p.counts()[0],
                        p.counts()[1])));
        List<Dashboard.Count> rising = b.byCategory().stream().filter(DashboardService::rising)
                .sorted(Comparator.comparingLong((Dashboard.Count c) -> c.count() - c.previous()).reversed())
                .limit(MAX_FLAGS).toList();
        rising.forEach(c -> flags.add(new Dashboard.TrendFlag("RISING_CATEGORY", c.code(), c.label(), c.count(),
                c.previous())));
        b.byCategory().stream().filter(c -> c.count() >= REPEAT && !rising.contains(c))
                .sorted(Comparator.comparingLong(Dashboard.Count::count).reversed()).limit(MAX_FLAGS)
                .forEach(c -> flags.add(new Dashboard.TrendFlag("REPEATED_SUBJECT", c.code(), c.label(), c.count(),
                        c.previous())));
        return List.copyOf(flags);
    }

    static boolean rising(Dashboard.Count c) {
        return c.count() >= c.previous() + RISE_BY && c.count() * 2 >= c.previous() * 3;
    }

    private List<Dashboard.AttentionCase> attention(Tenant tenant, nl.klachtenregie.complaint.Viewer viewer,
                                                    LocalDate dueBy, LocalDate today) {
        Map<Long, Dashboard.AttentionCase> byCase = new LinkedHashMap<>();
        for (ComplaintStatistics.DueSoon d : statistics.dueBy(tenant.id(), viewer, dueBy, ATTENTION_LIMIT * 4)) {
            if (byCase.size() >= ATTENTION_LIMIT && !byCase.containsKey(d.id())) {
                break;
            }
            byCase.putIfAbsent(d.id(), new Dashboard.AttentionCase(d.id(), d.reference(), d.status().name(), d.code(),
                    d.dueOn(), Lateness.pastDue(d.dueOn(), today), d.handler()));
        }
        return List.copyOf(byCase.values());
    }
}
