package nl.klachtenregie.complaint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;

/**
 * Notities: a case's internal notes. The case is read through {@link ComplaintService#get} first, as the case page
 * and the API read it, so whoever may not see the case cannot list or add its notes either (404).
 */
@Singleton
public class Notes {

    /** The longest note: a page of text. */
    public static final int MAX_LENGTH = 10_000;

    private final ComplaintService complaints;
    private final Db db;
    private final java.time.Clock clock;

    Notes(ComplaintService complaints, Db db, java.time.Clock clock) {
        this.clock = clock;
        this.complaints = complaints;
        this.db = db;
    }

    /**
     * Adds a note.
     *
     * @param by null for an API client without a user
     * @throws InvalidInputException when the text is empty or too long
     */
    @Transactional
    public CaseNote add(Tenant tenant, Viewer viewer, ComplaintId id, String text, boolean explainsLateness,
                        UserId by) {
        complaints.get(tenant, viewer, id, null);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw InvalidInputException.of("text", Text.of("notes.text.required"));
        }
        if (t.length() > MAX_LENGTH) {
            throw InvalidInputException.of("text", Text.of("notes.text.tooLong", MAX_LENGTH));
        }
        long noteId = db.insert("INSERT INTO complaint_note (tenant_id, complaint_id, note_text, explains_lateness, "
                + "author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", tenant.id().value(), id.value(), t,
                explainsLateness, by == null ? null : by.value(), Timestamp.from(Instant.now(clock)));
        return db.queryOne(SELECT + " WHERE n.tenant_id = ? AND n.complaint_id = ? AND n.id = ?", Notes::note,
                tenant.id().value(), id.value(), noteId).orElseThrow();
    }

    /** The case's notes, oldest first. */
    @Transactional
    public List<CaseNote> list(Tenant tenant, Viewer viewer, ComplaintId id) {
        complaints.get(tenant, viewer, id, null);
        return db.query(SELECT + " WHERE n.tenant_id = ? AND n.complaint_id = ? ORDER BY n.created_at, n.id",
                Notes::note, tenant.id().value(), id.value());
    }

    private static final String SELECT = "SELECT n.id, n.complaint_id, n.note_text, n.explains_lateness, "
            + "n.created_at, u.display_name FROM complaint_note n LEFT JOIN app_user u ON u.id = n.author_id "
            + "AND u.tenant_id = n.tenant_id";

    private static CaseNote note(ResultSet rs) throws SQLException {
        return new CaseNote(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("note_text"),
                rs.getBoolean("explains_lateness"), rs.getString("display_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
