package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Lets the engine benchmark (nl.klachtenregie.bench.EngineBenchmark) run the package-private case engine: the rules
 * and then what Java applies of their outcome (due dates, matching events to duties, status, allowed actions). Test
 * code only; not a test itself.
 */
public final class CaseEngineBench {

    private final CaseEngine engine;
    private final Tenant tenant;
    private final RegulationVersion version;
    private final NewComplaint intake;
    private final List<NewEvent> events;

    /**
     * The benchmark case: a formal letter complaint received 24-03-2026 (over Easter, Koningsdag and Hemelvaart),
     * acknowledged, management informed, extended by 4 weeks, contacted, and a decision being recorded.
     */
    public CaseEngineBench(RegulationEngine rules, String slug, List<String> ladder, String serviceLine,
                           String versionName, RuleSet ruleSet) {
        this(rules, slug, ladder, serviceLine, versionName, ruleSet, false);
    }

    /** @param suspended the decision term also stood still for a week before the extension (suspended, resumed) */
    public CaseEngineBench(RegulationEngine rules, String slug, List<String> ladder, String serviceLine,
                           String versionName, RuleSet ruleSet, boolean suspended) {
        this.engine = new CaseEngine(rules);
        List<TenantProfile.EscalationLevel> levels = ladder.stream()
                .map(code -> new TenantProfile.EscalationLevel(code, code.toLowerCase())).toList();
        List<TenantProfile.ServiceLine> lines = serviceLine.isEmpty() ? List.of()
                : List.of(new TenantProfile.ServiceLine(serviceLine, serviceLine.toLowerCase(), ""));
        TenantProfile profile = new TenantProfile(slug, slug, null, null, null, null, levels, List.of(),
                List.of(new TenantProfile.Category("BEJEGENING", "Bejegening")), lines, null);
        this.tenant = new Tenant(new TenantId(1), profile);
        this.version = new RegulationVersion(versionName, LocalDate.of(2016, 1, 1), "benchmark", "", ruleSet, "");
        LocalDate received = LocalDate.of(2026, 3, 24);
        this.intake = new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, received, LocalDate.of(2026, 3, 10),
                new Complainant("A. Klager", ComplainantRole.CLIENT, "a@example.org", "0612345678", "Straat 1",
                        "Plaats"), "Afspraken over de begeleiding zijn niet nagekomen", "BEJEGENING",
                serviceLine.isEmpty() ? null : serviceLine, "J. de Vries", false, false);
        NewEvent extension = new NewEvent(EventType.EXTENSION_ANNOUNCED, received.plusDays(35), 4, null, null, null,
                null, null, null, null, null, null);
        NewEvent decided = new NewEvent(EventType.DECIDED, received.plusDays(57), null, null, null,
                Judgement.PARTLY_WELL_FOUNDED, "Werkafspraken aangepast", received.plusDays(85), null, null, null,
                null);
        List<NewEvent> timeline = new java.util.ArrayList<>(List.of(NewEvent.of(EventType.ACKNOWLEDGED,
                received.plusDays(2)), NewEvent.of(EventType.MANAGEMENT_INFORMED, received.plusDays(3))));
        if (suspended) {
            timeline.add(NewEvent.about(EventType.TERM_SUSPENDED, received.plusDays(10), List.of("DECIDE"),
                    "wacht op de klager"));
            timeline.add(NewEvent.about(EventType.TERM_RESUMED, received.plusDays(17), List.of(), null));
        }
        timeline.addAll(List.of(extension, NewEvent.of(EventType.CONTACTED, received.plusDays(9)), decided));
        this.events = List.copyOf(timeline);
    }

    /** One evaluation of the case as recording its last event does; returns the number of duties scheduled. */
    public int evaluate() {
        return engine.evaluate(tenant, version, "BENCH-1", intake, events, new HistoryFacts(12, 1, 2), false, true)
                .obligations().size();
    }
}
