package nl.klachtenregie.complaint;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Bestandsnaam: the name a document is kept and offered under, made harmless. Only the last part of a path counts
 * ({@code ../../x.pdf} is {@code x.pdf}, also with backslashes); control characters and the characters Windows, macOS
 * and HTTP headers reserve are removed; leading dots and spaces go (no hidden files); the name is at most
 * {@link #MAX_LENGTH} characters, its extension kept; what is left empty becomes {@code document}.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;
    public static final String FALLBACK = "document";

    private FileNames() {
    }

    public static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean control = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                    || (c >= 0x7F && c <= 0x9F);
            boolean reserved = "<>:\"/\\|?*;%".indexOf(c) >= 0;
            if (!control && !reserved) {
                sb.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            }
        });
        String cleaned = sb.toString().replaceAll(" {2,}", " ").strip();
        while (cleaned.startsWith(".") || cleaned.startsWith(" ")) {
            cleaned = cleaned.substring(1);
        }
        // Windows drops trailing dots and spaces; a name "x.pdf." would open as something else there.
        while (cleaned.endsWith(".") || cleaned.endsWith(" ")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            String ext = extension(cleaned);
            String stem = ext.isEmpty() ? cleaned : cleaned.substring(0, cleaned.length() - ext.length() - 1);
            int keep = MAX_LENGTH - (ext.isEmpty() ? 0 : ext.length() + 1);
            if (keep < 1) {
                return cut(cleaned, MAX_LENGTH);
            }
            cleaned = cut(stem, keep).strip() + (ext.isEmpty() ? "" : "." + ext);
        }
        return cleaned;
    }

    /** The extension in lower case without its dot ("" when none). */
    public static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length()))));
    }
}
