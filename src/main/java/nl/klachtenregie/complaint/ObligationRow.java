package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * Verplichting as stored: one row of {@code obligation}, the latest evaluation's, so lists and dashboards can query
 * them (see {@link Lateness}).
 *
 * @param receivedOn the case's day of receipt, by which dashboards count it
 * @param overdueSince the day the term watch first saw it run out; kept across re-evaluations of the same term
 */
@MappedEntity("obligation")
record ObligationRow(@Id @GeneratedValue @Nullable Long id,
                     long tenantId,
                     long complaintId,
                     String code,
                     LocalDate fromOn,
                     @Nullable LocalDate dueOn,
                     @Nullable LocalDate metOn,
                     boolean waived,
                     String basis,
                     String explanation,
                     @Nullable LocalDate baseDueOn,
                     @Nullable LocalDate receivedOn,
                     @Nullable LocalDate overdueSince,
                     boolean setAside,
                     @Nullable String note,
                     String statute,
                     String label,
                     @Nullable LocalDate suspendedSince) {

    ScheduledObligation scheduled() {
        return new ScheduledObligation(code, fromOn, dueOn, metOn, waived, basis, explanation, baseDueOn, setAside,
                note, statute, label, suspendedSince);
    }
}
