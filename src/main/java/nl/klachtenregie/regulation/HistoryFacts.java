package nl.klachtenregie.regulation;

/**
 * Klachthistorie: a summary of the tenant's earlier complaints, for rules about repeated complaints
 * ("herhaaldelijk over hetzelfde onderwerp of dezelfde persoon").
 *
 * @param windowMonths how far back the counts look
 * @param earlierAboutSameEmployee earlier complaints naming the same employee
 * @param earlierInSameCategory earlier complaints in the same category (the subject)
 */
public record HistoryFacts(int windowMonths, int earlierAboutSameEmployee, int earlierInSameCategory) {
    public HistoryFacts {
        if (windowMonths < 0 || earlierAboutSameEmployee < 0 || earlierInSameCategory < 0) {
            throw new IllegalArgumentException("history counts cannot be negative");
        }
    }

    public static HistoryFacts none() {
        return new HistoryFacts(12, 0, 0);
    }

    public boolean repeatedAboutSamePerson() {
        return earlierAboutSameEmployee > 0;
    }

    public boolean repeatedAboutSameSubject() {
        return earlierInSameCategory > 0;
    }
}
