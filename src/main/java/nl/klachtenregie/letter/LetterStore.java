package nl.klachtenregie.letter;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.TenantId;

/**
 * The tables {@code letter_template} and {@code letter}. Every statement filters on the tenant. Plain reads and writes
 * go through {@link LetterTemplateRepository} and {@link LetterRepository}; joins stay SQL.
 */
@Singleton
class LetterStore {

    /** A stored letter's PDF with what its file name is made of. */
    record StoredPdf(LetterKind kind, String reference, byte[] pdf) {
    }

    // Joins with the users' and the complaints' tables stay SQL. The issuer's name comes from the same tenant only: a user id of another tenant names nobody here.
    private static final String SUMMARY = "SELECT l.id, l.kind, l.subject, l.issued_on, u.display_name FROM letter l "
            + "LEFT JOIN app_user u ON u.id = l.issued_by AND u.tenant_id = l.tenant_id ";

    private final Db db;
    private final LetterTemplateRepository templates;
    private final LetterRepository letters;

    LetterStore(Db db, LetterTemplateRepository templates, LetterRepository letters) {
        this.db = db;
        this.templates = templates;
        this.letters = letters;
    }

    /** @throws LetterTemplateException when the stored template breaks the rules of {@link LetterTemplate} */
    @Transactional
    public Optional<LetterTemplate> template(TenantId tenant, LetterKind kind) {
        return templates.findByTenantIdAndKind(tenant.value(), kind).map(t -> template(t.subject(), t.body()));
    }

    private static LetterTemplate template(String subject, String body) {
        try {
            return new LetterTemplate(subject, body);
        } catch (IllegalArgumentException e) {
            throw new LetterTemplateException(e.getMessage(), e);
        }
    }

    /** Stores the template unless the tenant already has one of this kind; true when it was stored. */
    @Transactional
    public boolean addTemplateIfAbsent(TenantId tenant, LetterKind kind, LetterTemplate template) {
        if (templates.existsByTenantIdAndKind(tenant.value(), kind)) {
            return false;
        }
        templates.save(new LetterTemplateRow(null, tenant.value(), kind, template.subject(), template.body()));
        return true;
    }

    /** Stores the tenant's own template of this kind, replacing the one it had. */
    @Transactional
    public void saveTemplate(TenantId tenant, LetterKind kind, LetterTemplate template) {
        // Stays SQL: updated_at is the database's clock, which a repository update would not set.
        int updated = db.update("UPDATE letter_template SET subject = ?, body = ?, updated_at = CURRENT_TIMESTAMP "
                + "WHERE tenant_id = ? AND kind = ?", template.subject(), template.body(), tenant.value(), kind);
        if (updated == 0) {
            try {
                templates.save(new LetterTemplateRow(null, tenant.value(), kind, template.subject(),
                        template.body()));
            } catch (RuntimeException e) {
                if (nl.klachtenregie.shared.Db.isDuplicateKey(e)) {
                    // Two first saves of one kind at once: the other came first; say so rather than fail.
                    throw new nl.klachtenregie.shared.ConflictException("Iemand anders heeft dit sjabloon net "
                            + "opgeslagen; laad de pagina opnieuw en bekijk het voordat u opslaat.");
                }
                throw e;
            }
        }
    }

    /** Removes the tenant's own template of this kind; true when it had one. */
    @Transactional
    public boolean removeTemplate(TenantId tenant, LetterKind kind) {
        return templates.deleteByTenantIdAndKind(tenant.value(), kind) > 0;
    }

    /** The kinds for which the tenant has its own template. */
    @Transactional
    public java.util.Set<LetterKind> ownTemplates(TenantId tenant) {
        java.util.Set<LetterKind> kinds = java.util.EnumSet.noneOf(LetterKind.class);
        kinds.addAll(templates.findKindByTenantId(tenant.value()));
        return kinds;
    }

    @Transactional
    public LetterId insert(TenantId tenant, long complaintId, LetterKind kind, String subject, String html,
                           byte[] pdf, LocalDate issuedOn, UserId issuedBy) {
        return new LetterId(letters.save(new LetterRow(null, tenant.value(), complaintId, kind, subject, html, pdf,
                issuedOn, issuedBy == null ? null : issuedBy.value())).id());
    }

    @Transactional
    public Optional<LetterSummary> summary(TenantId tenant, LetterId id) {
        return db.queryOne(SUMMARY + "WHERE l.tenant_id = ? AND l.id = ?", LetterStore::summary, tenant.value(),
                id.value());
    }

    /** The case's letters, oldest first. */
    @Transactional
    public List<LetterSummary> ofCase(TenantId tenant, long complaintId) {
        return db.query(SUMMARY + "WHERE l.tenant_id = ? AND l.complaint_id = ? ORDER BY l.issued_on, l.id",
                LetterStore::summary, tenant.value(), complaintId);
    }

    @Transactional
    public Optional<StoredPdf> pdf(TenantId tenant, long complaintId, LetterId id) {
        return db.queryOne("SELECT l.kind, c.reference, l.pdf FROM letter l JOIN complaint c ON c.id = l.complaint_id "
                        + "AND c.tenant_id = l.tenant_id WHERE l.tenant_id = ? AND l.complaint_id = ? AND l.id = ?",
                rs -> new StoredPdf(LetterKind.valueOf(rs.getString(1)), rs.getString(2), rs.getBytes(3)),
                tenant.value(), complaintId, id.value());
    }

    /** The stored XHTML of a letter (exactly as rendered). */
    @Transactional
    public Optional<String> html(TenantId tenant, LetterId id) {
        return letters.findHtmlByTenantIdAndId(tenant.value(), id.value());
    }

    private static LetterSummary summary(ResultSet rs) throws SQLException {
        return new LetterSummary(new LetterId(rs.getLong("id")), LetterKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), Db.date(rs, "issued_on"), rs.getString("display_name"));
    }
}
