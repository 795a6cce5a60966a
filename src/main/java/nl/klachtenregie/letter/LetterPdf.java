package nl.klachtenregie.letter;

import java.util.Objects;

/** Brief als PDF: the file name to offer (e.g. {@code IEDE-2026-0001-ontvangstbevestiging.pdf}) and its bytes. */
public record LetterPdf(String fileName, byte[] content) {
    public LetterPdf {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }
}
