package nl.klachtenregie.complaint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klachtenregie.shared.Text;

/**
 * Dossierregels: every rule a case keeps whatever its regulation says, in one list. For a proposed event the policies
 * that apply to its type are asked in this order, and their reasons are shown in this order (before the reasons of the
 * tenant's own rules). A closed case is refused before anything else ({@link #NO_STEPS_AFTER_CLOSING}).
 *
 * <p>The types are package-private in {@code complaint}: they read the case as the engine evaluated it
 * ({@link CaseEngine.Evaluated}, {@link ScheduledObligation}, {@link StoredComplaint}), which no other feature sees.
 */
final class CasePolicies {

    /** A policy with the event types it is asked about. */
    record Listed(Set<EventType> appliesTo, CasePolicy policy) {
        Listed {
            appliesTo = Set.copyOf(appliesTo);
        }
    }

    /** Asked first, on its own: a closed case is not even evaluated with the proposed event. */
    static final NoStepsAfterClosingPolicy NO_STEPS_AFTER_CLOSING = new NoStepsAfterClosingPolicy();

    private static final Set<EventType> CONCLUSIONS = Arrays.stream(EventType.values()).filter(EventType::isConclusion)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));

    /** In the order their reasons are shown. */
    static final List<Listed> ALL = List.of(
            on(EventType.ACKNOWLEDGED, new AcknowledgedOncePolicy()),
            on(EventType.CLOSED, new ClosedOnlyAfterConclusionPolicy()),
            on(EventType.CLOSED, new NoDutyLapsesOnClosingPolicy()),
            on(EventType.ESCALATED, new EscalationToAnOfferedLevelPolicy()),
            on(EventType.REFERRED_EXTERNAL, new ReferralToANamedBodyPolicy()),
            on(EventType.EXTERNAL_OUTCOME_RECEIVED, new ExternalOutcomeAfterReferralPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new NoExtensionAfterConclusionPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new ExtensionOnlyWhereTheRegulationProvidesPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new NoMoreExtensionsThanAllowedPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new ExtensionNoLongerThanAllowedPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new ConsentOnlyWhereTheRegulationAllowsPolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new ConsentNotInTheFuturePolicy()),
            on(EventType.EXTENSION_ANNOUNCED, new ExtensionAnnouncedBeforeTermEndsPolicy()),
            on(EventType.DUTY_SET_ASIDE, new OnlyOpenDutiesSetAsidePolicy()),
            on(EventType.CHECK_CONFIRMED, new OnlyChecksAreConfirmedPolicy()),
            on(EventType.TERM_SUSPENDED, new SuspensionAsTheRegulationAllowsPolicy()),
            on(EventType.TERM_RESUMED, new ResumeOnlySuspendedTermsPolicy()),
            new Listed(CONCLUSIONS, new ConcludedOncePolicy()));

    private CasePolicies() {
    }

    private static Listed on(EventType type, CasePolicy policy) {
        return new Listed(EnumSet.of(type), policy);
    }

    /** Every reason the listed policies give against the step, in their order, in Dutch; empty when all allow it. */
    static List<String> reasons(ProposedStep step) {
        return texts(step).stream().map(Text::dutch).toList();
    }

    /** Every reason the listed policies give against the step, in their order; empty when all allow it. */
    static List<Text> texts(ProposedStep step) {
        List<Text> reasons = new ArrayList<>();
        for (Listed listed : ALL) {
            if (listed.appliesTo().contains(step.type())
                    && listed.policy().check(step) instanceof CasePolicy.Refusal refusal) {
                reasons.addAll(refusal.texts());
            }
        }
        return reasons;
    }
}
