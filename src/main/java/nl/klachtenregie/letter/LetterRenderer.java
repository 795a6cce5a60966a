package nl.klachtenregie.letter;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import jakarta.inject.Singleton;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a letter: the subject as plain text, the body as an XHTML fragment, both from the tenant's template, and
 * the whole document from our layout ({@code letters/layout.hbs}: letterhead, addressee, date, subject, body).
 *
 * <p>Its own Handlebars instances, not the views': templates are tenant data, so they see only the model's maps
 * (no Java methods), cannot load partials, and every {@code {{value}}} is escaped for XML.
 */
@Singleton
class LetterRenderer {

    /** A rendered letter: its subject and the complete XHTML document. */
    record Rendered(String subject, String xhtml) {
    }

    private final Handlebars xhtml = new Handlebars(new NoPartials()).with(EscapingStrategy.HBS4)
            .infiniteLoops(false);
    private final Handlebars text = new Handlebars(new NoPartials()).with(EscapingStrategy.NOOP)
            .infiniteLoops(false);
    private final Template layout;
    private final Map<LetterKind, LetterTemplate> defaults = new EnumMap<>(LetterKind.class);
    private final PdfWriter pdf = new PdfWriter();

    LetterRenderer() {
        try {
            layout = xhtml.compileInline(resource("letters/layout.hbs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (LetterKind kind : LetterKind.values()) {
            String file = "letters/" + kind.templateFile();
            try {
                LetterTemplate template = LetterTemplate.parse(resource(file));
                check(template);
                defaults.put(kind, template);
            } catch (IllegalArgumentException | LetterTemplateException e) {
                throw new IllegalStateException("Default letter template " + file + ": " + e.getMessage(), e);
            }
        }
    }

    LetterTemplate defaultTemplate(LetterKind kind) {
        return defaults.get(kind);
    }

    /** Compiles subject and body, so that a syntax error shows when the template is stored, not when it is used. */
    void check(LetterTemplate template) {
        try {
            text.compileInline(template.subject());
            xhtml.compileInline(template.body());
        } catch (HandlebarsException e) {
            throw new LetterTemplateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #check}, with the error placed for the person who edits the template: which part (subject or
     * body), the line and column in it, and the parser's reason.
     *
     * @throws LetterTemplateException when subject or body does not compile
     */
    void checkForEditing(LetterTemplate template) {
        compile(text, template.subject(), "onderwerp");
        compile(xhtml, template.body(), "tekst");
    }

    private static void compile(Handlebars handlebars, String source, String part) {
        try {
            handlebars.compileInline(source);
        } catch (HandlebarsException e) {
            HandlebarsError error = e.getError();
            String message = error == null ? e.getMessage()
                    : "fout in de " + part + " op regel " + error.line + ", kolom " + error.column + ": "
                    + (error.reason == null ? e.getMessage() : dutch(error.reason.strip()));
            throw new LetterTemplateException(message, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser's words for what it met and wanted ("found: '<', expected: '}}'") in Dutch. */
    private static String dutch(String reason) {
        return reason.replace("found:", "gevonden:").replace("expected:", "verwacht:");
    }

    /** Letters are a few pages; a template that writes more than this is a mistake (or a loop over a loop). */
    static final int MAX_OUTPUT = 1_000_000;

    /** Thrown by the writer once a letter passes {@link #MAX_OUTPUT}. */
    static final class TooLong extends RuntimeException {
        static final String MESSAGE = "de brief wordt langer dan " + MAX_OUTPUT + " tekens: controleer de herhalingen"
                + " ({{#each}}) in het sjabloon";

        TooLong() {
            super(MESSAGE);
        }
    }

    private static String bounded(com.github.jknack.handlebars.Template template, Context context)
            throws IOException {
        StringBuilder out = new StringBuilder();
        template.apply(context, new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                if (out.length() + length > MAX_OUTPUT) {
                    throw new TooLong();
                }
                out.append(buffer, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return out.toString();
    }

    /**
     * Renders and checks that the result is well-formed XHTML.
     *
     * @throws LetterTemplateException when the template is broken
     */
    Rendered render(LetterTemplate template, Map<String, Object> model) {
        String subject;
        String body;
        try {
            subject = bounded(text.compileInline(template.subject()), context(model));
            body = bounded(xhtml.compileInline(template.body()), context(model));
        } catch (HandlebarsException e) {
            if (e.getCause() instanceof TooLong || e.getCause() instanceof IOException && e.getCause().getCause()
                    instanceof TooLong) {
                throw new LetterTemplateException(TooLong.MESSAGE, e);
            }
            throw new LetterTemplateException(e.getMessage(), e);
        } catch (TooLong e) {
            throw new LetterTemplateException(TooLong.MESSAGE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        subject = subject.replaceAll("\\s+", " ").strip();
        if (subject.length() > 500) {
            subject = subject.substring(0, 499) + "…";
        }
        Map<String, Object> page = new LinkedHashMap<>(model);
        page.put("subject", subject);
        page.put("body", new Handlebars.SafeString(body));
        String document;
        try {
            document = layout.apply(context(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            pdf.parse(document);
        } catch (PdfWriter.MalformedLetterException e) {
            throw new LetterTemplateException("de brief is geen goed gevormde XHTML: " + e.getMessage(), e);
        }
        return new Rendered(subject, document);
    }

    byte[] pdf(Rendered letter) {
        return pdf.pdf(letter.xhtml(), letter.subject());
    }

    private static Context context(Map<String, Object> model) {
        return Context.newBuilder(model).resolver(MapValueResolver.INSTANCE).build();
    }

    private static String resource(String path) {
        try (InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Letters are one template each: a partial would reach into the classpath, so none can be loaded. */
    private static final class NoPartials extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            throw new FileNotFoundException("letter templates cannot include other templates ('" + location + "')");
        }
    }
}
