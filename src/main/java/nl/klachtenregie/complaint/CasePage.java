package nl.klachtenregie.complaint;

import java.util.List;

/** Een pagina dossiers: the cases of one page of the list and how many match in all. */
public record CasePage(List<CaseSummary> cases, long total, int limit, int offset) {
    public CasePage {
        cases = List.copyOf(cases);
    }
}
