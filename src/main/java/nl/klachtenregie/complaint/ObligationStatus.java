package nl.klachtenregie.complaint;

/**
 * Status van een verplichting op een peildatum. {@code SET_ASIDE}: deliberately not carried out, by a person with a
 * reason (counted as not met on time); {@code SUSPENDED}: the term stands still (opgeschort).
 */
public enum ObligationStatus { OPEN, MET, OVERDUE, MET_LATE, WAIVED, SET_ASIDE, SUSPENDED }
