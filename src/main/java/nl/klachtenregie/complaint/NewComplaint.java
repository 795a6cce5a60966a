package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Nieuwe klacht: a validated intake, before the regulation has looked at it. {@code officialRequested}: an oral
 * complaint that the complainant wants handled as an official (written) one. {@code escalationLevel}: the rung of the
 * ladder the complaint is made at (a complaint made directly to the klachtenfunctionaris starts there); null for the
 * lowest rung. {@code concernsStaffId}: the entry of the personeelsoverzicht (staff directory) the complaint concerns;
 * null when {@code concernsEmployee} is free text for someone not in it, or nobody is named.
 */
public record NewComplaint(ComplaintKind kind, Channel channel, LocalDate receivedOn, LocalDate incidentOn,
                           Complainant complainant, String summary, String category, String serviceLine,
                           String concernsEmployee, boolean unwantedBehaviour, boolean confidential,
                           boolean officialRequested, String escalationLevel, Long concernsStaffId) {
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
                        boolean officialRequested, String escalationLevel) {
        this(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine, concernsEmployee,
                unwantedBehaviour, confidential, officialRequested, escalationLevel, null);
    }

    /** The same intake about a directory entry: its name stands in "betreft medewerker". */
    public NewComplaint concerning(Long staffId, String staffName) {
        return new NewComplaint(kind, channel, receivedOn, incidentOn, complainant, summary, category, serviceLine,
                staffId == null ? concernsEmployee : staffName, unwantedBehaviour, confidential, officialRequested,
                escalationLevel, staffId);
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
                concernsEmployee, unwantedBehaviour, confidential, officialRequested, level, concernsStaffId);
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
