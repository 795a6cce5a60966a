package nl.klachtenregie.complaint;

/** Kanaal: hoe de klacht binnenkwam. */
public enum Channel { LETTER, EMAIL, WEB_FORM, PHONE, IN_PERSON }
