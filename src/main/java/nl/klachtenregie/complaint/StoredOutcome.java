package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a case keeps of its latest evaluation besides the obligations, so reading a case needs no rules. */
@Serdeable
record StoredOutcome(List<String> registrationReasons, List<String> admissibilityReasons, List<String> nextActions,
                     List<String> escalationOptions, List<String> externalBodies, List<CaseView.AdviceView> advice,
                     String addressee) {
}
