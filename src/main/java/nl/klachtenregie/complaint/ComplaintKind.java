package nl.klachtenregie.complaint;

/** Soort klacht: formeel (schriftelijk, officieel) of informeel (uiting van onvrede). */
public enum ComplaintKind { FORMAL, INFORMAL }
