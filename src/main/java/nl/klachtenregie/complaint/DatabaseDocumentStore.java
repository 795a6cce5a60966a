package nl.klachtenregie.complaint;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * Documentopslag in de database (the default): the bytes in {@code complaint_attachment_content}, written in the
 * same transaction as the attachment's row, so a failure anywhere leaves neither. Fine for the embedded default and
 * small tenants; MySQL/MariaDB need {@code max_allowed_packet} above the largest document (20 MB; MySQL 8 has 64 MB).
 */
@Singleton
@Requires(property = "klachtenregie.documents.store", value = "database", defaultValue = "database")
class DatabaseDocumentStore implements DocumentStore {

    static final String NAME = "database";

    private final Db db;

    DatabaseDocumentStore(Db db) {
        this.db = db;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional
    public long store(TenantId tenant, byte[] content, Row row) {
        long id = row.insert(null);
        db.update("INSERT INTO complaint_attachment_content (attachment_id, tenant_id, content) VALUES (?, ?, ?)",
                id, tenant.value(), content);
        row.stored(id);
        return id;
    }

    @Override
    @Transactional
    public Optional<byte[]> read(TenantId tenant, long attachmentId, String storageKey) {
        return db.queryOne("SELECT content FROM complaint_attachment_content WHERE tenant_id = ? AND attachment_id = ?",
                rs -> rs.getBytes(1), tenant.value(), attachmentId);
    }

    @Override
    @Transactional
    public void delete(TenantId tenant, long attachmentId, String storageKey) {
        db.update("DELETE FROM complaint_attachment_content WHERE tenant_id = ? AND attachment_id = ?", tenant.value(),
                attachmentId);
    }
}
