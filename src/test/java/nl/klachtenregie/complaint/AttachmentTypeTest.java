package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The allowlist is checked by content, and file names cannot reach outside their place. */
class AttachmentTypeTest {

    @Test
    void everyAllowedTypeIsRecognisedByItsContent() {
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.detect(DocumentSamples.pdf()));
        assertEquals(Optional.of(AttachmentType.PNG), AttachmentType.detect(DocumentSamples.png()));
        assertEquals(Optional.of(AttachmentType.JPEG), AttachmentType.detect(DocumentSamples.jpeg()));
        assertEquals(Optional.of(AttachmentType.DOCX), AttachmentType.detect(DocumentSamples.docx()));
        assertEquals(Optional.of(AttachmentType.ODT), AttachmentType.detect(DocumentSamples.odt()));
        assertEquals(Optional.of(AttachmentType.EML), AttachmentType.detect(DocumentSamples.eml()));
        assertEquals(Optional.of(AttachmentType.MSG), AttachmentType.detect(DocumentSamples.msg()));
        assertEquals(Optional.of(AttachmentType.TXT), AttachmentType.detect(DocumentSamples.txt()));
    }

    @Test
    void programsOtherZipsAndBinaryDataAreNotAllowed() {
        assertTrue(AttachmentType.detect(DocumentSamples.exe()).isEmpty());
        assertTrue(AttachmentType.detect(DocumentSamples.xlsx()).isEmpty(), "a spreadsheet is a zip, not a DOCX");
        assertTrue(AttachmentType.detect(new byte[] {'a', 0, 'b'}).isEmpty(), "text with a NUL");
        assertTrue(AttachmentType.detect(new byte[] {(byte) 0xC3, (byte) 0x28}).isEmpty(), "invalid UTF-8");
        assertTrue(AttachmentType.detect("<html><script>x</script>".getBytes(StandardCharsets.UTF_8))
                .map(t -> t == AttachmentType.TXT).orElse(false), "HTML is text, served as text/plain and nosniff");
    }

    @Test
    void fileNamesLoseTheirPathControlAndReservedCharacters() {
        assertEquals("x.pdf", FileNames.sanitise("../../x.pdf"));
        assertEquals("x.pdf", FileNames.sanitise("C:\\Users\\a\\..\\x.pdf"));
        assertEquals("brief klager.pdf", FileNames.sanitise("brief\u0000\n klager<>|?*.pdf"));
        assertEquals("document", FileNames.sanitise("../../"));
        assertEquals("document", FileNames.sanitise("..."));
        assertEquals("verslag.docx", FileNames.sanitise(".verslag.docx"));
        String longName = "a".repeat(300) + ".pdf";
        String cut = FileNames.sanitise(longName);
        assertEquals(FileNames.MAX_LENGTH, cut.length());
        assertTrue(cut.endsWith(".pdf"));
    }
}
