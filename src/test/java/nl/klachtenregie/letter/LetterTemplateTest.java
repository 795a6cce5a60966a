package nl.klachtenregie.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The template file format: comment, subject line, body; no unescaped output. */
class LetterTemplateTest {

    @Test
    void theSubjectLineFollowsTheHeaderComment() {
        LetterTemplate t = LetterTemplate.parse("{{!--\n  uitleg {{{x}}}\n--}}\nOnderwerp: Uw klacht {{case.reference}}\n"
                + "<p>Tekst</p>\n");
        assertEquals("Uw klacht {{case.reference}}", t.subject());
        assertTrue(t.body().startsWith("{{!--"), "the comment stays with the body for whoever edits it next");
        assertTrue(t.body().endsWith("<p>Tekst</p>\n"));
    }

    @Test
    void aTemplateWithoutSubjectLineIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LetterTemplate.parse("<p>Geachte heer, mevrouw,</p>"));
        assertTrue(e.getMessage().contains("Onderwerp:"), e::getMessage);
    }

    @Test
    void unescapedOutputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LetterTemplate.parse("Onderwerp: x\n<p>{{{case.summary}}}</p>"));
        assertThrows(IllegalArgumentException.class,
                () -> LetterTemplate.parse("Onderwerp: x\n<p>{{& case.summary}}</p>"));
        assertThrows(IllegalArgumentException.class,
                () -> LetterTemplate.parse("Onderwerp: {{{complainant.name}}}\n<p>x</p>"));
    }
}
