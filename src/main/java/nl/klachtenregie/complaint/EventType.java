package nl.klachtenregie.complaint;

/** Gebeurtenis: what can be recorded on a case's timeline. */
public enum EventType {
    ACKNOWLEDGED,
    CONTACTED,
    PROGRESS_REPORTED,
    MEETING_INVITED,
    MEETING_HELD,
    EXTENSION_ANNOUNCED,
    ESCALATED,
    REFERRED_EXTERNAL,
    SOLUTION_COMMUNICATED,
    DECIDED,
    DECLARED_NOT_ADMISSIBLE,
    RESOLVED_INFORMALLY,
    REPORT_RECORDED,
    MANAGEMENT_INFORMED,
    CLOSED;

    /** Events that end the handling at the current level (a decision or its equivalent). */
    boolean isConclusion() {
        return this == DECIDED || this == DECLARED_NOT_ADMISSIBLE || this == RESOLVED_INFORMALLY;
    }
}
