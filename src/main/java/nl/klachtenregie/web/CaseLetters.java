package nl.klachtenregie.web;

import jakarta.inject.Singleton;
import java.util.List;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.tenant.Tenant;

/** The letters part of the case page. Filled in from the letter feature once it is merged. */
@Singleton
class CaseLetters {

    List<CasePageModels.LetterOption> options(Tenant tenant, CaseView c, boolean canIssue) {
        return List.of();
    }

    List<CasePageModels.LetterRow> issued(Tenant tenant, CaseView c) {
        return List.of();
    }
}
