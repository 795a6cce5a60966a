package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import nl.klachtenregie.support.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The case page's Notities: a handler adds a note (an empty one is refused with the message, the case shown again);
 * the kwaliteitsmanager reads notes and documents but gets no forms.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDossierPagesTest extends PageTestSupport {

    @Test
    void aHandlerAddsANoteAndTheQualityManagerReadsItWithoutForms() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        String path = "/t/iederzijnwerk/klachten/" + id;
        PageSession handler = loggedInAs("iederzijnwerk.medewerker");
        Page before = handler.get(path);
        assertEquals(200, before.status());
        assertTrue(before.contains("id=\"note-form\"") && before.contains("id=\"document-form\""));

        Page empty = handler.post(path + "/notities", Map.of("text", "  "));
        assertEquals(400, empty.status());
        assertTrue(empty.contains("schrijf een notitie"), "the field's message");
        assertTrue(empty.contains("id=\"note-form\""), "the case is shown again");

        Page added = handler.post(path + "/notities", Map.of("text", "Klager wil graag teruggebeld worden.",
                "explainsLateness", "true"));
        assertEquals(303, added.status());
        assertTrue(added.location().endsWith(path + "#notes"), added.location());
        Page after = handler.get(path);
        assertTrue(after.contains("Klager wil graag teruggebeld worden."));
        assertTrue(after.contains("data-explains-lateness=\"true\""));

        PageSession quality = loggedInAs("iederzijnwerk.kwaliteit");
        Page read = quality.get(path);
        assertEquals(200, read.status());
        assertTrue(read.contains("Klager wil graag teruggebeld worden."));
        assertFalse(read.contains("id=\"note-form\""), "COMPLIANCE reads, does not write");
        assertFalse(read.contains("id=\"document-form\""));
        Page refused = quality.post(path + "/notities", Map.of("text", "mag niet"));
        assertTrue(refused.status() == 403 || refused.status() == 404, "status " + refused.status());
    }
}
