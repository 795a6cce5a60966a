package nl.klachtenregie.regulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Klacht (momentopname): what the rules may know of one complaint. Values are plain strings so that rules
 * compare them without importing product types ({@code kind == "FORMAL"}).
 *
 * @param proposed true while the complaint is being created: refusals on action {@code CREATE} then reject it
 * @param escalationLevel the level the case is at now (a code of the tenant's ladder)
 * @param nextEscalationLevel the next rung of the ladder, or "" at the top
 */
public record ComplaintFacts(
        String reference,
        String kind,
        String channel,
        LocalDate receivedOn,
        LocalDate incidentOn,
        String complainantRole,
        boolean complainantNameGiven,
        boolean complainantAddressGiven,
        boolean complainantPhoneGiven,
        boolean complainantEmailGiven,
        String summary,
        String category,
        String serviceLine,
        String concernsEmployee,
        boolean unwantedBehaviour,
        boolean confidential,
        String status,
        String escalationLevel,
        String nextEscalationLevel,
        boolean proposed) {

    public ComplaintFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(complainantRole, "complainantRole");
        summary = summary == null ? "" : summary;
        category = category == null ? "" : category;
        serviceLine = serviceLine == null ? "" : serviceLine;
        concernsEmployee = concernsEmployee == null ? "" : concernsEmployee;
        status = status == null ? "RECEIVED" : status;
        escalationLevel = escalationLevel == null ? "" : escalationLevel;
        nextEscalationLevel = nextEscalationLevel == null ? "" : nextEscalationLevel;
    }

    public boolean isFormal() {
        return "FORMAL".equals(kind);
    }

    /** Oral channels: the regulations treat a complaint by phone or in person differently from a written one. */
    public boolean isOral() {
        return "PHONE".equals(channel) || "IN_PERSON".equals(channel);
    }

    public boolean isWritten() {
        return !isOral();
    }

    public boolean hasIncidentDate() {
        return incidentOn != null;
    }

    /**
     * Whether the events complained about lie more than {@code amount} units before receipt; false when the
     * incident date is unknown (a complaint is not refused on a guess).
     */
    public boolean incidentOlderThan(int amount, String unit) {
        if (incidentOn == null) {
            return false;
        }
        LocalDate limit = switch (unit) {
            case "YEARS" -> receivedOn.minusYears(amount);
            case "MONTHS" -> receivedOn.minusMonths(amount);
            case "WEEKS" -> receivedOn.minusWeeks(amount);
            case "DAYS" -> receivedOn.minusDays(amount);
            default -> throw new IllegalArgumentException("Onbekende eenheid '" + unit + "'");
        };
        return incidentOn.isBefore(limit);
    }

    public boolean concernsAnEmployee() {
        return !concernsEmployee.isBlank();
    }
}
