package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Nieuwe klacht: a validated intake, before the regulation has looked at it. {@code officialRequested}: an oral
 * complaint that the complainant wants handled as an official (written) one. {@code escalationLevel}: the rung of the
 * ladder the complaint is made at (a complaint made directly to the klachtenfunctionaris starts there); null for the
 * lowest rung.
 */
public record NewComplaint(ComplaintKind kind, Channel channel, LocalDate receivedOn, LocalDate incidentOn,
                           Complainant complainant, String summary, String category, String serviceLine,
                           String concernsEmployee, boolean unwantedBehaviour, boolean confidential,
                           boolean officialRequested, String escalationLevel) {
    public NewComplaint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(complainant, "complainant");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        serviceLine = Complainant.blankToNull(serviceLine);
        concernsEmployee = Complainant.blankToNull(concernsEmployee);
        escalationLevel = Complainant.blankToNull(escalationLevel);
    }

    public NewComplaint(ComplaintKind kind, Channel channel, LocalDate receivedOn, LocalDate incidentOn,
                        Complainant complainant, String summary, String category, String serviceLine,
                        String concernsEmployee, boolean unwantedBehaviour, boolean confidential,
                        boolean officialRequested) {
        this(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine, concernsEmployee,
                unwantedBehaviour, confidential, officialRequested, null);
    }

    /** The same intake registered at another rung of the ladder. */
    public NewComplaint atLevel(String level) {
        return new NewComplaint(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine,
                concernsEmployee, unwantedBehaviour, confidential, officialRequested, level);
    }

    public NewComplaint(ComplaintKind kind, Channel channel, LocalDate receivedOn, LocalDate incidentOn,
                        Complainant complainant, String summary, String category, String serviceLine,
                        String concernsEmployee, boolean unwantedBehaviour, boolean confidential) {
        this(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine, concernsEmployee,
                unwantedBehaviour, confidential, false);
    }

    public boolean oral() {
        return channel == Channel.PHONE || channel == Channel.IN_PERSON;
    }
}
