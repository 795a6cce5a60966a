package nl.klachtenregie.complaint;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of every allowed type (and some that are not), made in the test rather than kept as binaries. */
public final class DocumentSamples {

    private DocumentSamples() {
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        byte[] b = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    public static byte[] jpeg() {
        byte[] b = new byte[48];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    public static byte[] docx() {
        return zip(new String[][] {{"[Content_Types].xml", "<Types/>"}, {"_rels/.rels", "<Relationships/>"},
                {"word/document.xml", "<w:document/>"}});
    }

    public static byte[] odt() {
        return zip(new String[][] {{"mimetype", "application/vnd.oasis.opendocument.text"},
                {"content.xml", "<office:document-content/>"}});
    }

    public static byte[] xlsx() {
        return zip(new String[][] {{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
    }

    public static byte[] eml() {
        return ("From: J. de Klager <klager@example.org>\r\nTo: klachten@example.nl\r\nSubject: Mijn klacht\r\n"
                + "Date: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\nGeachte heer, mevrouw,\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] msg() {
        byte[] b = new byte[512];
        byte[] head = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(head, 0, b, 0, head.length);
        byte[] stream = "__substg1.0_0037001F".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(stream, 0, b, 128, stream.length);
        return b;
    }

    public static byte[] txt() {
        return "Gespreksnotitie: de klager is gebeld op 3 november.\nAfspraak: terugbellen.\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Windows program: "MZ" and a NUL. */
    public static byte[] exe() {
        byte[] b = new byte[128];
        b[0] = 'M';
        b[1] = 'Z';
        b[2] = (byte) 0x90;
        return b;
    }

    private static byte[] zip(String[][] entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Fails the transaction that stores a document after its bytes were written, when a test asks it to: to show
     * that neither the row nor the bytes remain.
     */
    @Singleton
    @Requires(env = "test")
    public static class FailAfterStore {
        public static final AtomicBoolean ARMED = new AtomicBoolean();

        @EventListener
        void onAdded(AttachmentAdded added) {
            if (ARMED.get()) {
                throw new IllegalStateException("failure after the document's bytes were written (test)");
            }
        }
    }
}
