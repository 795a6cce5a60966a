package nl.klachtenregie.letter;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.Text;

/**
 * Briefsjabloon: the Handlebars source of a letter's subject (plain text) and body (an XHTML fragment).
 *
 * <p>File format ({@code letters/<kind>.hbs}, {@code tenants/<slug>/letters/<kind>.hbs}): an optional leading
 * comment {@code {{!-- … --}}}, then a line {@code Onderwerp: <subject>}, then the body. The comment stays in the
 * body (Handlebars renders nothing for it), so whoever edits the stored template later still reads it.
 */
record LetterTemplate(String subject, String body) {

    private static final Pattern LEADING_COMMENT = Pattern.compile("\\A\\s*\\{\\{!--.*?--}}", Pattern.DOTALL);
    private static final Pattern SUBJECT_LINE = Pattern.compile("\\A\\s*Onderwerp:[ \\t]*([^\\r\\n]*)\\r?\\n?");
    // Everything in a letter is data, much of it typed by the complainant: unescaped output would let that text
    // become markup. The layout is ours and the only place that inserts raw (already rendered) XHTML.
    // {{{x}}}, {{& x}} and a change of delimiters ({{=<% %>=}}, after which <%{x}%> is raw) would all write
    // unescaped text into the letter.
    private static final Pattern RAW_OUTPUT = Pattern.compile("\\{\\{~?\\{|\\{\\{~?\\s*[&=]");
    private static final Pattern COMMENT = Pattern.compile("\\{\\{!--.*?--}}|\\{\\{![^}]*}}", Pattern.DOTALL);

    LetterTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (subject.isBlank()) {
            throw new Invalid(Text.of("letter.template.noSubject"));
        }
        if (subject.length() > 500) {
            throw new Invalid(Text.of("letter.template.subjectTooLong", "500"));
        }
        Text nesting = nesting(COMMENT.matcher(subject + "\n" + body).replaceAll(""));
        if (nesting != null) {
            throw new Invalid(nesting);
        }
        if (rawOutput(subject) || rawOutput(body)) {
            throw new Invalid(Text.of("letter.template.rawOutput", "{{{ }}}", "{{& }}", "{{= =}}", "{{ }}"));
        }
    }

    /** Blocks inside blocks at most; the defaults need three. */
    static final int MAX_BLOCK_DEPTH = 5;
    /** Loops inside loops at most: each one multiplies the work of those inside it. */
    static final int MAX_EACH_DEPTH = 2;
    private static final Pattern BLOCK = Pattern.compile("\\{\\{~?\\s*([#^/])\\s*(\\w*)");

    /** Why the blocks nest too deep, or null: a preview of 20 nested loops would run for ever. */
    private static Text nesting(String source) {
        java.util.Deque<Boolean> open = new java.util.ArrayDeque<>();
        int eaches = 0;
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            if (m.group(1).equals("/")) {
                if (!open.isEmpty() && open.pop()) {
                    eaches--;
                }
                continue;
            }
            boolean each = "each".equals(m.group(2));
            open.push(each);
            eaches += each ? 1 : 0;
            if (open.size() > MAX_BLOCK_DEPTH) {
                return Text.of("letter.template.blockDepth", String.valueOf(MAX_BLOCK_DEPTH), "{{#...}}");
            }
            if (eaches > MAX_EACH_DEPTH) {
                return Text.of("letter.template.eachDepth", String.valueOf(MAX_EACH_DEPTH), "{{#each}}");
            }
        }
        return null;
    }

    private static boolean rawOutput(String source) {
        return RAW_OUTPUT.matcher(COMMENT.matcher(source).replaceAll("")).find();
    }

    /** Reads the file format described above. */
    static LetterTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        String comment = "";
        String rest = text;
        Matcher c = LEADING_COMMENT.matcher(text);
        if (c.find()) {
            comment = c.group();
            rest = text.substring(c.end());
        }
        Matcher s = SUBJECT_LINE.matcher(rest);
        if (!s.find()) {
            throw new Invalid(Text.of("letter.template.subjectLine"));
        }
        String body = rest.substring(s.end());
        return new LetterTemplate(s.group(1).strip(), comment.isEmpty() ? body : comment.strip() + "\n" + body);
    }

    /**
     * The template breaks a rule of its own: an {@link IllegalArgumentException} whose message is Dutch (for the log
     * and for callers without a language) and whose {@link Text} the page shows in the reader's language.
     */
    static final class Invalid extends IllegalArgumentException implements Text.Carrier {
        private final transient Text text;

        Invalid(Text text) {
            super(text.dutch());
            this.text = text;
        }

        @Override
        public Text text() {
            return text;
        }
    }
}
