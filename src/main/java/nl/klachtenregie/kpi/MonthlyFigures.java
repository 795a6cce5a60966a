package nl.klachtenregie.kpi;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.complaint.ComplaintStatistics.MonthCell;
import nl.klachtenregie.complaint.ComplaintStatistics.MonthKind;
import nl.klachtenregie.complaint.ComplaintStatistics.MonthOnTime;
import nl.klachtenregie.complaint.ComplaintStatistics.MonthPerson;
import nl.klachtenregie.complaint.ComplaintStatistics.MonthUnmet;
import nl.klachtenregie.tenant.TenantId;

/**
 * Maandcijfers: the dashboard's counts per month of receipt, kept per tenant until the month's change stamp moves.
 *
 * <p>Why: a dashboard of a year with its trend reads six years of a tenant's cases; for 100,000 cases that is about
 * half a second of GROUP BYs on every view, while the months long past hardly ever change. Every change to a case
 * moves the stamp of its month of receipt in the same transaction ({@code complaint_month_stamp}), so a month whose
 * stamp is unchanged still has the counts this cache holds, on every instance. What depends on the day asked (an
 * unmet obligation is late once its due date passes) is kept as due dates and applied when read, so the counts do
 * not expire at midnight.
 */
@Singleton
class MonthlyFigures {

    /** Beyond this many cached months (all tenants together) the cache starts over: memory stays bounded. */
    static final int MAX_ENTRIES = 200_000;

    /** Counts of one month for one set of cases (all, or one regulation's versions). */
    record Counts(List<MonthKind> kinds, List<MonthOnTime> met, List<MonthUnmet> unmet) {
    }

    /** The shape of one month's complaints: dimensions and employees named. */
    record Shape(List<MonthCell> cells, List<MonthPerson> persons) {
    }

    private record Key(long tenant, String scope, YearMonth month) {
    }

    private record Entry<T>(Long stamp, T value) {
    }

    private final ComplaintStatistics statistics;
    private final Map<Key, Entry<Counts>> counts = new ConcurrentHashMap<>();
    private final Map<Key, Entry<Shape>> shapes = new ConcurrentHashMap<>();

    MonthlyFigures(ComplaintStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * The counts of every month in [from, to] (whole months), read again for the months whose stamp moved.
     *
     * @param versions only the cases of these regulation versions; null for all
     */
    Map<YearMonth, Counts> counts(TenantId tenant, YearMonth from, YearMonth to, List<String> versions,
                                  Map<YearMonth, Long> stamps) {
        String scope = versions == null ? "*" : String.join("\u0000", versions);
        return figures(counts, tenant, scope, from, to, stamps, (a, b) -> {
            Map<YearMonth, Counts> read = new HashMap<>();
            LocalDate f = a.atDay(1);
            LocalDate t = b.atEndOfMonth();
            Map<YearMonth, List<MonthKind>> kinds = byMonth(statistics.receivedPerMonth(tenant, f, t, versions),
                    MonthKind::month);
            Map<YearMonth, List<MonthOnTime>> met = byMonth(statistics.metPerMonth(tenant, f, t, versions),
                    MonthOnTime::month);
            Map<YearMonth, List<MonthUnmet>> unmet = byMonth(statistics.unmetPerMonth(tenant, f, t, versions),
                    MonthUnmet::month);
            for (YearMonth m = a; !m.isAfter(b); m = m.plusMonths(1)) {
                read.put(m, new Counts(kinds.getOrDefault(m, List.of()), met.getOrDefault(m, List.of()),
                        unmet.getOrDefault(m, List.of())));
            }
            return read;
        });
    }

    /** The shape of every month in [from, to]. */
    Map<YearMonth, Shape> shapes(TenantId tenant, YearMonth from, YearMonth to, Map<YearMonth, Long> stamps) {
        return figures(shapes, tenant, "*", from, to, stamps, (a, b) -> {
            Map<YearMonth, Shape> read = new HashMap<>();
            LocalDate f = a.atDay(1);
            LocalDate t = b.atEndOfMonth();
            Map<YearMonth, List<MonthCell>> cells = byMonth(statistics.cellsPerMonth(tenant, f, t), MonthCell::month);
            Map<YearMonth, List<MonthPerson>> persons = byMonth(statistics.personsPerMonth(tenant, f, t),
                    MonthPerson::month);
            for (YearMonth m = a; !m.isAfter(b); m = m.plusMonths(1)) {
                read.put(m, new Shape(cells.getOrDefault(m, List.of()), persons.getOrDefault(m, List.of())));
            }
            return read;
        });
    }

    /** Forgets everything (tests that change rows behind the product's back). */
    void clear() {
        counts.clear();
        shapes.clear();
    }

    private interface Reader<T> {
        Map<YearMonth, T> read(YearMonth from, YearMonth to);
    }

    private <T> Map<YearMonth, T> figures(Map<Key, Entry<T>> cache, TenantId tenant, String scope, YearMonth from,
                                          YearMonth to, Map<YearMonth, Long> stamps, Reader<T> reader) {
        Map<YearMonth, T> out = new HashMap<>();
        YearMonth firstStale = null;
        YearMonth lastStale = null;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Entry<T> e = cache.get(new Key(tenant.value(), scope, m));
            if (e != null && Objects.equals(e.stamp(), stamps.get(m))) {
                out.put(m, e.value());
            } else {
                firstStale = firstStale == null ? m : firstStale;
                lastStale = m;
            }
        }
        if (firstStale != null) {
            // One read over the stale range (months in between that were still current come along: cheaper than a
            // query per month).
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            Map<YearMonth, T> read = reader.read(firstStale, lastStale);
            read.forEach((m, v) -> {
                cache.put(new Key(tenant.value(), scope, m), new Entry<>(stamps.get(m), v));
                out.put(m, v);
            });
        }
        return out;
    }

    private static <T> Map<YearMonth, List<T>> byMonth(List<T> rows, java.util.function.Function<T, YearMonth> month) {
        Map<YearMonth, List<T>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent(month.apply(r), k -> new ArrayList<>()).add(r));
        return out;
    }
}
