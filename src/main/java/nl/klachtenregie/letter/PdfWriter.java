package nl.klachtenregie.letter;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XHTML to PDF with openhtmltopdf. Offline by construction: the document is parsed here without DTDs or external
 * entities, and the renderer may not fetch anything (images, style sheets, fonts by URL). Text is set in the PDF
 * standard fonts (Helvetica); a glyph those lack (names such as "Łukasz" or "Şahin") falls back to Liberation
 * Sans, which PDFBox carries on the classpath.
 */
final class PdfWriter {

    /** The XHTML is not well-formed; the message says where. */
    static final class MalformedLetterException extends RuntimeException {
        MalformedLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PdfWriter.class);
    static final String FALLBACK_FAMILY = "fallback-sans";
    private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final DocumentBuilderFactory factory;
    private final URL fallbackFont;

    PdfWriter() {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be secured", e);
        }
        fallbackFont = PdfWriter.class.getResource(FALLBACK_FONT);
    }

    /** Parses the XHTML (refusing DTDs and entities), so that only well-formed, self-contained input is rendered. */
    Document parse(String xhtml) {
        try {
            DocumentBuilder builder;
            // a factory is not guaranteed to be thread-safe; the builder it makes is used by this call only
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            // the default handler prints parse errors to stderr; the exception carries them anyway
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new MalformedLetterException(e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(String xhtml, String title) {
        Document document = parse(xhtml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(document, "about:blank");
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        if (fallbackFont != null) {
            builder.useFont(PdfWriter::fallbackFontStream, FALLBACK_FAMILY);
        }
        builder.withProducer("Klachtenregie");
        // the renderer's own logging goes to stderr at INFO; ours says only what needs attention
        builder.withDiagnosticConsumer(PdfWriter::log);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF of '" + title + "' failed", e);
        }
        return out.toByteArray();
    }

    private static void log(Diagnostic d) {
        if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
            LOG.warn("PDF: {}", d.getFormattedMessage(), d.getError());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("PDF: {}", d.getFormattedMessage());
        }
    }

    private static InputStream fallbackFontStream() {
        InputStream in = PdfWriter.class.getResourceAsStream(FALLBACK_FONT);
        if (in == null) {
            throw new IllegalStateException("font " + FALLBACK_FONT + " vanished from the classpath");
        }
        return in;
    }
}
