package nl.klachtenregie.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Letters say what the case and the tenant's regulation say, from the tenant's template or the default one. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterServiceTest extends ApiTestSupport {

    @Inject
    LetterService letters;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    UserDirectory users;
    @Inject
    LetterStore store;

    @Test
    void aTemplateThatWouldRunAwayIsRefusedBeforeItRuns() {
        Tenant impuls = tenants.resolve("impuls");
        String loops = "{{#each obligations}}{{#each obligations}}{{#each obligations}}x{{/each}}{{/each}}{{/each}}";
        RefusedException nested = assertThrows(RefusedException.class,
                () -> letters.preview(impuls, LetterKind.ACKNOWLEDGEMENT, "Onderwerp", "<p>" + loops + "</p>"));
        assertTrue(String.join(" ", nested.reasons()).contains("herhalingen"), nested.reasons().toString());

        // Within the nesting limits, but writing far more than any letter: stopped at the output bound.
        String big = "x".repeat(95_000);
        String twoLoops = "{{#each ladder}}{{#each obligations}}" + big + "{{/each}}{{/each}}";
        Tenant izw = tenants.resolve("iederzijnwerk");
        assertTrue(izw.profile().escalationLadder().size() * 3 * big.length() > 1_000_000, "the sample writes enough");
        RefusedException tooLong = assertThrows(RefusedException.class,
                () -> letters.preview(izw, LetterKind.ACKNOWLEDGEMENT, "Onderwerp", "<p>" + twoLoops + "</p>"));
        assertTrue(String.join(" ", tooLong.reasons()).contains("langer dan"), tooLong.reasons().toString());
    }

    @Test
    void aLetterOnAVersionOneCaseNamesTheDirectorOfVersionOne() {
        // Impuls version 1 is addressed to "de directeur mevrouw J. Hartman"; the profile now names mevrouw A. Ten Dam.
        ComplaintId id = newCase("impuls", complaint("FORMAL", "LETTER", "2024-09-02"));
        LetterSummary letter = letters.issue(tenant("impuls"), id, LetterKind.ACKNOWLEDGEMENT, user("impuls.medewerker"));
        String text = pdfText("impuls", id, letter);
        assertContains(text, "3. de directeur (mevrouw J. Hartman)");
        assertFalse(text.contains("Ten Dam"), text);
    }

    @Test
    void acknowledgementNamesTheProcedureAndTheExternalBodysAddress() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        complainant(body).put("address", "Dorpsstraat 1, 1234 AB");
        complainant(body).put("place", "Oldenzaal");
        ComplaintId id = newCase("impuls", body);

        LetterSummary letter = letters.issue(tenant("impuls"), id, LetterKind.ACKNOWLEDGEMENT, user("impuls.medewerker"));

        assertEquals(LetterKind.ACKNOWLEDGEMENT, letter.kind());
        assertEquals(LocalDate.parse("2026-11-22"), letter.issuedOn(), "dated by the case-date clock");
        assertEquals("Mila Medewerker", letter.issuedBy());
        String reference = reference("impuls", id);
        assertEquals("Ontvangstbevestiging van uw klacht " + reference, letter.subject());
        String text = pdfText("impuls", id, letter);
        assertContains(text, "J. de Klager Dorpsstraat 1, 1234 AB Oldenzaal", "22 november 2026", reference,
                "Op 1 september 2026 hebben wij uw klacht ontvangen",
                // the procedure: the ladder of the regulation and its terms
                "1. de medewerker 2. de leidinggevende 3. de directeur (mevrouw A. Ten Dam)",
                "Uiterlijk op 15 september 2026 laten wij u schriftelijk weten hoe het met de behandeling",
                "Wij nemen uiterlijk op 13 oktober 2026 een besluit over uw klacht",
                // the external body the regulation names, with its address
                "Provinciale Klachtencommissie Welzijn, Maatschappelijke Dienstverlening Gelderland en Overijssel",
                "p/a Spectrum CMO, Postbus 8007, 6880 CA Velp",
                "Mila Medewerker", "Impuls, welzijn en Educatie", "Wilhelminastraat 5, 7571 CE Oldenzaal");
        assertEquals(List.of(letter), letters.ofCase(tenant("impuls"), id));
        LetterPdf pdf = letters.pdf(tenant("impuls"), id, letter.id()).orElseThrow();
        assertEquals(reference + "-ontvangstbevestiging.pdf", pdf.fileName());
    }

    @Test
    void decisionLetterStatesJudgementMeasuresAndDeadline() {
        ComplaintId id = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("impuls", id.value(), ev("ACKNOWLEDGED", "2026-09-02"));
        event("impuls", id.value(), ev("DECIDED", "2026-10-01", "judgement", "PARTLY_WELL_FOUNDED",
                "measures", "Wij passen het rooster van de begeleiding aan.", "measuresDueOn", "2026-12-01"));

        assertTrue(letters.available(tenant("impuls"), complaints.get(tenant("impuls"), nl.klachtenregie.complaint.Viewer.SYSTEM, id, null))
                .contains(LetterKind.DECISION));
        LetterSummary letter = letters.issue(tenant("impuls"), id, LetterKind.DECISION, user("impuls.leidinggevende"));

        assertEquals("Ons besluit over uw klacht " + reference("impuls", id), letter.subject());
        assertContains(pdfText("impuls", id, letter), "op 1 oktober 2026 een besluit genomen",
                "Wij vinden uw klacht deels gegrond",
                "Wij passen het rooster van de begeleiding aan. (uiterlijk op 1 december 2026 gerealiseerd)",
                "Bent u het niet eens met dit besluit?",
                "p/a Spectrum CMO, Postbus 8007, 6880 CA Velp", "Lars Leidinggevende");
        assertEquals(reference("impuls", id) + "-beslissing.pdf",
                letters.pdf(tenant("impuls"), id, letter.id()).orElseThrow().fileName());
    }

    /**
     * Wkkgz art. 17 lid 1: the complainant gets a written, reasoned decision naming the measures and the term of each;
     * the letter also says where to go next, with the committee's address and the term the regulation gives
     * (Impuls: "op elk moment").
     */
    @Test
    void theDecisionLetterGivesTheReasonsEachMeasureWithItsDateAndWhereToGoNext() {
        ComplaintId id = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("impuls", id.value(), ev("ACKNOWLEDGED", "2026-09-02"));
        event("impuls", id.value(), ev("DECIDED", "2026-10-01", "judgement", "WELL_FOUNDED",
                "motivation", "Uit het gesprek met u en met de begeleider blijkt dat de afspraak twee keer zonder "
                        + "bericht is verzet.",
                "measures", List.of(Map.of("description", "Het team belt bij elke wijziging van een afspraak.",
                                "dueOn", "2026-11-02"),
                        Map.of("description", "De planning wordt maandelijks besproken in het teamoverleg.",
                                "dueOn", "2027-01-15")),
                "sentOn", "2026-10-02"));

        LetterSummary letter = letters.issue(tenant("impuls"), id, LetterKind.DECISION, user("impuls.leidinggevende"));

        assertContains(pdfText("impuls", id, letter), "Wij vinden uw klacht gegrond",
                "Waarom wij tot dit oordeel komen",
                "blijkt dat de afspraak twee keer zonder bericht is verzet.",
                "Het team belt bij elke wijziging van een afspraak. (uiterlijk op 2 november 2026 gerealiseerd)",
                "De planning wordt maandelijks besproken in het teamoverleg. (uiterlijk op 15 januari 2027 "
                        + "gerealiseerd)",
                "Provinciale Klachtencommissie Welzijn", "p/a Spectrum CMO, Postbus 8007, 6880 CA Velp",
                "Termijn: op elk moment");
    }

    @Test
    void judgementsAreWrittenInDutch() {
        ComplaintId wellFounded = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("impuls", wellFounded.value(), ev("DECIDED", "2026-10-01", "judgement", "WELL_FOUNDED"));
        ComplaintId unfounded = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("impuls", unfounded.value(), ev("DECIDED", "2026-10-01", "judgement", "UNFOUNDED"));

        String gegrond = pdfText("impuls", wellFounded,
                letters.issue(tenant("impuls"), wellFounded, LetterKind.DECISION, user("impuls.medewerker")));
        String ongegrond = pdfText("impuls", unfounded,
                letters.issue(tenant("impuls"), unfounded, LetterKind.DECISION, user("impuls.medewerker")));

        assertContains(gegrond, "Wij vinden uw klacht gegrond.");
        assertContains(ongegrond, "Wij vinden uw klacht ongegrond.");
        assertFalse(gegrond.contains("Wat wij gaan doen"), "no measures, no measures paragraph");
    }

    @Test
    void decisionLetterIsRefusedBeforeADecision() {
        ComplaintId id = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));

        assertEquals(List.of(LetterKind.ACKNOWLEDGEMENT, LetterKind.PROGRESS),
                letters.available(tenant("impuls"), complaints.get(tenant("impuls"), nl.klachtenregie.complaint.Viewer.SYSTEM, id, null)));
        RefusedException refused = assertThrows(RefusedException.class, () ->
                letters.issue(tenant("impuls"), id, LetterKind.DECISION, user("impuls.medewerker")));
        assertTrue(refused.getMessage().contains("nog geen besluit"), refused::getMessage);
        assertThrows(RefusedException.class, () ->
                letters.issue(tenant("impuls"), id, LetterKind.EXTENSION, user("impuls.medewerker")));
        assertThrows(RefusedException.class, () ->
                letters.issue(tenant("impuls"), id, LetterKind.NOT_ADMISSIBLE, user("impuls.medewerker")));
        assertEquals(List.of(), letters.ofCase(tenant("impuls"), id), "nothing was stored");
    }

    @Test
    void aClosedCaseTakesNoAcknowledgementOrProgressLetter() {
        ComplaintId id = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("impuls", id.value(), ev("DECIDED", "2026-10-01", "judgement", "UNFOUNDED"));
        setAsideOpenDuties("impuls", id.value(), "2026-10-05");
        event("impuls", id.value(), ev("CLOSED", "2026-10-05"));

        assertEquals(List.of(LetterKind.DECISION),
                letters.available(tenant("impuls"), complaints.get(tenant("impuls"), nl.klachtenregie.complaint.Viewer.SYSTEM, id, null)));
        assertThrows(RefusedException.class, () ->
                letters.issue(tenant("impuls"), id, LetterKind.PROGRESS, user("impuls.medewerker")));
    }

    @Test
    void notAdmissibleLetterCarriesTheMotivation() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        body.put("serviceLine", "ARBEIDSCOACHING");
        ComplaintId id = newCase("iederzijnwerk", body);
        String motivation = "U krijgt begeleiding bij werk via IederZijnWerk Arbeidscoaching; daarvoor geldt een "
                + "eigen klachtenprocedure op www.iederzijnwerk.nl.";
        event("iederzijnwerk", id.value(), ev("DECLARED_NOT_ADMISSIBLE", "2026-09-10", "motivation", motivation));

        LetterSummary letter = letters.issue(tenant("iederzijnwerk"), id, LetterKind.NOT_ADMISSIBLE,
                user("iederzijnwerk.medewerker"));

        assertEquals("Uw klacht " + reference("iederzijnwerk", id) + " wordt niet in behandeling genomen",
                letter.subject());
        assertContains(pdfText("iederzijnwerk", id, letter),
                "Wij hebben op 10 september 2026 besloten uw klacht niet in behandeling te nemen", motivation,
                "Klachtenfunctionaris Klachtenportaal Zorg", "info@klachtenportaalzorg.nl");
        assertTrue(letters.pdf(tenant("iederzijnwerk"), id, letter.id()).orElseThrow().fileName()
                .endsWith("-niet-ontvankelijk.pdf"));
    }

    @Test
    void extensionLetterGivesTheNewDecisionDate() {
        // an extension is announced before the term runs out, and "today" is 22 November 2026
        ComplaintId id = newCase("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-20"));
        event("iederzijnwerk", id.value(), ev("ACKNOWLEDGED", "2026-10-22"));
        event("iederzijnwerk", id.value(), ev("EXTENSION_ANNOUNCED", "2026-11-20", "weeks", 4));

        LetterSummary letter = letters.issue(tenant("iederzijnwerk"), id, LetterKind.EXTENSION,
                user("iederzijnwerk.medewerker"));

        // 6 weeks after 20 October is 1 December; with 4 weeks more, 29 December
        assertContains(pdfText("iederzijnwerk", id, letter), "verlengen wij de termijn met 4 weken",
                "U ontvangt ons besluit over uw klacht nu uiterlijk op 29 december 2026");
        assertTrue(letter.subject().startsWith("Verlenging van de behandeltermijn"), letter::subject);
    }

    @Test
    void progressLetterListsWhatWasDoneAndWhatComesNext() {
        ComplaintId id = newCase("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("iederzijnwerk", id.value(), ev("ACKNOWLEDGED", "2026-09-03"));
        event("iederzijnwerk", id.value(), ev("MANAGEMENT_INFORMED", "2026-09-04"));
        event("iederzijnwerk", id.value(), ev("MEETING_HELD", "2026-09-15"));

        String text = pdfText("iederzijnwerk", id, letters.issue(tenant("iederzijnwerk"), id, LetterKind.PROGRESS,
                user("iederzijnwerk.medewerker")));

        assertContains(text, "3 september 2026: de ontvangst van uw klacht bevestigd",
                "15 september 2026: een gesprek met u gevoerd",
                "Wij nemen uiterlijk op 13 oktober 2026 een besluit over uw klacht");
        assertFalse(text.contains("4 september 2026"), "internal steps are not the complainant's business");
    }

    @Test
    void aTenantsOwnTemplateIsUsedAndTheDefaultOtherwise() {
        ComplaintId izw = newCase("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01"));
        LetterSummary own = letters.issue(tenant("iederzijnwerk"), izw, LetterKind.ACKNOWLEDGEMENT,
                user("iederzijnwerk.medewerker"));
        assertEquals("Ontvangstbevestiging en uitleg van de klachtenprocedure, klacht " + reference("iederzijnwerk", izw),
                own.subject());
        assertContains(pdfText("iederzijnwerk", izw, own),
                "geldt daarmee als officiële klacht", "uiterlijk op 13 oktober 2026 (zes weken na ontvangst)",
                "In totaal beoordelen wij uw klacht dus binnen tien weken",
                "1. de betrokken medewerker", "2. de coördinator of leidinggevende",
                "3. de directie van IederZijnWerk Ambulant",
                "binnen vijf werkdagen", "Klachtenfunctionaris Klachtenportaal Zorg", "info@klachtenportaalzorg.nl",
                "https://www.klachtenportaalzorg.nl", "0515 543623",
                "IederZijnWerk Ambulant, T.a.v. de directie, Nummer 15, 8775 XD Nijhuizum");
        // IederZijnWerk has no progress template of its own
        LetterSummary progress = letters.issue(tenant("iederzijnwerk"), izw, LetterKind.PROGRESS, null);
        assertEquals("Voortgang van de behandeling van uw klacht " + reference("iederzijnwerk", izw),
                progress.subject());
        assertEquals("", progress.issuedBy());

        ComplaintId klimkoord = newCase("klimkoord", complaint("INFORMAL", "WEB_FORM", "2026-09-01"));
        LetterSummary informal = letters.issue(tenant("klimkoord"), klimkoord, LetterKind.ACKNOWLEDGEMENT,
                user("klimkoord.medewerker"));
        assertEquals("Wij hebben uw melding ontvangen (" + reference("klimkoord", klimkoord) + ")", informal.subject());
        assertContains(pdfText("klimkoord", klimkoord, informal), "vertrouwelijk en serieus",
                "Uiterlijk op 15 september 2026 (binnen 14 dagen na ontvangst)",
                "Uiterlijk op 1 oktober 2026 (binnen 30 dagen na ontvangst)",
                "de leidinggevende of Zorgcoördinator",
                "Vermeld daar altijd dat Stichting Klimkoord de zorgaanbieder is");

        ComplaintId impuls = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        assertTrue(letters.issue(tenant("impuls"), impuls, LetterKind.ACKNOWLEDGEMENT, user("impuls.medewerker"))
                .subject().startsWith("Ontvangstbevestiging van uw klacht"));
    }

    @Test
    void theDatabaseTemplateCountsOnceStored() {
        // the file was imported at start-up: a second import leaves the stored one alone
        assertFalse(store.addTemplateIfAbsent(tenant("iederzijnwerk").id(), LetterKind.ACKNOWLEDGEMENT,
                LetterTemplate.parse("Onderwerp: anders\n<p>anders</p>")));
        // a template stored for a tenant without a file is used from then on
        assertTrue(store.addTemplateIfAbsent(tenant("kwaliteitsprocedure-6-5").id(), LetterKind.PROGRESS,
                LetterTemplate.parse("Onderwerp: Stand van zaken {{case.reference}}\n<p>Wij zijn ermee bezig, "
                        + "{{complainant.name}}.</p>")));
        ComplaintId id = newCase("kwaliteitsprocedure-6-5", complaint("FORMAL", "LETTER", "2026-09-01"));

        LetterSummary letter = letters.issue(tenant("kwaliteitsprocedure-6-5"), id, LetterKind.PROGRESS, null);

        assertEquals("Stand van zaken " + reference("kwaliteitsprocedure-6-5", id), letter.subject());
        assertContains(pdfText("kwaliteitsprocedure-6-5", id, letter), "Wij zijn ermee bezig, J. de Klager.");
    }

    @Test
    void aBrokenTemplateIsRefusedWithTheReasonAndStoresNothing() {
        store.addTemplateIfAbsent(tenant("kwaliteitsprocedure-6-5").id(), LetterKind.DECISION,
                LetterTemplate.parse("Onderwerp: Besluit\n<p>Geachte {{complainant.name}},<br></p>"));
        ComplaintId id = newCase("kwaliteitsprocedure-6-5", complaint("FORMAL", "LETTER", "2026-09-01"));
        event("kwaliteitsprocedure-6-5", id.value(), ev("DECIDED", "2026-10-01", "judgement", "UNFOUNDED"));

        RefusedException refused = assertThrows(RefusedException.class, () -> letters.issue(
                tenant("kwaliteitsprocedure-6-5"), id, LetterKind.DECISION, null));

        assertTrue(refused.getMessage().contains("geen goed gevormde XHTML"), refused::getMessage);
        assertEquals(List.of(), letters.ofCase(tenant("kwaliteitsprocedure-6-5"), id));
    }

    @Test
    void aLetterFetchesNothingFromTheNetwork() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + probe.getLocalPort();
            store.addTemplateIfAbsent(tenant("kwaliteitsprocedure-6-5").id(), LetterKind.ACKNOWLEDGEMENT,
                    LetterTemplate.parse("Onderwerp: Ontvangen\n<p style=\"background: url('" + url + "/bg.png')\">"
                            + "<img src=\"" + url + "/logo.png\" alt=\"logo\"/>Ontvangen.</p>"
                            + "<link rel=\"stylesheet\" href=\"" + url + "/style.css\"/>"));
            ComplaintId id = newCase("kwaliteitsprocedure-6-5", complaint("FORMAL", "LETTER", "2026-09-01"));

            LetterSummary letter = letters.issue(tenant("kwaliteitsprocedure-6-5"), id, LetterKind.ACKNOWLEDGEMENT,
                    null);

            assertContains(pdfText("kwaliteitsprocedure-6-5", id, letter), "Ontvangen.");
            probe.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, probe::accept, "the renderer tried to fetch something");
        }
    }

    @Test
    void complainantTextIsEscaped() {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-09-01");
        complainant(body).put("name", "Łukasz <b>Şahin</b> & \"Zoë\"");
        body.put("summary", "<script>alert('x')</script> De hulp & ondersteuning {{{case.reference}}} kwam niet.");
        ComplaintId id = newCase("impuls", body);

        LetterSummary letter = letters.issue(tenant("impuls"), id, LetterKind.ACKNOWLEDGEMENT, null);

        String html = store.html(tenant("impuls").id(), letter.id()).orElseThrow();
        assertFalse(html.contains("<script>"), "markup from the complainant stays text");
        assertFalse(html.contains("<b>Şahin</b>"));
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("&amp; &quot;Zoë&quot;"), html);
        // the PDF shows exactly what was typed, accents and all, and no template code ran from it
        assertContains(pdfText("impuls", id, letter), "Łukasz <b>Şahin</b> & \"Zoë\"",
                "<script>alert('x')</script> De hulp & ondersteuning {{{case.reference}}} kwam niet.");
    }

    @Test
    void lettersOfAnotherTenantAreNotFound() {
        ComplaintId impulsCase = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-01"));
        LetterSummary letter = letters.issue(tenant("impuls"), impulsCase, LetterKind.ACKNOWLEDGEMENT,
                user("impuls.medewerker"));
        ComplaintId otherImpulsCase = newCase("impuls", complaint("FORMAL", "LETTER", "2026-09-02"));

        assertTrue(letters.pdf(tenant("klimkoord"), impulsCase, letter.id()).isEmpty());
        assertEquals(List.of(), letters.ofCase(tenant("klimkoord"), impulsCase));
        assertThrows(NotFoundException.class, () ->
                letters.issue(tenant("klimkoord"), impulsCase, LetterKind.ACKNOWLEDGEMENT, null));
        assertTrue(letters.pdf(tenant("impuls"), otherImpulsCase, letter.id()).isEmpty(), "not that case's letter");
        assertThrows(IllegalArgumentException.class, () -> letters.issue(tenant("impuls"), impulsCase,
                LetterKind.PROGRESS, user("klimkoord.medewerker")), "another tenant's user signs nothing here");
    }

    private Tenant tenant(String slug) {
        return tenants.resolve(slug);
    }

    private UserId user(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private ComplaintId newCase(String tenant, Map<String, Object> body) {
        return new ComplaintId(((Number) createComplaint(tenant, body).get("id")).longValue());
    }

    private String reference(String tenant, ComplaintId id) {
        return complaints.get(tenant(tenant), nl.klachtenregie.complaint.Viewer.SYSTEM, id, null).reference();
    }

    private String pdfText(String tenant, ComplaintId id, LetterSummary letter) {
        byte[] pdf = letters.pdf(tenant(tenant), id, letter.id()).orElseThrow().content();
        return text(pdf);
    }

    /** The PDF's text with line breaks and runs of spaces as single spaces. */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // reading order as printed: bold runs and list numbers are drawn separately
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "missing '" + part + "' in:\n" + text);
        }
    }
}
