package nl.klachtenregie.kpi;

import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.regulation.ReportDuty;

/**
 * Dashboard: how the tenant kept its own regulation in one period, with the trend over the periods before it.
 *
 * @param asOf the day the figures were measured: today, also for a period that is over (an unmet term of the
 *     period's complaints counts once it is overdue today, even when it ran out after the period ended)
 * @param trendPeriods the periods of the trend, oldest first, ending with {@code period}
 * @param reportDuties the reports the regulations in force require
 */
public record Dashboard(String tenant, Period period, LocalDate asOf, List<KpiValue> kpis, List<Period> trendPeriods,
                        List<Long> formalTrend, List<Long> informalTrend, Breakdowns breakdowns,
                        List<AttentionCase> attention, long attentionTotal, Satisfaction satisfaction,
                        List<TrendFlag> flags, List<ReportDuty> reportDuties,
                        List<nl.klachtenregie.complaint.UnconfirmedEvent> toConfirm) {

    /**
     * One KPI in the period.
     *
     * @param regulation the regulation it belongs to ('' for the tenant's main one)
     * @param measure FORMAL_COMPLAINTS, ALL_COMPLAINTS or ON_TIME:&lt;obligation code&gt;
     * @param comparator LT, LE, GE or GT; null when the rules set no target (a default "met on time" share)
     * @param target null when the rules set none
     * @param value null when there is nothing to measure yet
     * @param met null when there is no target or no value
     * @param numerator the count (for a count KPI: of the period's year up to its last day, the target being per
     *     year) or the obligations met on time
     * @param denominator 1 for a count KPI; else the obligations met, plus those unmet and already overdue
     * @param onTimeByExtension of the numerator, those on time only because the term was extended
     * @param trend the value in each of {@link Dashboard#trendPeriods()} (null where nothing to measure)
     * @param scoped true when it counts only its regulation's cases (the tenant runs several regulations)
     */
    public record KpiValue(String code, String label, String regulation, String measure, String comparator,
                           Double target, Double value, Boolean met, long numerator, long denominator,
                           long onTimeByExtension, String basis, List<Double> trend, boolean scoped) {
        /** The same measurement shown as a plain share, without a target (the default per obligation code). */
        KpiValue withoutTarget() {
            return new KpiValue(code, label, regulation, measure, null, null, value, null, numerator, denominator,
                    onTimeByExtension, basis, trend, scoped);
        }

        /** The obligation code of an ON_TIME measure, else null. */
        public String obligation() {
            return measure.startsWith("ON_TIME:") ? measure.substring("ON_TIME:".length()) : null;
        }

        /** A KPI with a target, a value, and the value misses the target. */
        public boolean breached() {
            return Boolean.FALSE.equals(met);
        }

        /**
         * The key a verbeterregister measure uses to say it answers this breach: KPI:&lt;code&gt;:&lt;period&gt;, with
         * the regulation before the code when it is not the main one (two regulations may share a KPI code).
         */
        public String originKey(Period period) {
            return "KPI:" + (regulation.isEmpty() ? "" : regulation + ":") + code + ":" + period.code();
        }
    }

    /** Counts of the period's complaints by each dimension, with the previous period's count beside it. */
    public record Breakdowns(long total, long previousTotal, List<Count> byKind, List<Count> byChannel,
                             List<Count> byCategory, List<Count> byServiceLine, List<Count> byLevel,
                             List<Count> byStatus) {
    }

    /**
     * One value of a dimension.
     *
     * @param code the stored code (for the case-list link); '' for "none" (e.g. no service line)
     * @param label the Dutch name from the tenant's profile or the message bundle key's value
     */
    public record Count(String code, String label, long count, long previous) {
    }

    /**
     * An open case with an obligation overdue or due within 7 days.
     *
     * @param dueOn the due day of that obligation (the earliest, when several)
     */
    public record AttentionCase(long id, String reference, String status, String obligation, LocalDate dueOn,
                                boolean overdue, String handler) {
    }

    /**
     * Satisfaction with the handling of the period's complaints.
     *
     * @param distribution how many gave 1, 2, 3, 4 and 5
     * @param concluded how many of the period's complaints were concluded (responses out of these)
     * @param average null without responses
     */
    public record Satisfaction(long responses, Double average, List<Long> distribution, long concluded) {
    }

    /**
     * A trend procedure 6.5 step 7 asks to determine.
     *
     * @param type REPEATED_PERSON (several complaints about one employee), REPEATED_SUBJECT (about one category in
     *     the period, at least the threshold), or RISING_CATEGORY (against the previous period)
     * @param key the employee's name or the category code
     * @param count in this period; {@code previous} in the period before
     */
    public record TrendFlag(String type, String key, String label, long count, long previous) {
        /** The key a verbeterregister measure uses to say it answers this trend. */
        public String originKey(Period period) {
            return "TREND:" + type + ":" + key + ":" + period.code();
        }
    }
}
