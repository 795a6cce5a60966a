package nl.klachtenregie.complaint;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;

/**
 * Dossier en privacy: what the dossier itself holds beyond the case row and its events (internal notes, documents, the
 * history of corrections) under the complainant's rights (AVG art. 15 and 17).
 * <ul>
 *   <li>When a case is anonymised, its notes and documents (rows and bytes, in whatever store holds them) are removed
 *       and the corrections keep which field changed and when, but no longer the old and new values or the reason:
 *       they may hold the very names and texts that were removed from the case.</li>
 *   <li>An inzageverzoek gets the notes and corrections as JSON and the documents as they were uploaded.</li>
 * </ul>
 * Reads here go straight to the tables of the given cases: the caller (anonymisation, the COMPLIANCE export) has already
 * decided these cases are to be handled, so the need-to-know checks of the case page do not apply.
 */
@Singleton
class DossierPrivacy implements SubjectAccessPart, ApplicationEventListener<CaseAnonymised> {

    /** What an anonymised correction says instead of its values. */
    static final String REMOVED = "(verwijderd bij anonimisering)";

    private final Db db;
    private final DocumentStore store;
    private final JsonMapper json;

    DossierPrivacy(Db db, DocumentStore store, JsonMapper json) {
        this.db = db;
        this.store = store;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(CaseAnonymised event) {
        long tenant = event.tenant().id().value();
        long id = event.complaintId();
        db.update("DELETE FROM complaint_note WHERE tenant_id = ? AND complaint_id = ?", tenant, id);
        record Stored(long id, String key) {
        }
        List<Stored> documents = db.query("SELECT id, storage_key FROM complaint_attachment WHERE tenant_id = ? "
                + "AND complaint_id = ?", rs -> new Stored(rs.getLong(1), rs.getString(2)), tenant, id);
        for (Stored d : documents) {
            store.delete(event.tenant().id(), d.id(), d.key());
        }
        db.update("DELETE FROM complaint_attachment_content WHERE tenant_id = ? AND attachment_id IN (SELECT id FROM "
                + "complaint_attachment WHERE tenant_id = ? AND complaint_id = ?)", tenant, tenant, id);
        db.update("DELETE FROM complaint_attachment WHERE tenant_id = ? AND complaint_id = ?", tenant, id);
        db.update("UPDATE complaint_correction_change SET old_value = ?, new_value = ? WHERE tenant_id = ? AND "
                + "kind = 'FIELD' AND correction_id IN (SELECT id FROM complaint_correction WHERE tenant_id = ? AND "
                + "complaint_id = ?)", REMOVED, REMOVED, tenant, tenant, id);
        db.update("UPDATE complaint_correction SET reason = ? WHERE tenant_id = ? AND complaint_id = ? "
                + "AND reason IS NOT NULL", REMOVED, tenant, id);
    }

    @Override
    public List<File> files(Tenant tenant, List<CaseView> cases) {
        long t = tenant.id().value();
        List<File> files = new ArrayList<>();
        for (CaseView c : cases) {
            String folder = "dossier/" + plain(c.reference());
            List<Map<String, Object>> notes = db.query("SELECT created_at, note_text, explains_lateness FROM "
                    + "complaint_note WHERE tenant_id = ? AND complaint_id = ? ORDER BY created_at, id", rs -> {
                        Map<String, Object> n = new LinkedHashMap<>();
                        n.put("at", String.valueOf(rs.getTimestamp(1).toInstant()));
                        n.put("text", rs.getString(2));
                        n.put("explainsLateness", rs.getBoolean(3));
                        return n;
                    }, t, c.id());
            if (!notes.isEmpty()) {
                files.add(new File(folder + "/notities.json", write(notes)));
            }
            List<Map<String, Object>> corrections = db.query("SELECT r.corrected_at, r.reason, h.field_name, "
                    + "h.old_value, h.new_value FROM complaint_correction r JOIN complaint_correction_change h ON "
                    + "h.correction_id = r.id AND h.tenant_id = r.tenant_id WHERE r.tenant_id = ? AND "
                    + "r.complaint_id = ? ORDER BY r.corrected_at, r.id, h.seq", rs -> {
                        Map<String, Object> n = new LinkedHashMap<>();
                        n.put("at", String.valueOf(rs.getTimestamp(1).toInstant()));
                        n.put("reason", rs.getString(2));
                        n.put("field", rs.getString(3));
                        n.put("old", rs.getString(4));
                        n.put("new", rs.getString(5));
                        return n;
                    }, t, c.id());
            if (!corrections.isEmpty()) {
                files.add(new File(folder + "/correcties.json", write(corrections)));
            }
            record Doc(long id, String name, String key) {
            }
            for (Doc d : db.query("SELECT id, file_name, storage_key FROM complaint_attachment WHERE tenant_id = ? "
                    + "AND complaint_id = ? ORDER BY uploaded_at, id", rs -> new Doc(rs.getLong(1), rs.getString(2),
                    rs.getString(3)), t, c.id())) {
                store.read(tenant.id(), d.id(), d.key()).ifPresent(bytes -> files.add(new File(folder
                        + "/documenten/" + d.id() + "-" + plain(d.name()), bytes)));
            }
        }
        return files;
    }

    /** A name fit for a path in the zip: no separators, no "..". */
    private static String plain(String name) {
        String s = name == null ? "" : name.replaceAll("[/\\\\]", "_").replace("..", ".");
        return s.isBlank() ? "document" : s;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
