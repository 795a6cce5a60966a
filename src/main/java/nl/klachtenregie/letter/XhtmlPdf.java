package nl.klachtenregie.letter;

/**
 * PDF uit XHTML: the letters' renderer offered to other features (the reports), with the same guarantees: only
 * well-formed, self-contained XHTML (no DTDs, entities or fetched resources), text in Helvetica with Liberation
 * Sans as the fallback for glyphs Helvetica lacks (write {@code font-family: Helvetica, fallback-sans}).
 */
public final class XhtmlPdf {

    /** The font family name of the fallback font, for style sheets. */
    public static final String FALLBACK_FAMILY = PdfWriter.FALLBACK_FAMILY;

    private static final PdfWriter WRITER = new PdfWriter();

    private XhtmlPdf() {
    }

    /**
     * Renders the XHTML.
     *
     * @param title names the document in an error message
     * @throws IllegalArgumentException when the XHTML is not well-formed (a programming error of the caller)
     */
    public static byte[] render(String xhtml, String title) {
        try {
            return WRITER.pdf(xhtml, title);
        } catch (PdfWriter.MalformedLetterException e) {
            throw new IllegalArgumentException("XHTML of '" + title + "' is not well-formed: " + e.getMessage(), e);
        }
    }
}
