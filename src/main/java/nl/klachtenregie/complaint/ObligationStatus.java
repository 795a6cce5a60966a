package nl.klachtenregie.complaint;

/** Status van een verplichting op een peildatum. */
public enum ObligationStatus { OPEN, MET, OVERDUE, MET_LATE, WAIVED }
