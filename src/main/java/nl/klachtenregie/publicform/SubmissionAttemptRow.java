package nl.klachtenregie.publicform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Verzending van het klachtformulier as counted: one row of {@code public_submission_attempt}. */
@MappedEntity("public_submission_attempt")
record SubmissionAttemptRow(@Id @GeneratedValue @Nullable Long id, long tenantId, String addressHash,
                            long atMillis) {
}
