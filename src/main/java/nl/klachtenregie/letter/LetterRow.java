package nl.klachtenregie.letter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * Verstuurde brief as stored: one row of {@code letter}, with its XHTML and PDF exactly as issued. The column
 * {@code created_at} is left to the database.
 *
 * @param issuedBy the user who issued it; null for a letter the system issued
 */
@MappedEntity("letter")
record LetterRow(@Id @GeneratedValue @Nullable Long id, long tenantId, long complaintId, LetterKind kind,
                 String subject, String html, byte[] pdf, LocalDate issuedOn, @Nullable Long issuedBy) {
}
