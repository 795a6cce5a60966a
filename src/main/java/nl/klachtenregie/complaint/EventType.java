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
    /** The external body's outcome reached the organisation (Klimkoord follows Klachtenportaal Zorg's 6 weeks). */
    EXTERNAL_OUTCOME_RECEIVED,
    SOLUTION_COMMUNICATED,
    DECIDED,
    DECLARED_NOT_ADMISSIBLE,
    RESOLVED_INFORMALLY,
    REPORT_RECORDED,
    MANAGEMENT_INFORMED,
    /** A check the regulation asks of the handler is done (e.g. the one-year limit of Klachtenportaal Zorg). */
    CHECK_CONFIRMED,
    /** A term stands still while the handler waits for the complainant or a third party. */
    TERM_SUSPENDED,
    TERM_RESUMED,
    /** A duty the rules made is deliberately not carried out, by a person, with a reason. */
    DUTY_SET_ASIDE,
    /**
     * A measure the decision promised is realised, with a short account (Wkkgz art. 17 lid 1: the decision names the
     * measures and the term in which they will be realised). The one step a closed case still takes: a measure is
     * followed up after the complaint itself is settled.
     */
    MEASURE_REALISED,
    CLOSED;

    /** Events that end the handling at the current level (a decision or its equivalent). */
    boolean isConclusion() {
        return this == DECIDED || this == DECLARED_NOT_ADMISSIBLE || this == RESOLVED_INFORMALLY;
    }

    /** Events that name the duties they are about ({@link NewEvent#codes()}). */
    boolean namesDuties() {
        return this == DUTY_SET_ASIDE || this == CHECK_CONFIRMED || this == TERM_SUSPENDED || this == TERM_RESUMED;
    }
}
