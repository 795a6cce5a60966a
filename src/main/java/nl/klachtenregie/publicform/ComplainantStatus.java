package nl.klachtenregie.publicform;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * Stand van zaken voor de klager: what the private status link shows, and nothing more. Built field by field from the
 * case (a whitelist, not a case with parts removed), so that whatever the case gains later stays internal unless it
 * is added here: no handler or recorder, no event texts, motivation or measures, no advice or registration reasons,
 * no employee, no category, and not even the complainant's own contact details.
 *
 * @param referredTo the name of the external body the complaint was referred to; null when not referred (or to a
 *     body the profile no longer names)
 * @param next the next promise still open, soonest first; null when none is open
 * @param milestones what has happened that the complainant was told of, oldest first
 */
public record ComplainantStatus(String reference, LocalDate receivedOn, Stage stage, String referredTo,
                                NextTerm next, List<Milestone> milestones) {

    /** Fase: where the complaint stands, in the complainant's words. */
    public enum Stage { RECEIVED, IN_PROGRESS, CONCLUDED, CLOSED, REFERRED }

    /**
     * Volgende stap: a promise still open, its {@link ComplainantTerms} code and date (null when none is named), and the
     * regulation's words for it when the duty is the tenant's own ("" for the standard ones, which the pages word).
     */
    public record NextTerm(String code, LocalDate dueOn, boolean overdue, String label) {
        public NextTerm {
            label = label == null ? "" : label;
        }
    }

    /**
     * Mijlpaal: something that happened, as an event type of {@link #MILESTONES}, its date, and for an extension the
     * new date of the term it moved.
     */
    public record Milestone(String type, LocalDate on, LocalDate newDueOn) {
    }

    /** The events a complainant hears of; others (escalations, meetings planned, internal reports) are not shown. */
    static final Set<EventType> MILESTONES = Set.of(EventType.ACKNOWLEDGED, EventType.CONTACTED,
            EventType.PROGRESS_REPORTED, EventType.EXTENSION_ANNOUNCED, EventType.SOLUTION_COMMUNICATED,
            EventType.DECIDED, EventType.RESOLVED_INFORMALLY, EventType.DECLARED_NOT_ADMISSIBLE);

    private static final List<String> CODES_WORDED = ComplainantTerms.CODES;

    public ComplainantStatus {
        milestones = List.copyOf(milestones);
    }

    /** The status of the case as seen on {@code c.asOf()}. */
    public static ComplainantStatus of(CaseView c, TenantProfile profile) {
        // Referred to a body that handles it on the organisation's behalf (Klachtenportaal Zorg for Klimkoord): the
        // organisation's duties run on, but for the complainant the complaint is with that body now.
        boolean referred = c.events().stream().anyMatch(e -> e.type() == EventType.REFERRED_EXTERNAL);
        Stage stage = switch (c.status()) {
            case RECEIVED -> Stage.RECEIVED;
            case IN_PROGRESS -> referred ? Stage.REFERRED : Stage.IN_PROGRESS;
            case REFERRED_EXTERNAL -> Stage.REFERRED;
            case DECIDED, RESOLVED_INFORMALLY, NOT_ADMISSIBLE -> Stage.CONCLUDED;
            case CLOSED -> Stage.CLOSED;
        };
        String referredTo = stage != Stage.REFERRED ? null : c.events().stream()
                .filter(e -> e.type() == EventType.REFERRED_EXTERNAL && e.body() != null)
                .reduce((first, second) -> second)
                .flatMap(e -> profile.externalBody(e.body())).map(TenantProfile.ExternalBody::name).orElse(null);
        NextTerm next = c.obligations().stream()
                .filter(o -> ComplainantTerms.isForComplainant(o.code(), o.label()))
                .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.OVERDUE)
                .min(Comparator.comparing(CaseView.ObligationView::dueOn,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(o -> new NextTerm(o.code(), o.dueOn(), o.status() == ObligationStatus.OVERDUE,
                        CODES_WORDED.contains(o.code()) ? "" : o.label()))
                .orElse(null);
        List<Milestone> milestones = c.events().stream()
                .filter(e -> MILESTONES.contains(e.type()))
                .sorted(Comparator.comparing(CaseView.EventView::on).thenComparing(CaseView.EventView::sequence))
                .map(e -> new Milestone(e.type().name(), e.on(),
                        e.type() == EventType.EXTENSION_ANNOUNCED ? extendedDue(c) : null))
                .toList();
        return new ComplainantStatus(c.reference(), c.receivedOn(), stage, referredTo, next, milestones);
    }

    /**
     * The new date of the term an extension moved: the complainant-facing term whose due date the engine explains
     * with the extension, or else the judgement (the term regulations allow to extend).
     */
    private static LocalDate extendedDue(CaseView c) {
        List<CaseView.ObligationView> facing = c.obligations().stream()
                .filter(o -> ComplainantTerms.isForComplainant(o.code(), o.label()) && o.dueOn() != null).toList();
        return facing.stream().filter(o -> o.explanation() != null && o.explanation().contains("verlenging"))
                .map(CaseView.ObligationView::dueOn).max(Comparator.naturalOrder())
                .or(() -> facing.stream().filter(o -> o.code().equals("DECIDE")).map(CaseView.ObligationView::dueOn)
                        .max(Comparator.naturalOrder()))
                .orElse(null);
    }
}
