package nl.klachtenregie.complaint.web;

import jakarta.inject.Singleton;
import java.util.List;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.tenant.Tenant;

/** The letters part of the case page: which letters can be made now, and the letters made so far. */
@Singleton
class CaseLetters {

    private final LetterService letters;

    CaseLetters(LetterService letters) {
        this.letters = letters;
    }

    List<CasePageModels.LetterOption> options(Tenant tenant, CaseView c, boolean canIssue) {
        if (!canIssue) {
            return List.of();
        }
        return letters.available(tenant, c).stream().map(k -> new CasePageModels.LetterOption(k.name())).toList();
    }

    List<CasePageModels.LetterRow> issued(Tenant tenant, CaseView c) {
        return letters.ofCase(tenant, new ComplaintId(c.id())).stream()
                .map(l -> new CasePageModels.LetterRow(l.id().value(), l.kind().name(), l.subject(), l.issuedOn(),
                        l.issuedBy(), "/t/" + tenant.slug() + "/klachten/" + c.id() + "/brieven/" + l.id().value()
                        + ".pdf"))
                .toList();
    }
}
