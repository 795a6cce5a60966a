package nl.klachtenregie.regulation;

import java.util.List;
import java.util.Objects;

/**
 * Feiten: everything one evaluation sees. Without a complaint the rules only answer tenant-wide questions
 * (KPI targets, report duties).
 */
public record EvaluationFacts(TenantFacts tenant, ComplaintFacts complaint, List<EventFacts> events,
                              HistoryFacts history) {
    /**
     * The most events one case holds: the bound a rule's joins of event patterns are counted with
     * ({@code RuleSetPolicy.MAX_JOIN}), so no case can make a rule build more than it allows.
     */
    public static final int MAX_EVENTS = 200;

    public EvaluationFacts {
        Objects.requireNonNull(tenant, "tenant");
        events = List.copyOf(events);
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("een dossier heeft hoogstens " + MAX_EVENTS + " gebeurtenissen; dit "
                    + "heeft er " + events.size());
        }
        history = history == null ? HistoryFacts.none() : history;
        if (complaint == null && !events.isEmpty()) {
            throw new IllegalArgumentException("events without a complaint");
        }
    }

    public static EvaluationFacts tenantOnly(TenantFacts tenant) {
        return new EvaluationFacts(tenant, null, List.of(), HistoryFacts.none());
    }
}
