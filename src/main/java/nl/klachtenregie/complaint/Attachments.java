package nl.klachtenregie.complaint;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;

/**
 * Documenten: a case's files (the complaint letter, a signed report, correspondence, photos). At most
 * {@link #MAX_BYTES} each, of an allowed type recognised by content ({@link AttachmentType}), under a sanitised name
 * ({@link FileNames}); the bytes go to the configured {@link DocumentStore}, together with their row or not at all.
 * Every read and write first reads the case through {@link ComplaintService#get}, as the case page and the API do,
 * and every query is scoped by tenant and case: another tenant's or another case's document is not found (404).
 */
@Singleton
public class Attachments {

    /** 20 MB: a scanned letter or a handful of photos; larger is refused with 413. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_DESCRIPTION = 1000;

    /** An upload as the edge received it. */
    public record Upload(String fileName, byte[] content, String kind, String description) {
    }

    /** A document's bytes with what a download needs. */
    public record Download(Attachment attachment, byte[] content) {
    }

    private final ComplaintService complaints;
    private final DocumentStore store;
    private final Db db;
    private final ApplicationEventPublisher<AttachmentAdded> events;
    private final java.time.Clock clock;

    Attachments(ComplaintService complaints, DocumentStore store, Db db,
                ApplicationEventPublisher<AttachmentAdded> events, java.time.Clock clock) {
        // The application's clock, as events are recorded by: a test's fixed date holds for notes and documents too.
        this.clock = clock;
        this.complaints = complaints;
        this.store = store;
        this.db = db;
        this.events = events;
    }

    /**
     * Stores a document with the case.
     *
     * @param by null for an API client without a user
     * @throws InvalidInputException no file, an empty one, an unknown kind, a description too long
     * @throws DocumentRefusedException too large (413) or not an allowed type, also by its name (415)
     */
    public Attachment upload(Tenant tenant, Viewer viewer, ComplaintId id, Upload upload, UserId by) {
        complaints.get(tenant, viewer, id, null);
        Map<String, Text> errors = new LinkedHashMap<>();
        AttachmentKind kind = AttachmentKind.OTHER;
        if (upload.kind() != null && !upload.kind().isBlank()) {
            try {
                kind = AttachmentKind.valueOf(upload.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("kind", Text.of("documents.kind.unknown", upload.kind().strip()));
            }
        }
        String description = upload.description() == null || upload.description().isBlank() ? null
                : upload.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", Text.of("documents.description.tooLong", MAX_DESCRIPTION));
        }
        byte[] content = upload.content();
        if (content == null) {
            errors.put("file", Text.of("documents.file.required"));
        } else if (content.length == 0) {
            errors.put("file", Text.of("documents.file.empty"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
        if (content.length > MAX_BYTES) {
            throw new DocumentRefusedException(DocumentRefusedException.Reason.TOO_LARGE,
                    Text.of("documents.tooLarge", MAX_BYTES / (1024 * 1024)));
        }
        String name = FileNames.sanitise(upload.fileName());
        AttachmentType type = type(name, content);
        if (FileNames.extension(name).isEmpty()) {
            name = name + "." + type.extension();
        }
        String fileName = name;
        String sha256 = sha256(content);
        AttachmentKind chosen = kind;
        long tenantId = tenant.id().value();
        java.util.concurrent.atomic.AtomicReference<Attachment> stored = new java.util.concurrent.atomic.AtomicReference<>();
        store.store(tenant.id(), content, new DocumentStore.Row() {
            @Override
            public long insert(String storageKey) {
                return db.insert("INSERT INTO complaint_attachment (tenant_id, complaint_id, file_name, content_type, "
                                + "size_bytes, sha256, kind, description, storage, storage_key, uploaded_by, "
                                + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenantId, id.value(),
                        fileName, type.contentType(), (long) content.length, sha256, chosen, description, store.name(),
                        storageKey, by == null ? null : by.value(), Timestamp.from(Instant.now(clock)));
            }

            @Override
            public void stored(long attachmentId) {
                events.publishEvent(new AttachmentAdded(tenant.id(), id.value(), attachmentId, by));
                // Read back in the storing transaction: what the caller gets is what was committed.
                stored.set(find(tenant, id, attachmentId).orElseThrow());
            }
        });
        return stored.get();
    }

    /** The case's documents, oldest first. */
    @Transactional
    public List<Attachment> list(Tenant tenant, Viewer viewer, ComplaintId id) {
        complaints.get(tenant, viewer, id, null);
        return db.query(SELECT + " WHERE a.tenant_id = ? AND a.complaint_id = ? ORDER BY a.uploaded_at, a.id",
                Attachments::attachment, tenant.id().value(), id.value());
    }

    /**
     * One document with its bytes.
     *
     * @throws NotFoundException when the case has no such document, or its bytes are missing from the store
     */
    @Transactional
    public Download download(Tenant tenant, Viewer viewer, ComplaintId id, long attachmentId) {
        complaints.get(tenant, viewer, id, null);
        Attachment a = find(tenant, id, attachmentId).orElseThrow(() -> new NotFoundException(
                Text.of("documents.unknown", String.valueOf(attachmentId))));
        String key = db.queryOne("SELECT storage_key FROM complaint_attachment WHERE tenant_id = ? AND complaint_id = ? "
                + "AND id = ?", rs -> Optional.ofNullable(rs.getString(1)), tenant.id().value(), id.value(),
                attachmentId).orElseThrow().orElse(null);
        byte[] content = store.read(tenant.id(), attachmentId, key).orElseThrow(() -> new NotFoundException(
                Text.of("documents.contentMissing", a.fileName())));
        return new Download(a, content);
    }

    private Optional<Attachment> find(Tenant tenant, ComplaintId id, long attachmentId) {
        return db.queryOne(SELECT + " WHERE a.tenant_id = ? AND a.complaint_id = ? AND a.id = ?",
                Attachments::attachment, tenant.id().value(), id.value(), attachmentId);
    }

    /**
     * The type by content; a name whose extension says another (allowed or not) type is refused. A text file may be
     * named .txt also when it reads as an e-mail; a file without extension takes the content's.
     */
    private static AttachmentType type(String name, byte[] content) {
        AttachmentType detected = AttachmentType.detect(content).orElseThrow(() -> new DocumentRefusedException(
                DocumentRefusedException.Reason.TYPE, Text.of("documents.type.refused", AttachmentType.ALLOWED)));
        String ext = FileNames.extension(name);
        if (ext.isEmpty() || detected.hasExtension(ext)) {
            return detected;
        }
        if (detected == AttachmentType.EML && AttachmentType.TXT.hasExtension(ext)) {
            return AttachmentType.TXT;
        }
        throw new DocumentRefusedException(DocumentRefusedException.Reason.TYPE,
                Text.of("documents.type.mismatch", ext, detected.label(), AttachmentType.ALLOWED));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final String SELECT = "SELECT a.id, a.complaint_id, a.file_name, a.content_type, a.size_bytes, "
            + "a.sha256, a.kind, a.description, a.uploaded_at, u.display_name FROM complaint_attachment a "
            + "LEFT JOIN app_user u ON u.id = a.uploaded_by AND u.tenant_id = a.tenant_id";

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getString("description"),
                rs.getString("display_name"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
