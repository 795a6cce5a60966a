package nl.klachtenregie.regulation;

import java.util.List;
import java.util.Objects;

/**
 * Feiten: everything one evaluation sees. Without a complaint the rules only answer tenant-wide questions
 * (KPI targets, report duties).
 */
public record EvaluationFacts(TenantFacts tenant, ComplaintFacts complaint, List<EventFacts> events,
                              HistoryFacts history) {
    public EvaluationFacts {
        Objects.requireNonNull(tenant, "tenant");
        events = List.copyOf(events);
        history = history == null ? HistoryFacts.none() : history;
        if (complaint == null && !events.isEmpty()) {
            throw new IllegalArgumentException("events without a complaint");
        }
    }

    public static EvaluationFacts tenantOnly(TenantFacts tenant) {
        return new EvaluationFacts(tenant, null, List.of(), HistoryFacts.none());
    }
}
