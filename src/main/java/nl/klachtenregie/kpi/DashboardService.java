package nl.klachtenregie.kpi;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.tenant.Tenant;

/** Dashboard: KPI values, trends and breakdowns of one tenant in one period. */
@Singleton
public class DashboardService {

    /** The dashboard of the period, measured today (or on its last day, when it is over). */
    public Dashboard dashboard(Tenant tenant, Period period) {
        throw new UnsupportedOperationException("being built");
    }

    /** The reports the regulations in force on the day require, of every regulation of the tenant. */
    public List<ReportDuty> reportDuties(Tenant tenant, LocalDate on) {
        throw new UnsupportedOperationException("being built");
    }
}
