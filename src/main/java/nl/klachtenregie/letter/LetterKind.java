package nl.klachtenregie.letter;

/**
 * Soort brief: ontvangstbevestiging, voortgangsbericht, verlengingsbericht, beslissing op de klacht, bericht van
 * niet-ontvankelijkheid.
 */
public enum LetterKind {
    ACKNOWLEDGEMENT("ontvangstbevestiging"),
    PROGRESS("voortgangsbericht"),
    EXTENSION("verlengingsbericht"),
    DECISION("beslissing"),
    NOT_ADMISSIBLE("niet-ontvankelijk");

    private final String fileWord;

    LetterKind(String fileWord) {
        this.fileWord = fileWord;
    }

    /** The Dutch word in the PDF's file name, which the complainant may see. */
    String fileWord() {
        return fileWord;
    }

    /** The template's file name: {@code acknowledgement.hbs}, …, {@code not-admissible.hbs}. */
    String templateFile() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".hbs";
    }

    /** The kind whose template file has this name, or null. */
    static LetterKind ofTemplateFile(String fileName) {
        for (LetterKind k : values()) {
            if (k.templateFile().equals(fileName)) {
                return k;
            }
        }
        return null;
    }
}
