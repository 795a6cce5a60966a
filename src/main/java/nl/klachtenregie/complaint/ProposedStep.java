package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klachtenregie.regulation.ExtensionPolicy;

/**
 * Voorgestelde stap: what a {@link CasePolicy} may look at when an event is proposed for a case.
 *
 * @param stored the case as stored, its timeline without the proposed event
 * @param before the case evaluated as it stands (status, duties, what the rules offer), without the proposed event
 * @param event the proposed event
 * @param regulationVersion the version of the regulation the case is handled under
 * @param ruleReasons what the tenant's rules themselves refuse of the event (they speak after the policies)
 * @param today the day the step is proposed on
 */
record ProposedStep(StoredComplaint stored, CaseEngine.Evaluated before, NewEvent event, String regulationVersion,
                    List<String> ruleReasons, LocalDate today) {

    CaseStatus status() {
        return before.status();
    }

    EventType type() {
        return event.type();
    }

    /** The events of this type already on the timeline. */
    List<NewEvent> earlier(EventType type) {
        return stored.events().stream().filter(x -> x.type() == type).toList();
    }

    /** The Dutch name of one of the case's duties (by the regulation's label when it has no name of its own). */
    String dutyName(String code) {
        return DutyNames.of(code, before.obligations().stream().filter(o -> o.code().equals(code))
                .map(ScheduledObligation::label).findFirst().orElse(""));
    }

    /**
     * The regulation's terms of an extension, when there is a term left to extend: empty once the complaint is
     * concluded, or when the regulation knows no extension ({@link NoExtensionAfterConclusionPolicy} and
     * {@link ExtensionOnlyWhereTheRegulationProvidesPolicy} speak then, and the other extension policies keep silent).
     */
    Optional<ExtensionTerms> extensionTerms() {
        List<ExtensionPolicy> policies = before.outcome().extensionPolicies();
        if (status().isConcluded() || policies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExtensionTerms(policies.get(0)));
    }

    /** Verlengingsregeling: how often and how long the regulation lets a term be extended. */
    record ExtensionTerms(ExtensionPolicy policy) {

        /** Longer or more often is allowed here: the regulation permits it with consent, and consent is documented. */
        boolean consentGiven(NewEvent e) {
            return policy.beyondWithConsent() && e.consentDocumented();
        }

        /** What a refusal adds when the complainant's consent could allow more (Wkkgz art. 17 lid 2). */
        nl.klachtenregie.shared.Text consentHint() {
            return policy.beyondWithConsent() ? nl.klachtenregie.shared.Text.of("policy.extension.consentHint")
                    : nl.klachtenregie.shared.Text.plain("");
        }
    }
}
