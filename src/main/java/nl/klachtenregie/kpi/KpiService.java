package nl.klachtenregie.kpi;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.ReportSection;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;

/**
 * Prestatie-indicatoren van een jaar, for the API: the KPIs the tenant's regulations define, measured over one
 * calendar year exactly as the dashboard measures them (of every regulation in force, not only the main one).
 */
@Singleton
public class KpiService {

    private final DashboardService dashboards;
    private final RegulationCatalog regulations;

    KpiService(DashboardService dashboards, RegulationCatalog regulations) {
        this.dashboards = dashboards;
        this.regulations = regulations;
    }

    @Transactional
    public KpiReport forYear(Tenant tenant, int year) {
        LocalDate today = dashboards.today();
        if (year < 2000 || year > today.getYear()) {
            throw InvalidInputException.of("year", "kies een jaar van 2000 tot en met " + today.getYear());
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate asOf = end.isBefore(today) ? end : today;
        Dashboard d = dashboards.dashboard(tenant, new Period(Granularity.YEAR, year, 1));
        // The API lists the KPIs the rules set a target for; the dashboard adds a share for every other term.
        List<KpiReport.Kpi> kpis = d.kpis().stream().filter(k -> k.comparator() != null)
                .map(k -> new KpiReport.Kpi(k.code(), k.label(), k.measure(), k.comparator(), k.target(), k.value(),
                        k.met(), k.numerator(), k.denominator(), k.basis()))
                .toList();
        List<KpiReport.ReportDutyView> duties = d.reportDuties().stream()
                .map(r -> new KpiReport.ReportDutyView(r.code(), r.period(), r.audience(),
                        r.parts().stream().map(ReportSection.Part::words).toList(), r.basis()))
                .toList();
        return new KpiReport(tenant.slug(), year, regulations.inForceOn(tenant, asOf).version(), asOf, kpis, duties);
    }
}
