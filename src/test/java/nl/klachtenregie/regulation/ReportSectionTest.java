package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report sections the seed regulations list in their own words are recognised as what the product fills in,
 * so their reports have figures without editing an active version; a written code decides; anything else is the
 * organisation's own text and never stops an evaluation.
 */
class ReportSectionTest {

    @Test
    void everySectionTheSeedRegulationsListIsRecognised() {
        Map<String, ReportSection> seeds = Map.ofEntries(
                // IederZijnWerk, "Jaarlijks wordt een rapportage opgesteld voor de directie"
                Map.entry("het totaal aantal ingediende klachten", ReportSection.TOTALS),
                Map.entry("het aantal ingediende klachten dat niet binnen de gestelde termijn van 6 weken is "
                        + "afgehandeld, met toelichting", ReportSection.LATE),
                Map.entry("de ingediende, maar niet behandelde klachten, met toelichting", ReportSection.NOT_HANDLED),
                Map.entry("een overzicht van de klanttevredenheid met betrekking tot de afhandeling van de klachten",
                        ReportSection.SATISFACTION),
                // Impuls, "Wat Impuls doet met klachten"
                Map.entry("aantekeningen van opgeloste opmerkingen van klanten", ReportSection.INFORMAL_NOTES),
                Map.entry("verslagen van de binnen het team intern opgeloste klachten",
                        ReportSection.INTERNALLY_RESOLVED),
                Map.entry("conclusies", ReportSection.CONCLUSIONS),
                Map.entry("structurele verbetervoorstellen", ReportSection.IMPROVEMENT_PROPOSALS),
                Map.entry("afgeronde klachtenprocedures van het afgelopen halfjaar (intern en extern opgelost)",
                        ReportSection.CLOSED_PROCEDURES),
                // Klimkoord 6.3 Evaluatie
                Map.entry("de geregistreerde gevallen van onvrede en ingediende formele klachten",
                        ReportSection.REGISTER),
                Map.entry("de aard en de inhoud van ingediende klachten", ReportSection.NATURE),
                Map.entry("de wijze van behandeling", ReportSection.HANDLING),
                Map.entry("beslissingen", ReportSection.DECISIONS),
                Map.entry("een advies over mogelijke knelpunten", ReportSection.BOTTLENECKS),
                // Procedure 6.5, steps 6 and 7
                Map.entry("door de directeur genomen correctieve maatregelen", ReportSection.CORRECTIVE_MEASURES),
                Map.entry("door de directeur genomen preventieve maatregelen", ReportSection.PREVENTIVE_MEASURES),
                Map.entry("effectiviteit van de maatregelen", ReportSection.EFFECTIVENESS),
                Map.entry("klachten in het Totaaloverzicht, tab 'Klachten'", ReportSection.REGISTER),
                Map.entry("trends", ReportSection.TRENDS),
                Map.entry("passende maatregelen om herhaling van problemen/klachten te voorkomen",
                        ReportSection.IMPROVEMENT_PROPOSALS),
                Map.entry("doeltreffendheid van de gekozen oplossingen", ReportSection.EFFECTIVENESS));
        seeds.forEach((words, expected) -> {
            ReportSection.Part part = ReportSection.parse(words);
            assertEquals(Optional.of(expected), part.section(), words);
            assertEquals(words, part.words());
            assertTrue(part.inferred(), words);
        });
    }

    @Test
    void aWrittenCodeDecidesAndIsNotPartOfTheWords() {
        ReportSection.Part part = ReportSection.parse("KPIS: de kengetallen van het jaar");
        assertEquals(Optional.of(ReportSection.KPIS), part.section());
        assertEquals("de kengetallen van het jaar", part.words());
        assertFalse(part.inferred());
    }

    @Test
    void anUnknownCodeOrUnrecognisedWordsAreTheOrganisationsOwnTextAndNeverAnError() {
        ReportSection.Part note = ReportSection.parse("NB: het woord van de voorzitter");
        assertEquals(Optional.empty(), note.section());
        assertEquals("NB: het woord van de voorzitter", note.words());
        assertEquals(Optional.empty(), ReportSection.parse("een woord vooraf").section());
        assertEquals(Optional.empty(), ReportSection.parse(null).section());
    }
}
