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
 * @param intakeLevel the rung the complaint was registered at (a complaint made directly to the
 *     klachtenfunctionaris starts at that rung); the lowest rung for most complaints
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
        boolean proposed,
        String intakeLevel) {

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
        intakeLevel = intakeLevel == null ? "" : intakeLevel;
    }

    /** A complaint registered at the lowest rung (the facts of rule tests and benchmarks written before intake levels). */
    public ComplaintFacts(String reference, String kind, String channel, LocalDate receivedOn, LocalDate incidentOn,
                          String complainantRole, boolean complainantNameGiven, boolean complainantAddressGiven,
                          boolean complainantPhoneGiven, boolean complainantEmailGiven, String summary, String category,
                          String serviceLine, String concernsEmployee, boolean unwantedBehaviour, boolean confidential,
                          String status, String escalationLevel, String nextEscalationLevel, boolean proposed) {
        this(reference, kind, channel, receivedOn, incidentOn, complainantRole, complainantNameGiven,
                complainantAddressGiven, complainantPhoneGiven, complainantEmailGiven, summary, category, serviceLine,
                concernsEmployee, unwantedBehaviour, confidential, status, escalationLevel, nextEscalationLevel, proposed,
                "");
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
