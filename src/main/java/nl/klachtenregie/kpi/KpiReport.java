package nl.klachtenregie.kpi;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** Prestatie-indicatoren van een jaar: each KPI's value against the target the tenant's rules set. */
@Serdeable
public record KpiReport(String tenant, int year, String regulationVersion, LocalDate asOf, List<Kpi> kpis,
                        List<ReportDutyView> reportDuties) {

    /**
     * One KPI.
     *
     * @param value null when there is nothing to measure yet (then {@code met} is null too)
     */
    @Serdeable
    public record Kpi(String code, String label, String measure, String comparator, double target, Double value,
                      Boolean met, long numerator, long denominator, String basis) {
    }

    /** A report the regulation requires. */
    @Serdeable
    public record ReportDutyView(String code, String period, String audience, List<String> sections, String basis) {
    }
}
