package nl.klachtenregie.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard keeps the counts of a month until a case of that month changes: a change made here, or on another
 * instance on the same database, shows at the next view, also for months long past.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFreshnessTest implements TestPropertyProvider {

    @Inject
    DashboardService dashboards;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;

    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = TestDatabase.freshSchemaProperties();
        }
        return properties;
    }

    @Test
    void aDecisionRecordedOnACaseOfAnEarlierMonthChangesTheNextView() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        CaseView september = complaints.create(izw, formal(LocalDate.of(2025, 9, 1)));
        Period year = Period.parse("2025");
        // Six weeks ran out on 13-10-2025 without a decision: late.
        assertEquals(0.0, decide(dashboards.dashboard(izw, year)).value());
        complaints.recordEvent(izw, new ComplaintId(september.id()), new NewEvent(EventType.DECIDED,
                LocalDate.of(2025, 10, 6), null, null, null, Judgement.UNFOUNDED, null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null,
                null));
        Dashboard.KpiValue after = decide(dashboards.dashboard(izw, year));
        assertEquals(1.0, after.value(), "the month's counts were read again after its case changed");
        assertEquals(1, after.denominator());
        complaints.create(izw, formal(LocalDate.of(2025, 3, 3)));
        assertEquals(2, dashboards.dashboard(izw, year).breakdowns().total(), "a new case of March counts at once");
    }

    @Test
    void aChangeOnAnotherInstanceShowsOnThisOne() {
        Tenant impuls = tenants.resolve("impuls");
        Period half = Period.parse("2024-H1");
        long before = dashboards.dashboard(impuls, half).breakdowns().total();
        Map<String, String> other = new HashMap<>(getProperties());
        other.put("micronaut.server.enabled", "false");
        try (ApplicationContext instance = ApplicationContext.run(Map.copyOf(other))) {
            ComplaintService elsewhere = instance.getBean(ComplaintService.class);
            elsewhere.create(instance.getBean(TenantDirectory.class).resolve("impuls"), new NewComplaint(
                    ComplaintKind.INFORMAL, Channel.PHONE, LocalDate.of(2024, 2, 5), null,
                    new Complainant("Op Elders", ComplainantRole.CLIENT, null, "0612121212", null), "Elders vastgelegd",
                    impuls.profile().categories().get(0).code(), null, null, false, false, false));
        }
        assertEquals(before + 1, dashboards.dashboard(impuls, half).breakdowns().total());
    }

    private static Dashboard.KpiValue decide(Dashboard d) {
        return d.kpis().stream().filter(k -> "ON_TIME:DECIDE".equals(k.measure())).findFirst().orElseThrow();
    }

    private static NewComplaint formal(LocalDate receivedOn) {
        return new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, receivedOn, null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", null, "Straat 1, Sneek"),
                "Afspraak niet nagekomen", "BEJEGENING", null, null, false, false, false);
    }
}
