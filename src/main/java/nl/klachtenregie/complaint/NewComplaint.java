package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.Objects;

/** Nieuwe klacht: a validated intake, before the regulation has looked at it. */
public record NewComplaint(ComplaintKind kind, Channel channel, LocalDate receivedOn, LocalDate incidentOn,
                           Complainant complainant, String summary, String category, String serviceLine,
                           String concernsEmployee, boolean unwantedBehaviour, boolean confidential) {
    public NewComplaint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(complainant, "complainant");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        serviceLine = Complainant.blankToNull(serviceLine);
        concernsEmployee = Complainant.blankToNull(concernsEmployee);
    }
}
