package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.klachtenregie.complaint.Attachment;
import nl.klachtenregie.complaint.AttachmentKind;
import nl.klachtenregie.complaint.AttachmentType;
import nl.klachtenregie.complaint.Attachments;
import nl.klachtenregie.complaint.CaseNote;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.Viewer;
import nl.klachtenregie.complaint.Notes;
import nl.klachtenregie.tenant.Tenant;

/**
 * The case page's Notities and Documenten sections (view/case-dossier.hbs): the notes with author and moment, the
 * documents with download links, and the forms for handlers. Moments in Dutch time, as a person writes them.
 */
@Singleton
class CaseDossierModels {

    /** A note on the page: its day and time, author, text. */
    record NoteRow(long id, String on, String at, @Nullable String author, String text, boolean explainsLateness) {
    }

    /** A document on the page, with its download link. */
    record DocumentRow(long id, String fileName, String kind, @Nullable String description, String size, String on,
                       @Nullable String uploadedBy, String url) {
    }

    /** What a handler typed, kept when a note was refused. */
    record Draft(@Nullable String noteText, boolean explainsLateness, @Nullable String kind,
                 @Nullable String description) {
        static final Draft NONE = new Draft(null, false, null, null);
    }

    /**
     * The sections' model.
     *
     * @param canWrite the reader handles cases (STAFF, MANAGER): the forms are shown
     */
    record CaseDossier(List<NoteRow> notes, List<DocumentRow> documents, List<String> kinds, boolean canWrite,
                       Draft draft, String accept, String allowedTypes, long maxMegabytes) {
    }

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String ACCEPT = String.join(",", Arrays.stream(AttachmentType.values())
            .map(t -> "." + t.extension()).toList()) + ",.jpeg";

    private final Notes notes;
    private final Attachments attachments;

    CaseDossierModels(Notes notes, Attachments attachments) {
        this.notes = notes;
        this.attachments = attachments;
    }

    CaseDossier of(Tenant tenant, Viewer viewer, long caseId, boolean canWrite, Draft draft) {
        ComplaintId id = new ComplaintId(caseId);
        List<NoteRow> noteRows = notes.list(tenant, viewer, id).stream().map(CaseDossierModels::row).toList();
        List<DocumentRow> docs = attachments.list(tenant, viewer, id).stream()
                .map(a -> row(tenant, a)).toList();
        return new CaseDossier(noteRows, docs, Arrays.stream(AttachmentKind.values()).map(Enum::name).toList(),
                canWrite, draft == null ? Draft.NONE : draft, ACCEPT, AttachmentType.ALLOWED,
                Attachments.MAX_BYTES / (1024 * 1024));
    }

    private static NoteRow row(CaseNote n) {
        var at = n.createdAt().atZone(NETHERLANDS);
        return new NoteRow(n.id(), at.format(DAY), at.format(TIME), n.author(), n.text(), n.explainsLateness());
    }

    private static DocumentRow row(Tenant tenant, Attachment a) {
        return new DocumentRow(a.id(), a.fileName(), a.kind().name(), a.description(), size(a.sizeBytes()),
                a.uploadedAt().atZone(NETHERLANDS).format(DAY), a.uploadedBy(),
                "/t/" + tenant.slug() + "/klachten/" + a.complaintId() + "/documenten/" + a.id());
    }

    /** "512 bytes", "48 kB", "3,2 MB" - the Dutch way. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " kB";
        }
        return String.format(Locale.forLanguageTag("nl"), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
