package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What a case keeps of its latest evaluation besides the obligations, so reading a case needs no rules.
 *
 * @param extensionFor the obligation code an extension would move, or null when the regulation has none
 * @param continuingReferrals the external bodies a referral to which does not end the organisation's own handling
 *     (a cliëntvertrouwenspersoon): the case stays in progress after such a referral
 * @param levelHolders who holds each rung according to the case's own version of the regulation
 * @param formalReasons why the regulation counts this (informal) complaint as a formal one, for the KPIs
 * @param suspendable the obligation codes whose term the regulation lets the handler suspend ("*": every term)
 */
@Serdeable
record StoredOutcome(List<String> registrationReasons, List<String> admissibilityReasons, List<String> nextActions,
                     List<String> escalationOptions, List<String> externalBodies, List<CaseView.AdviceView> advice,
                     String addressee, String extensionFor, List<String> continuingReferrals,
                     Map<String, String> levelHolders, List<String> formalReasons, List<String> suspendable) {
    StoredOutcome {
        registrationReasons = registrationReasons == null ? List.of() : List.copyOf(registrationReasons);
        admissibilityReasons = admissibilityReasons == null ? List.of() : List.copyOf(admissibilityReasons);
        nextActions = nextActions == null ? List.of() : List.copyOf(nextActions);
        escalationOptions = escalationOptions == null ? List.of() : List.copyOf(escalationOptions);
        externalBodies = externalBodies == null ? List.of() : List.copyOf(externalBodies);
        advice = advice == null ? List.of() : List.copyOf(advice);
        addressee = addressee == null ? "" : addressee;
        continuingReferrals = continuingReferrals == null ? List.of() : List.copyOf(continuingReferrals);
        levelHolders = levelHolders == null ? Map.of() : Map.copyOf(levelHolders);
        formalReasons = formalReasons == null ? List.of() : List.copyOf(formalReasons);
        suspendable = suspendable == null ? List.of() : List.copyOf(suspendable);
    }
}
