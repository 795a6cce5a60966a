package nl.klachtenregie.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Logregel as stored: one row of {@code audit_log}. */
@MappedEntity("audit_log")
record AuditRow(@Id @GeneratedValue @Nullable Long id, long tenantId, Instant at, String actor, String action,
                String subject, String detail) {

    AuditLog.Entry entry() {
        return new AuditLog.Entry(id, at, actor, action, subject, detail);
    }
}
