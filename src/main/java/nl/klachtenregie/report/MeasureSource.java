package nl.klachtenregie.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.tenant.TenantId;

/**
 * Where the reports read the verbeterregister. The one place that knows the improvement feature's types, kept apart
 * so that the reports need nothing else of it.
 */
interface MeasureSource {

    /** The measures created, due, completed or reviewed in [from, to]. */
    List<MeasureRow> relevantTo(TenantId tenant, LocalDate from, LocalDate to);

    /** The origin keys (KPI:..., TREND:...) that a measure answers. */
    Set<String> originKeys(TenantId tenant);

    /**
     * Verbetermaatregel as a report shows it. Enum values as their names: kind CORRECTIVE/PREVENTIVE, level
     * ORGANISATION/CLIENT, status PROPOSED/OPEN/DONE/CANCELLED, effective EFFECTIVE/PARTLY/NOT_EFFECTIVE (null until
     * reviewed), originType COMPLAINTS/KPI_BREACH/TREND/OTHER.
     */
    record MeasureRow(String number, String title, String description, String kind, String level, String originType,
                      String originKey, String originDescription, List<String> complaintReferences, String owner,
                      LocalDate dueOn, String status, LocalDate completedOn, LocalDate reviewedOn, String effective,
                      String reviewNotes, LocalDate createdOn) {
        public MeasureRow {
            complaintReferences = complaintReferences == null ? List.of() : List.copyOf(complaintReferences);
        }
    }
}
