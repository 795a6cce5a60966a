package nl.klachtenregie.improvement;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A complaint a verbetermaatregel answers: one row of {@code improvement_measure_complaint}. */
@MappedEntity("improvement_measure_complaint")
record MeasureComplaintLink(@EmbeddedId Key id, long tenantId) {

    /** The table's primary key. */
    @Embeddable
    record Key(@MappedProperty("measure_id") long measureId, @MappedProperty("complaint_id") long complaintId) {
    }
}
