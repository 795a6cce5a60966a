package nl.klachtenregie.complaint;

/** Rol van de klager: klant, vertegenwoordiger, nabestaande of anders. */
public enum ComplainantRole { CLIENT, REPRESENTATIVE, NEXT_OF_KIN, OTHER }
