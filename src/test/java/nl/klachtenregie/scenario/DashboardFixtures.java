package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;

/**
 * What the four dashboard fixtures share: a clock the fixture can move (an extension can only be announced while
 * its term runs, so a case decided within its extension needs "today" to have been the day of the announcement),
 * builders for complaints and events, and lookups with exact-count assertions.
 */
final class DashboardFixtures {

    static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);

    private DashboardFixtures() {
    }

    /** A fresh schema with the movable clock switched on (only the dashboard tests ask for it). */
    static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    // --- building cases ---------------------------------------------------------------------------------------

    static NewComplaint complaint(ComplaintKind kind, Channel channel, String receivedOn, String category,
                                  String serviceLine, String concernsEmployee) {
        return new NewComplaint(kind, channel, LocalDate.parse(receivedOn), null,
                new Complainant("K. Lager", ComplainantRole.CLIENT, "k@example.org", "0600000000", "Straat 1",
                        "Sneek"),
                "Klacht voor het dashboard", category, serviceLine, concernsEmployee, false, false, false);
    }

    static NewEvent event(EventType type, String on) {
        return NewEvent.of(type, LocalDate.parse(on));
    }

    static NewEvent decided(String on) {
        return new NewEvent(EventType.DECIDED, LocalDate.parse(on), null, null, null, Judgement.PARTLY_WELL_FOUNDED,
                null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null);
    }

    static NewEvent extension(String on, int weeks) {
        return new NewEvent(EventType.EXTENSION_ANNOUNCED, LocalDate.parse(on), weeks, null, null, null, null, null,
                null, "Meer tijd nodig voor hoor en wederhoor", null, null);
    }

    static NewEvent escalated(String on, String level) {
        return new NewEvent(EventType.ESCALATED, LocalDate.parse(on), null, level, null, null, null, null, null,
                null, null, null);
    }

    static NewEvent referred(String on, String body) {
        return new NewEvent(EventType.REFERRED_EXTERNAL, LocalDate.parse(on), null, null, body, null, null, null,
                null, null, null, null);
    }

    static NewEvent notAdmissible(String on) {
        return new NewEvent(EventType.DECLARED_NOT_ADMISSIBLE, LocalDate.parse(on), null, null, null, null, null,
                null, "Hiervoor geldt een andere procedure, met uitleg waarom", null, null, null);
    }

    static NewEvent closed(String on, Integer satisfaction) {
        return new NewEvent(EventType.CLOSED, LocalDate.parse(on), null, null, null, null, null, null, null, null,
                null, satisfaction);
    }

    /** Registers the complaint and records its events in order. */
    static CaseView file(ComplaintService complaints, Tenant tenant, NewComplaint intake, NewEvent... events) {
        CaseView c = complaints.create(tenant, intake);
        for (NewEvent e : events) {
            c = nl.klachtenregie.support.Closing.record(complaints, tenant, c, e);
        }
        return c;
    }

    static CaseView record(ComplaintService complaints, Tenant tenant, CaseView c, NewEvent... events) {
        CaseView out = c;
        for (NewEvent e : events) {
            out = nl.klachtenregie.support.Closing.record(complaints, tenant, c, e);
        }
        return out;
    }

    // --- reading the dashboard -----------------------------------------------------------------------------

    static Dashboard.KpiValue kpi(Dashboard d, String code) {
        return d.kpis().stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no KPI " + code + " in " + d.kpis()));
    }

    /** The KPI codes, sorted: the order the rules emit their targets in is not a promise. */
    static List<String> kpiCodes(Dashboard d) {
        return d.kpis().stream().map(Dashboard.KpiValue::code).sorted().toList();
    }

    /** Value (null: nothing to measure), numerator, denominator, on time by extension and met (null: no target). */
    static void assertKpi(Dashboard.KpiValue k, Double value, long numerator, long denominator, long byExtension,
                          Boolean met) {
        String where = k.code() + " " + k;
        if (value == null) {
            assertNull(k.value(), where);
        } else {
            assertNotNull(k.value(), where);
            assertEquals(value, k.value(), 1e-9, where);
        }
        assertEquals(numerator, k.numerator(), where);
        assertEquals(denominator, k.denominator(), where);
        assertEquals(byExtension, k.onTimeByExtension(), where);
        assertEquals(met, k.met(), where);
    }

    /** The trend values, null where nothing was measured. */
    static void assertTrend(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), "trend " + actual);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertNull(actual.get(i), "trend[" + i + "] of " + actual);
            } else {
                assertNotNull(actual.get(i), "trend[" + i + "] of " + actual);
                assertEquals(expected.get(i), actual.get(i), 1e-9, "trend[" + i + "] of " + actual);
            }
        }
    }

    static Dashboard.Count count(List<Dashboard.Count> counts, String code) {
        return counts.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no count " + code + " in " + counts));
    }

    /** code=count/previous for every entry, in the dashboard's order. */
    static String counts(List<Dashboard.Count> counts) {
        return String.join(", ", counts.stream().map(c -> c.code() + "=" + c.count() + "/" + c.previous()).toList());
    }

    /** type:key=count/previous for every flag, in the dashboard's order (employee names lower-cased). */
    static String flags(Dashboard d) {
        return String.join(", ", d.flags().stream().map(f -> f.type() + ":"
                + (f.type().equals("REPEATED_PERSON") ? f.key().toLowerCase() : f.key()) + "=" + f.count() + "/"
                + f.previous()).toList());
    }

    /** reference:obligation:dueOn:overdue for every attention case. */
    static String attention(Dashboard d) {
        return String.join(", ", d.attention().stream().map(a -> a.reference() + ":" + a.obligation() + ":"
                + a.dueOn() + ":" + (a.overdue() ? "overdue" : "soon")).toList());
    }

    static List<Double> values(Double... v) {
        return java.util.Arrays.asList(v);
    }
}
