package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;

/**
 * Klacht as stored: one row of {@code complaint}, without its timeline ({@code complaint_event}) and obligations.
 * The column {@code created_at} is left to the database; {@code evaluated_on} is moved only by the term watch's claim
 * (SQL). Hidden behind {@link ComplaintStore}.
 *
 * @param outcomeJson the stored outcome of the last evaluation ({@link StoredOutcome} as JSON)
 * @param employeeKey {@link PersonKey} of {@code concernsEmployee}, by which "dezelfde persoon" is found
 */
@MappedEntity("complaint")
record ComplaintRow(@Id @GeneratedValue @Nullable Long id,
                    long tenantId,
                    String reference,
                    ComplaintKind kind,
                    Channel channel,
                    LocalDate receivedOn,
                    @Nullable LocalDate incidentOn,
                    @Nullable String complainantName,
                    ComplainantRole complainantRole,
                    @Nullable String complainantEmail,
                    @Nullable String complainantPhone,
                    @Nullable String complainantAddress,
                    @Nullable String complainantPlace,
                    boolean officialRequested,
                    @Nullable Long handlerUserId,
                    @Nullable String submissionId,
                    String summary,
                    String category,
                    @Nullable String serviceLine,
                    @Nullable String concernsEmployee,
                    boolean unwantedBehaviour,
                    boolean confidential,
                    String regulationVersion,
                    CaseStatus status,
                    String escalationLevel,
                    boolean registrationRequired,
                    boolean admissible,
                    String outcomeJson,
                    @Nullable String intakeLevel,
                    boolean countsAsFormal,
                    @Nullable String employeeKey,
                    @Nullable LocalDate concludedOn,
                    @Nullable String conclusion,
                    @Nullable String judgement,
                    @Nullable Integer satisfaction,
                    boolean extended,
                    boolean referredExternal,
                    @Nullable LocalDate closedOn,
                    @Nullable LocalDate evaluatedOn,
                    @Nullable Long concernsStaffId,
                    // A stale row version makes an update carrying it match no row: Micronaut Data then throws
                    // OptimisticLockException, which the store turns into "someone changed the case in between".
                    @Version @Nullable Integer rowVersion) {

    /** What was taken in, as the case shows it. */
    NewComplaint intake() {
        return new NewComplaint(kind, channel, receivedOn, incidentOn,
                new Complainant(complainantName, complainantRole, complainantEmail, complainantPhone,
                        complainantAddress, complainantPlace),
                summary, category, serviceLine, concernsEmployee, unwantedBehaviour, confidential, officialRequested,
                intakeLevel, concernsStaffId);
    }

    int version() {
        return rowVersion == null ? 0 : rowVersion;
    }
}
