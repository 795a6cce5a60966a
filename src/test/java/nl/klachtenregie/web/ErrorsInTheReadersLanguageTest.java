package nl.klachtenregie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.shared.Text;
import org.junit.jupiter.api.Test;

/**
 * A feature's error is a message key, not a Dutch literal: the Dutch reader gets today's words, the English reader
 * the English ones, and the log (the exception's message) stays Dutch.
 */
class ErrorsInTheReadersLanguageTest {

    private static Locale page(String lang) {
        return Messages.supported(lang);
    }

    @Test
    void aMissingReportIsNamedInDutchAndInEnglish() {
        NotFoundException e = new NotFoundException(Text.of("error.report.unknown", "JAARVERSLAG"));
        assertEquals("Het reglement vraagt geen rapportage 'JAARVERSLAG'.", e.getMessage());
        assertEquals("Het reglement vraagt geen rapportage 'JAARVERSLAG'.",
                ApiExceptionHandlers.message(page("nl"), e));
        assertEquals("The regulation asks for no report 'JAARVERSLAG'.", ApiExceptionHandlers.message(page("en"), e));
    }

    @Test
    void aReservedActivationQuotesWhoMayInEitherLanguage() {
        ForbiddenException e = new ForbiddenException(Text.of("error.regulation.reserved.vaststellen",
                "directeur-bestuurder"));
        assertEquals("Alleen directeur-bestuurder mag bij deze organisatie een reglementversie vaststellen.",
                ApiExceptionHandlers.message(page("nl"), e));
        assertEquals("Only directeur-bestuurder may adopt a regulation version in this organisation.",
                ApiExceptionHandlers.message(page("en"), e));
    }

    @Test
    void anErrorWithoutAKeyKeepsItsOwnWords() {
        ConflictException e = new ConflictException("Iemand anders was u voor.");
        assertEquals("Iemand anders was u voor.", ApiExceptionHandlers.message(page("en"), e));
    }

    @Test
    void everyErrorKeyHasBothLanguages() {
        Messages messages = new Messages();
        for (String key : java.util.List.of("error.tenant.notYours", "error.profile.savedByOther",
                "error.regulation.draftChanged", "error.archive.slugTaken")) {
            String nl = messages.get(Messages.DUTCH, key, "x");
            String en = messages.get(Locale.ENGLISH, key, "x");
            assertEquals(false, nl.equals(key), key);
            assertEquals(false, en.equals(nl), key + " has no English text");
        }
    }

    @Test
    void aRefusalGivesItsReasonsInTheReadersLanguageAndATenantsOwnWordsAsTheyAre() {
        RefusedException e = RefusedException.because(java.util.List.of(
                Text.of("error.report.unknown", "JAARVERSLAG"), Text.plain("Eigen regel: niet op zondag.")));
        assertEquals("Het reglement vraagt geen rapportage 'JAARVERSLAG'. Eigen regel: niet op zondag.", e.getMessage());
        assertEquals(java.util.List.of("Het reglement vraagt geen rapportage 'JAARVERSLAG'.",
                "Eigen regel: niet op zondag."), e.reasons());
        assertEquals(java.util.List.of("The regulation asks for no report 'JAARVERSLAG'.",
                "Eigen regel: niet op zondag."), e.reasons(page("en")));
        assertEquals("The regulation asks for no report 'JAARVERSLAG'. Eigen regel: niet op zondag.",
                ApiExceptionHandlers.message(page("en"), e));
    }

    @Test
    void aRefusalInWordsKeepsItsWordsEverywhere() {
        RefusedException e = new RefusedException("Iets mag niet.");
        assertEquals(java.util.List.of("Iets mag niet."), e.reasons(page("en")));
        assertEquals("Iets mag niet.", ApiExceptionHandlers.message(page("nl"), e));
    }

    @Test
    void aFieldErrorIsShownInTheReadersLanguageAndLoggedInDutch() {
        InvalidInputException e = InvalidInputException.of("report", Text.of("error.report.unknown", "X"));
        assertEquals("Ongeldige invoer: report: Het reglement vraagt geen rapportage 'X'.", e.getMessage());
        assertEquals(java.util.Map.of("report", "Het reglement vraagt geen rapportage 'X'."), e.fieldErrors());
        assertEquals(java.util.Map.of("report", "The regulation asks for no report 'X'."),
                e.fieldErrors(page("en")));
        assertEquals("Invalid input: report: The regulation asks for no report 'X'.",
                ApiExceptionHandlers.message(page("en"), e));
        assertEquals(e.getMessage(), ApiExceptionHandlers.message(page("nl"), e));
    }

    @Test
    void fieldErrorsInWordsKeepTheirOrderAndWords() {
        java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("b", "tweede");
        typed.put("a", "eerste");
        InvalidInputException e = new InvalidInputException(typed);
        assertEquals("Ongeldige invoer: b: tweede; a: eerste", e.getMessage());
        assertEquals(typed, e.fieldErrors(page("en")));
    }

    /** Keys whose text is only punctuation around their arguments, the same in Dutch and English. */
    private static final java.util.Set<String> SAME_IN_BOTH = java.util.Set.of(Text.PLAIN, "policy.closing.open");

    /** Every key the code names in a {@code Text.of("...")} or a policy's refusal has a Dutch and an English text. */
    @Test
    void everyKeyTheCodeNamesHasBothLanguages() throws java.io.IOException {
        java.util.regex.Pattern named = java.util.regex.Pattern.compile(
                "(?:Text\\.of|CasePolicy\\.refused)\\(\\s*\"([a-zA-Z][\\w.]*)\"");
        Messages messages = new Messages();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        int found = 0;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = named.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    found++;
                    String key = m.group(1);
                    if (key.endsWith(".")) {
                        continue; // a key completed at run time (a role, a unit)
                    }
                    Object[] args = {"x", "y", "z"};
                    if (messages.get(Messages.DUTCH, key, args).equals(key)
                            || messages.get(Locale.ENGLISH, key, args).equals(messages.get(Messages.DUTCH, key, args))
                            && !SAME_IN_BOTH.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertEquals(true, found > 50, "found only " + found);
        assertEquals(java.util.Set.of(), missing, "keys without a Dutch text or without an English one");
    }
}
