package nl.klachtenregie.complaint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Toegestaan bestandstype: the kinds of document a case may hold, recognised by their CONTENT (magic bytes, the
 * parts of a zip container, the header lines of an e-mail), never by the name alone. A name whose extension says
 * another type than the content (a PNG called x.pdf, a program renamed .pdf) is refused: the name is what the
 * next reader trusts when opening it.
 */
public enum AttachmentType {
    PDF("application/pdf", "PDF", List.of("pdf")),
    PNG("image/png", "PNG", List.of("png")),
    JPEG("image/jpeg", "JPEG", List.of("jpg", "jpeg")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)", List.of("docx")),
    ODT("application/vnd.oasis.opendocument.text", "OpenDocument-tekst (ODT)", List.of("odt")),
    EML("message/rfc822", "e-mail (EML)", List.of("eml")),
    MSG("application/vnd.ms-outlook", "Outlook-bericht (MSG)", List.of("msg")),
    TXT("text/plain; charset=UTF-8", "tekst (TXT)", List.of("txt"));

    /** The allowed types as a person reads them, for the 415 message: "PDF, PNG, JPEG, ...". */
    public static final String ALLOWED = String.join(", ", java.util.Arrays.stream(values()).map(t -> t.label)
            .toList());

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** At most this many zip entries are looked at: a container with more is not a document we know. */
    private static final int MAX_ZIP_ENTRIES = 10_000;
    private static final Pattern HEADER = Pattern.compile("^[!-9;-~]+:.*$");
    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "subject", "date", "message-id",
            "received", "return-path", "mime-version", "cc", "reply-to", "content-type", "delivered-to", "sender");

    private final String contentType;
    private final String label;
    private final List<String> extensions;

    AttachmentType(String contentType, String label, List<String> extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = extensions;
    }

    /** The content type a download is served with. */
    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    /** The usual extension, for a file name that has none. */
    public String extension() {
        return extensions.get(0);
    }

    /** True when {@code extension} (lower case, without dot) is one of this type's. */
    public boolean hasExtension(String extension) {
        return extensions.contains(extension);
    }

    /** The type whose extension this is, if any is ours. */
    public static Optional<AttachmentType> byExtension(String extension) {
        String e = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(t -> t.hasExtension(e)).findFirst();
    }

    /** What the bytes are, or empty when they are none of the allowed types. */
    public static Optional<AttachmentType> detect(byte[] b) {
        if (b == null || b.length == 0) {
            return Optional.empty();
        }
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, OLE2)) {
            // An OLE2 compound file is also an old .doc or .xls; only an Outlook message is allowed, and which one it
            // is shows in its directory names ("__substg1.0_" streams), which are UTF-16 in the file.
            return contains(b, "__substg1.0_".getBytes(StandardCharsets.UTF_16LE)) ? Optional.of(MSG)
                    : Optional.empty();
        }
        if (startsWith(b, ZIP)) {
            return zipDocument(b);
        }
        Optional<String> text = utf8(b);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(looksLikeMail(text.get()) ? EML : TXT);
    }

    /**
     * A DOCX has {@code [Content_Types].xml} and a {@code word/} part; an ODT has a first entry {@code mimetype}
     * saying {@code application/vnd.oasis.opendocument.text}. Any other zip (an archive, a spreadsheet, a jar) is not
     * allowed.
     */
    private static Optional<AttachmentType> zipDocument(byte[] b) {
        boolean contentTypes = false;
        boolean word = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                String name = e.getName();
                if (n == 1 && name.equals("mimetype")) {
                    byte[] head = zip.readNBytes(100);
                    return new String(head, StandardCharsets.US_ASCII).strip()
                            .equals("application/vnd.oasis.opendocument.text") ? Optional.of(ODT) : Optional.empty();
                }
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                if (contentTypes && word) {
                    return Optional.of(DOCX);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Valid UTF-8 (a BOM allowed) without NUL characters: plain text. */
    private static Optional<String> utf8(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * An e-mail as saved (RFC 822/5322): it opens with header lines up to an empty line, among them at least a
     * From and one of Date or Subject or To.
     */
    private static boolean looksLikeMail(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", 200);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                return i > 0 && seen.contains("from")
                        && (seen.contains("date") || seen.contains("subject") || seen.contains("to"));
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (i == 0) {
                    return false;
                }
                continue;
            }
            if (!HEADER.matcher(line).matches()) {
                return false;
            }
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            if (MAIL_HEADERS.contains(name)) {
                seen.add(name);
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, byte[] part) {
        outer:
        for (int i = 0; i <= b.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (b[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
