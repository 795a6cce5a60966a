package nl.klachtenregie.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Te bevestigen: an event recorded after its term ran out that waits for a second person's confirmation (four eyes).
 *
 * @param sequence its position on the case's timeline
 */
public record UnconfirmedEvent(long complaintId, String reference, int sequence, EventType type, LocalDate on,
                               Instant recordedAt, String recordedBy) {
}
