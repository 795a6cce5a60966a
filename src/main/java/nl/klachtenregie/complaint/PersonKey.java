package nl.klachtenregie.complaint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dezelfde persoon: a key for the name of the employee a complaint concerns, so that "herhaaldelijk ... over dezelfde
 * persoon" (Klimkoord 4.2, 6.1) is not missed because one complaint says "J. de Vries" and the next "Jan de  Vries" or
 * "jan de vriës". Case, spaces, punctuation and diacritics are ignored, and given names count by their first letter:
 * the key is the first initial with the surname (tussenvoegsels included), e.g. "j de vries". "De Vries, J." is read as
 * surname first.
 */
final class PersonKey {

    private static final Set<String> TUSSENVOEGSELS = Set.of("van", "de", "der", "den", "het", "ten", "ter", "te",
            "in", "op", "'t", "t", "la", "le", "du", "da", "von", "vande", "vander");

    /**
     * What intake staff type when they do not know who it was: never a person, so never "dezelfde persoon" (issue 16).
     * Compared after lower-casing and dropping punctuation.
     */
    private static final Set<String> PLACEHOLDERS = Set.of("weet ik niet", "weet niet", "onbekend", "nvt", "n v t",
            "niet van toepassing", "geen", "niemand", "onduidelijk", "nog onbekend", "unknown", "na", "n a", "-", "?",
            "x", "xx", "xxx", "medewerker", "een medewerker", "diverse", "meerdere", "iemand", "nb", "n b");

    private PersonKey() {
    }

    /**
     * The key of the employee an intake concerns: its directory entry when there is one ("staff:" and its id), else
     * the typed name's key; null for nobody or a placeholder such as "weet ik niet".
     */
    static String of(NewComplaint c) {
        if (c.concernsStaffId() != null) {
            return "staff:" + c.concernsStaffId();
        }
        return of(c.concernsEmployee());
    }

    /** Whether a typed "betreft medewerker" names nobody ("weet ik niet", "onbekend", "n.v.t."). */
    static boolean isPlaceholder(String name) {
        if (name == null || name.isBlank()) {
            return true;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}?-]+", " ").strip();
        return plain.isEmpty() || PLACEHOLDERS.contains(plain);
    }

    /** The key, or null for no name or a placeholder. */
    static String of(String name) {
        if (isPlaceholder(name)) {
            return null;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
        if (text.contains(",")) {
            // "De Vries, J." -> "J. De Vries"
            int comma = text.indexOf(',');
            text = text.substring(comma + 1) + " " + text.substring(0, comma);
        }
        String[] raw = text.replaceAll("[^\\p{L}\\p{N}']+", " ").strip().split(" ");
        List<String> words = new ArrayList<>();
        for (String w : raw) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        // The surname starts at the first tussenvoegsel after the first word, else it is the last word.
        int surname = words.size() - 1;
        for (int i = 1; i < words.size() - 1; i++) {
            if (TUSSENVOEGSELS.contains(words.get(i))) {
                surname = i;
                break;
            }
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        String initial = words.get(0).substring(0, 1);
        String key = initial + " " + String.join(" ", words.subList(surname, words.size()));
        return key.length() > 255 ? key.substring(0, 255) : key;
    }
}
