package nl.klachtenregie.complaint;

import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.klachtenregie.shared.Text;

/**
 * Dossierregel: one rule every case keeps whatever its regulation says, asked about a step someone proposes (an event
 * for the timeline). It answers with an {@link Allowance} or a {@link Refusal} that says why in Dutch, in the words the
 * handler sees. The rules of the tenant's regulation speak after these, through the rule engine; the policies are
 * listed, in the order their reasons are shown, in {@link CasePolicies}.
 */
@FunctionalInterface
interface CasePolicy {

    /** Dates in a reason: 28-05-2025. */
    DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** What the policy says of the proposed step. */
    Verdict check(ProposedStep step);

    /** Oordeel: allowed, or refused with its reasons. */
    sealed interface Verdict permits Allowance, Refusal {
    }

    /** Toegestaan: the policy has nothing against the step. */
    record Allowance() implements Verdict {
    }

    /** Geweigerd: the step is not allowed, for these reasons (at least one, in the order they are shown). */
    record Refusal(List<Text> texts) implements Verdict {
        public Refusal {
            texts = List.copyOf(texts);
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }

        /** The reasons in Dutch. */
        public List<String> reasons() {
            return texts.stream().map(Text::dutch).toList();
        }
    }

    static Verdict allowed() {
        return new Allowance();
    }

    static Verdict refused(Text reason) {
        return new Refusal(List.of(reason));
    }

    static Verdict refused(String key, Object... args) {
        return refused(Text.of(key, args));
    }

    /** A date in a reason, as the handler reads it everywhere: 28-05-2025. */
    static String day(java.time.LocalDate date) {
        return date.format(DMY);
    }

    /** A refusal with these reasons, or an allowance when there are none. */
    static Verdict refusedFor(List<Text> reasons) {
        return reasons.isEmpty() ? allowed() : new Refusal(reasons);
    }
}
