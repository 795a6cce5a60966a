package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Proefgevallen: a handful of typical complaints a rule set is tried on before activation, so that a rule which
 * loops, fails or emits an invalid outcome is found by the administrator and not on a real case.
 */
final class TrialCases {

    private TrialCases() {
    }

    static List<EvaluationFacts> of(TenantFacts tenant, TenantProfile profile, LocalDate today) {
        String category = profile.categories().get(0).code();
        String lowest = profile.lowestLevel();
        String next = profile.levelAbove(lowest);
        ComplaintFacts formal = new ComplaintFacts("PROEF-1", "FORMAL", "LETTER", today, today.minusDays(3),
                "CLIENT", true, true, true, true, "Proefklacht", category, "", "Medewerker", false, false,
                "RECEIVED", lowest, next, false);
        ComplaintFacts informal = new ComplaintFacts("PROEF-2", "INFORMAL", "PHONE", today, null, "NEXT_OF_KIN",
                false, false, false, false, "Proefklacht", category, "", "", true, false, "RECEIVED", lowest, next,
                true);
        List<EventFacts> handled = List.of(
                new EventFacts(1, "ACKNOWLEDGED", today, false, 0, "", "", "", false, null, false, false, 0),
                new EventFacts(2, "EXTENSION_ANNOUNCED", today, false, 4, "", "", "", false, null, false, false, 0),
                new EventFacts(3, "EXTENSION_ANNOUNCED", today, true, 8, "", "", "", false, null, false, false, 0),
                new EventFacts(4, "DECIDED", today, false, 0, "", "", "UNFOUNDED", true, today.plusWeeks(2), true,
                        false, 4));
        HistoryFacts repeated = new HistoryFacts(12, 2, 3);
        return List.of(
                EvaluationFacts.tenantOnly(tenant),
                new EvaluationFacts(tenant, formal, List.of(), HistoryFacts.none()),
                new EvaluationFacts(tenant, informal, List.of(), repeated),
                new EvaluationFacts(tenant, formal, handled, repeated));
    }

    static String describe(EvaluationFacts facts) {
        if (facts.complaint() == null) {
            return "zonder klacht, voor KPI's en rapportages";
        }
        return (facts.complaint().isFormal() ? "formele" : "informele") + " klacht per "
                + facts.complaint().channel().toLowerCase() + (facts.events().isEmpty() ? ""
                : " met " + facts.events().size() + " gebeurtenissen");
    }
}
