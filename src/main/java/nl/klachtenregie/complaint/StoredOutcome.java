package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a case keeps of its latest evaluation besides the obligations, so reading a case needs no rules.
 *
 * @param extensionFor the obligation code an extension would move, or null when the regulation has none
 */
@Serdeable
record StoredOutcome(List<String> registrationReasons, List<String> admissibilityReasons, List<String> nextActions,
                     List<String> escalationOptions, List<String> externalBodies, List<CaseView.AdviceView> advice,
                     String addressee, String extensionFor) {
    StoredOutcome {
        registrationReasons = registrationReasons == null ? List.of() : List.copyOf(registrationReasons);
        admissibilityReasons = admissibilityReasons == null ? List.of() : List.copyOf(admissibilityReasons);
        nextActions = nextActions == null ? List.of() : List.copyOf(nextActions);
        escalationOptions = escalationOptions == null ? List.of() : List.copyOf(escalationOptions);
        externalBodies = externalBodies == null ? List.of() : List.copyOf(externalBodies);
        advice = advice == null ? List.of() : List.copyOf(advice);
        addressee = addressee == null ? "" : addressee;
    }
}
