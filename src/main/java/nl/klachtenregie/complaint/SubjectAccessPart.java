package nl.klachtenregie.complaint;

import java.util.List;
import java.util.Objects;
import nl.klachtenregie.tenant.Tenant;

/**
 * Onderdeel van een inzageverzoek (AVG art. 15): what one feature holds about the complainant's cases, as files for
 * the export's zip. Every bean of this type is asked; the letters are one ({@code letter.LetterSubjectAccess}), notes
 * and attachments are added the same way. A part reads only the given cases of the given tenant.
 */
public interface SubjectAccessPart {

    /** The files of this part for these cases (already checked to be the tenant's), each under its path in the zip. */
    List<File> files(Tenant tenant, List<CaseView> cases);

    /** Bestand in de export: a relative path of plain names (e.g. {@code brieven/IEDE-2026-0001-besluit.pdf}). */
    record File(String path, byte[] content) {
        public File {
            Objects.requireNonNull(content, "content");
            if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("Not a relative path of plain names: " + path);
            }
        }
    }
}
