package nl.klachtenregie.letter;

/** A letter template cannot be used: it breaks the file format, does not compile, or gives malformed XHTML. */
class LetterTemplateException extends RuntimeException {
    LetterTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
