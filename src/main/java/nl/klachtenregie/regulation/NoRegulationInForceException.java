package nl.klachtenregie.regulation;

import java.time.LocalDate;

/** Geen reglement van kracht: the tenant had no regulation version in force on that day. */
public class NoRegulationInForceException extends RuntimeException {
    public NoRegulationInForceException(String tenant, LocalDate day) {
        super("Op " + day + " gold bij '" + tenant + "' nog geen klachtenreglement; een klacht van die datum kan "
                + "niet onder een reglement worden behandeld");
    }
}
