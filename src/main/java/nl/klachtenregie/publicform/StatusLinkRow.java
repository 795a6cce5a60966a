package nl.klachtenregie.publicform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * Statuslink as stored: one row of {@code status_link}, the token only as its SHA-256. The column {@code created_at}
 * is left to the database.
 */
@MappedEntity("status_link")
record StatusLinkRow(@Id @GeneratedValue @Nullable Long id, long tenantId, long complaintId, String tokenHash,
                     LocalDate expiresOn) {
}
