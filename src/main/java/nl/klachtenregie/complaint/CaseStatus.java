package nl.klachtenregie.complaint;

/** Dossierstatus, derived from the timeline. */
public enum CaseStatus {
    RECEIVED, IN_PROGRESS, REFERRED_EXTERNAL, DECIDED, RESOLVED_INFORMALLY, NOT_ADMISSIBLE, CLOSED;

    boolean isConcluded() {
        return this == DECIDED || this == RESOLVED_INFORMALLY || this == NOT_ADMISSIBLE;
    }
}
