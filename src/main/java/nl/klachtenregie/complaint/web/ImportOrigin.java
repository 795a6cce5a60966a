package nl.klachtenregie.complaint.web;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.klachtenregie.complaint.HistoricImport;

/** Herkomst van een ingelezen dossier, as the case page shows it: "ingelezen uit <bestand> op <datum>". */
record ImportOrigin(String fileName, LocalDate on, String externalReference) {

    static ImportOrigin of(HistoricImport.Origin o) {
        return new ImportOrigin(o.fileName(), o.importedAt().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate(),
                o.externalReference());
    }
}
