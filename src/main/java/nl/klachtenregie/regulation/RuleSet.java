package nl.klachtenregie.regulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Regelset: the DRL sources of one regulation version, by file name. Its content hash identifies it:
 * tenants whose sources are identical share one compiled rule base.
 */
public record RuleSet(Map<String, String> sources) {
    // The name is a path segment in an export: it starts with a letter or digit and has no "..".
    private static final Pattern FILE_NAME = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]*\\.drl");
    /** Keeps a single tenant from exhausting the compiler; far above what a real regulation needs. */
    public static final int MAX_TOTAL_CHARS = 512 * 1024;

    public RuleSet {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Een regelset heeft minstens één DRL-bestand nodig");
        }
        int total = 0;
        for (var e : sources.entrySet()) {
            if (!FILE_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("Ongeldige bestandsnaam voor regels: '" + e.getKey() + "'");
            }
            total += Objects.requireNonNull(e.getValue(), e.getKey()).length();
        }
        if (total > MAX_TOTAL_CHARS) {
            throw new IllegalArgumentException("Regelset te groot: " + total + " tekens (maximum "
                    + MAX_TOTAL_CHARS + ")");
        }
        sources = Map.copyOf(new TreeMap<>(sources));
    }

    public static RuleSet of(String fileName, String drl) {
        return new RuleSet(Map.of(fileName, drl));
    }

    /** SHA-256 over the sorted file names and contents. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var e : new TreeMap<>(sources).entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
