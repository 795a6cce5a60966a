package nl.klachtenregie.kpi;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.tenant.Tenant;

/**
 * Voorstellen voor het verbeterregister: the missed KPIs and flagged trends of a period that no measure answers yet
 * (procedure 6.5: a breach or a trend calls for a measure). Data, so that the dashboard and the verbeterregister
 * show the same proposals in the same words without one rendering the other's page.
 */
@Singleton
public class Proposals {

    /**
     * Voorstel: one breach or trend that calls for a measure.
     *
     * @param origin KPI_BREACH or TREND, as the verbeterregister records a measure's origin
     * @param originKey the key a measure answering it carries ({@link Dashboard.KpiValue#originKey})
     * @param title the short line (the KPI with its value and target, or the trend in words)
     * @param description the measure's proposed description: the title with the period
     */
    public record Proposal(String origin, String originKey, String title, String description) {
    }

    private final DashboardService dashboards;
    private final Messages messages;

    Proposals(DashboardService dashboards, Messages messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    /** The open proposals of the current year; {@code answered}: origin keys of the register's measures. */
    public List<Proposal> ofThisYear(Tenant tenant, Locale locale, Set<String> answered) {
        Period period = dashboards.current(Granularity.YEAR);
        return of(dashboards.dashboard(tenant, period), locale, answered);
    }

    /** The open proposals of one dashboard, the KPIs first, then the trends. */
    public List<Proposal> of(Dashboard d, Locale locale, Set<String> answered) {
        Period period = d.period();
        List<Proposal> out = new ArrayList<>();
        for (Dashboard.KpiValue k : d.kpis()) {
            proposal(k, period, locale, answered).ifPresent(out::add);
        }
        for (Dashboard.TrendFlag f : d.flags()) {
            proposal(f, period, locale, answered).ifPresent(out::add);
        }
        return out;
    }

    public java.util.Optional<Proposal> proposal(Dashboard.KpiValue k, Period period, Locale locale,
                                                 Set<String> answered) {
        if (!k.breached() || answered.contains(k.originKey(period))) {
            return java.util.Optional.empty();
        }
        boolean share = isShare(k);
        String value = format(k.value(), share, locale);
        String target = target(k, locale);
        return java.util.Optional.of(new Proposal("KPI_BREACH", k.originKey(period),
                k.label() + ": " + value + " (" + target + ")",
                k.label() + ": " + value + " " + messages.get(locale, "dashboard.against") + " " + target + " ("
                        + period.label() + ")"));
    }

    public java.util.Optional<Proposal> proposal(Dashboard.TrendFlag f, Period period, Locale locale,
                                                 Set<String> answered) {
        if (answered.contains(f.originKey(period))) {
            return java.util.Optional.empty();
        }
        String text = flagText(f, locale);
        return java.util.Optional.of(new Proposal("TREND", f.originKey(period), text,
                text + " (" + period.label() + ")"));
    }

    /** A trend in words, as the dashboard lists it. */
    public String flagText(Dashboard.TrendFlag f, Locale locale) {
        return messages.get(locale, "dashboard.flag." + f.type(), f.label(), f.count(), f.previous());
    }

    /** The target with its comparison ("≥ 90,0%"), or "" for a KPI without one. */
    public static String target(Dashboard.KpiValue k, Locale locale) {
        return k.comparator() == null ? "" : symbol(k.comparator()) + " " + format(k.target(), isShare(k), locale);
    }

    /** An on-time share (shown as a percentage) rather than a count. */
    public static boolean isShare(Dashboard.KpiValue k) {
        return k.measure().startsWith("ON_TIME:");
    }

    public static String format(Double value, boolean share, Locale locale) {
        if (value == null) {
            return "—";
        }
        if (share) {
            return String.format(locale, "%.1f%%", value * 100);
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(locale, "%.1f", value);
    }

    private static String symbol(String comparator) {
        return switch (comparator) {
            case "LT" -> "<";
            case "LE" -> "≤";
            case "GE" -> "≥";
            case "GT" -> ">";
            default -> comparator;
        };
    }
}
