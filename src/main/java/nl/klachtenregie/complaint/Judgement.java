package nl.klachtenregie.complaint;

/** Oordeel: gegrond, deels gegrond, ongegrond. */
public enum Judgement { WELL_FOUNDED, PARTLY_WELL_FOUNDED, UNFOUNDED }
