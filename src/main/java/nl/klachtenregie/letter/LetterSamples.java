package nl.klachtenregie.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.CaseView.EventView;
import nl.klachtenregie.complaint.CaseView.ExternalBodyView;
import nl.klachtenregie.complaint.CaseView.ObligationView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Voorbeelddossier: a made-up but realistic case of the tenant (its first category, service line, ladder and
 * external bodies) with the events the letter kind reports, so that a template can be previewed and tried before
 * it is saved. Nothing of it is stored.
 */
final class LetterSamples {

    private LetterSamples() {
    }

    static CaseView sample(TenantProfile profile, LetterKind kind, LocalDate today) {
        LocalDate received = today.minusDays(10);
        List<EventView> events = new ArrayList<>();
        events.add(event(events, EventType.ACKNOWLEDGED, received.plusDays(2), null, null, null, null, null));
        CaseStatus status = CaseStatus.IN_PROGRESS;
        switch (kind) {
            case EXTENSION -> events.add(event(events, EventType.EXTENSION_ANNOUNCED, today.minusDays(1), 4, null,
                    null, null, null));
            case DECISION -> {
                events.add(event(events, EventType.MEETING_HELD, today.minusDays(3), null, null, null, null, null));
                events.add(event(events, EventType.DECIDED, today.minusDays(1), null, Judgement.PARTLY_WELL_FOUNDED,
                        "Wij bespreken de bejegening in het teamoverleg en maken afspraken over terugbellen.",
                        today.plusWeeks(6), "Uit het gesprek met u en met de betrokken medewerker blijkt dat uw "
                        + "afspraak is afgezegd zonder u te bellen; dat had niet mogen gebeuren. Dat er daarna niemand "
                        + "terugbelde, konden wij niet vaststellen."));
                status = CaseStatus.DECIDED;
            }
            case NOT_ADMISSIBLE -> {
                events.add(event(events, EventType.DECLARED_NOT_ADMISSIBLE, today.minusDays(1), null, null, null, null,
                        "De klacht gaat over een gebeurtenis van meer dan een jaar geleden."));
                status = CaseStatus.NOT_ADMISSIBLE;
            }
            default -> {
                // acknowledgement and progress report on the case as it is
            }
        }
        List<ObligationView> obligations = List.of(
                new ObligationView("ACKNOWLEDGE", received, received.plusDays(5), ObligationStatus.MET,
                        received.plusDays(2), "voorbeeld", "ontvangst bevestigen"),
                new ObligationView("CONTACT", received, received.plusDays(14), ObligationStatus.OPEN, null,
                        "voorbeeld", "contact opnemen"),
                new ObligationView("DECIDE", received, received.plusWeeks(kind == LetterKind.EXTENSION ? 10 : 6),
                        ObligationStatus.OPEN, null, "voorbeeld", "besluiten"));
        String level = profile.lowestLevel();
        String above = profile.levelAbove(level);
        List<ExternalBodyView> bodies = profile.externalBodies().stream()
                .map(b -> new ExternalBodyView(b.code(), b.kind(), b.name(), b.address(), b.email(), b.url()))
                .toList();
        return new CaseView(0, received.getYear() + "-0001", ComplaintKind.FORMAL, Channel.LETTER, status, received,
                received.minusDays(3),
                new Complainant("mevrouw A. de Vries", ComplainantRole.CLIENT, "a.devries@example.org",
                        "06 12345678", "Dorpsstraat 1, 1234 AB", "Voorbeeldstad"),
                "Mijn afspraak van vorige week is zonder bericht afgezegd en niemand belde terug.",
                profile.categories().get(0).code(),
                profile.serviceLines().isEmpty() ? null : profile.serviceLines().get(0).code(),
                null, false, false, "voorbeeld", level, true, List.of(), kind != LetterKind.NOT_ADMISSIBLE,
                List.of(), obligations, List.of(), above.isEmpty() ? List.of() : List.of(above), bodies,
                profile.complaintAddress(), List.of(), List.copyOf(events), today, false, null, 0);
    }

    private static EventView event(List<EventView> before, EventType type, LocalDate on, Integer weeks,
                                   Judgement judgement, String measures, LocalDate measuresDueOn, String motivation) {
        List<nl.klachtenregie.complaint.Measure> items = measures == null ? List.of()
                : List.of(new nl.klachtenregie.complaint.Measure(measures, measuresDueOn));
        return new EventView(before.size() + 1, type, on, weeks, null, null, judgement, items, on,
                motivation, null, null, null, null);
    }
}
