package nl.klachtenregie.kpi;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintStatistics;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.Tenant;

/**
 * Prestatie-indicatoren: the KPIs a tenant's regulation defines, measured over one calendar year. Targets come
 * from the rules of the version in force at the end of the year (or today, for the running year).
 */
@Singleton
public class KpiService {

    private final RegulationCatalog regulations;
    private final RegulationEngine engine;
    private final ComplaintStatistics statistics;
    private final Clock clock;

    KpiService(RegulationCatalog regulations, RegulationEngine engine, ComplaintStatistics statistics, Clock clock) {
        this.regulations = regulations;
        this.engine = engine;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Transactional
    public KpiReport forYear(Tenant tenant, int year) {
        LocalDate today = LocalDate.now(clock);
        if (year < 2000 || year > today.getYear()) {
            throw InvalidInputException.of("year", "kies een jaar van 2000 tot en met " + today.getYear());
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate asOf = to.isBefore(today) ? to : today;
        RegulationVersion version = regulations.inForceOn(tenant, asOf);
        RegulationOutcome outcome = engine.evaluate(version.ruleSet(), EvaluationFacts.tenantOnly(
                new TenantFacts(tenant.slug(), version.version(), tenant.profile().levelCodes(),
                        tenant.profile().externalBodyCodes())));
        List<KpiReport.Kpi> kpis = outcome.kpiTargets().stream().map(t -> measure(tenant, t, from, to, asOf)).toList();
        List<KpiReport.ReportDutyView> duties = outcome.reportDuties().stream()
                .map(d -> new KpiReport.ReportDutyView(d.code(), d.period(), d.audience(),
                        d.parts().stream().map(nl.klachtenregie.regulation.ReportSection.Part::words).toList(), d.basis()))
                .toList();
        return new KpiReport(tenant.slug(), year, version.version(), asOf, kpis, duties);
    }

    private KpiReport.Kpi measure(Tenant tenant, KpiTarget t, LocalDate from, LocalDate to, LocalDate asOf) {
        if (t.measure().startsWith("ON_TIME:")) {
            String code = t.measure().substring("ON_TIME:".length());
            ComplaintStatistics.OnTime r = statistics.onTime(tenant.id(), code, from, to, asOf);
            Double share = r.share();
            return new KpiReport.Kpi(t.code(), t.label(), t.measure(), t.comparator(), t.target(), share,
                    share == null ? null : t.isMet(share), r.onTime(), r.total(), t.basis());
        }
        ComplaintKind kind = "FORMAL_COMPLAINTS".equals(t.measure()) ? ComplaintKind.FORMAL : null;
        long count = statistics.received(tenant.id(), from, to, kind);
        return new KpiReport.Kpi(t.code(), t.label(), t.measure(), t.comparator(), t.target(), (double) count,
                t.isMet(count), count, 1, t.basis());
    }
}
