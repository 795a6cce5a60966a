package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Dossier: a complaint case as users and the API see it on a given day ({@code asOf}). */
@Serdeable
public record CaseView(
        long id,
        String reference,
        ComplaintKind kind,
        Channel channel,
        CaseStatus status,
        LocalDate receivedOn,
        LocalDate incidentOn,
        Complainant complainant,
        String summary,
        String category,
        String serviceLine,
        String concernsEmployee,
        boolean unwantedBehaviour,
        boolean confidential,
        String regulationVersion,
        String escalationLevel,
        boolean registrationRequired,
        List<String> registrationReasons,
        boolean admissible,
        List<String> admissibilityReasons,
        List<ObligationView> obligations,
        List<String> nextActions,
        List<String> escalationOptions,
        List<ExternalBodyView> externalBodies,
        String addressee,
        List<AdviceView> advice,
        List<EventView> events,
        LocalDate asOf,
        boolean officialRequested,
        @Nullable HandlerView handler,
        int version,
        @Nullable String intakeLevel,
        @Nullable String versionNote,
        Map<String, String> levelHolders,
        boolean countsAsFormal,
        List<String> formalReasons,
        List<String> suspendable,
        @Nullable Long concernsStaffId) {

    /** The case before the personeelsoverzicht (issue 16): "betreft medewerker" as free text only. */
    public CaseView(long id, String reference, ComplaintKind kind, Channel channel, CaseStatus status,
                    LocalDate receivedOn, LocalDate incidentOn, Complainant complainant, String summary,
                    String category, String serviceLine, String concernsEmployee, boolean unwantedBehaviour,
                    boolean confidential, String regulationVersion, String escalationLevel,
                    boolean registrationRequired, List<String> registrationReasons, boolean admissible,
                    List<String> admissibilityReasons, List<ObligationView> obligations, List<String> nextActions,
                    List<String> escalationOptions, List<ExternalBodyView> externalBodies, String addressee,
                    List<AdviceView> advice, List<EventView> events, LocalDate asOf, boolean officialRequested,
                    @Nullable HandlerView handler, int version, @Nullable String intakeLevel,
                    @Nullable String versionNote, Map<String, String> levelHolders, boolean countsAsFormal,
                    List<String> formalReasons, List<String> suspendable) {
        this(id, reference, kind, channel, status, receivedOn, incidentOn, complainant, summary, category, serviceLine,
                concernsEmployee, unwantedBehaviour, confidential, regulationVersion, escalationLevel,
                registrationRequired, registrationReasons, admissible, admissibilityReasons, obligations, nextActions,
                escalationOptions, externalBodies, addressee, advice, events, asOf, officialRequested, handler, version,
                intakeLevel, versionNote, levelHolders, countsAsFormal, formalReasons, suspendable, null);
    }

    /** "Betreft medewerker" is free text for someone not in the personeelsoverzicht. */
    public boolean concernsSomeoneNotInDirectory() {
        return concernsEmployee != null && concernsStaffId == null;
    }

    /**
     * The fields added in 0.6.0 (intake level, version note, version's level holders, counts as formal, suspendable
     * terms) take their defaults.
     */
    public CaseView(long id, String reference, ComplaintKind kind, Channel channel, CaseStatus status,
                    LocalDate receivedOn, LocalDate incidentOn, Complainant complainant, String summary,
                    String category, String serviceLine, String concernsEmployee, boolean unwantedBehaviour,
                    boolean confidential, String regulationVersion, String escalationLevel,
                    boolean registrationRequired, List<String> registrationReasons, boolean admissible,
                    List<String> admissibilityReasons, List<ObligationView> obligations, List<String> nextActions,
                    List<String> escalationOptions, List<ExternalBodyView> externalBodies, String addressee,
                    List<AdviceView> advice, List<EventView> events, LocalDate asOf, boolean officialRequested,
                    @Nullable HandlerView handler, int version) {
        this(id, reference, kind, channel, status, receivedOn, incidentOn, complainant, summary, category, serviceLine,
                concernsEmployee, unwantedBehaviour, confidential, regulationVersion, escalationLevel,
                registrationRequired, registrationReasons, admissible, admissibilityReasons, obligations, nextActions,
                escalationOptions, externalBodies, addressee, advice, events, asOf, officialRequested, handler, version,
                null, null, Map.of(), kind == ComplaintKind.FORMAL, List.of(), List.of());
    }

    /** Behandelaar: the user the case is assigned to. */
    @Serdeable
    public record HandlerView(long id, String name) {
    }

    /**
     * Verplichting with its status on {@code asOf}.
     *
     * @param setAsideReason why a person set it aside (status SET_ASIDE), else null
     * @param statute the law that sets the term ("Wkkgz art. 17 lid 1"), "" for the regulation's own term
     * @param label what the complainant is promised in words, "" when none
     */
    @Serdeable
    public record ObligationView(String code, LocalDate fromOn, LocalDate dueOn, ObligationStatus status,
                                 LocalDate metOn, String basis, String explanation, @Nullable String setAsideReason,
                                 String statute, String label) {
        public ObligationView(String code, LocalDate fromOn, LocalDate dueOn, ObligationStatus status, LocalDate metOn,
                              String basis, String explanation) {
            this(code, fromOn, dueOn, status, metOn, basis, explanation, null, "", "");
        }
    }

    /** Externe instantie to name to the complainant. */
    @Serdeable
    public record ExternalBodyView(String code, String kind, String name, String address, String email, String url) {
    }

    /** Aandachtspunt for the handler. */
    @Serdeable
    public record AdviceView(String code, String text, String basis) {
    }

    /**
     * Timeline entry: the day it happened ({@code on}) and the moment it was recorded ({@code recordedAt}).
     *
     * @param recordedLate recorded more than two working days after it happened ("achteraf vastgelegd")
     * @param awaitingConfirmation an extension recorded after its term ran out, not yet confirmed by a second person
     * @param confirmedBy who confirmed such an extension, null when nobody (yet)
     * @param measures for a decision: each measure with the date by which it will be realised
     * @param sentOn for a decision: the day the written decision was sent or handed to the complainant
     * @param measure for a measure realised: which measure of the case (1-based)
     */
    @Serdeable
    public record EventView(int sequence, EventType type, LocalDate on, Integer weeks, String level, String body,
                            Judgement judgement, List<Measure> measures, @Nullable LocalDate sentOn,
                            @Nullable Integer measure, String motivation, String text, Boolean signedByComplainant, Integer satisfaction,
                            @Nullable String recordedBy, @Nullable Instant recordedAt, boolean recordedLate,
                            boolean awaitingConfirmation, @Nullable String confirmedBy, List<String> codes,
                            @Nullable String reason, @Nullable LocalDate noticeDate, @Nullable String noticeReference,
                            @Nullable String consentBy, @Nullable LocalDate consentOn, @Nullable String consentHow,
                            @Nullable LocalDate lodgedOn) {
        public EventView(int sequence, EventType type, LocalDate on, Integer weeks, String level, String body,
                         Judgement judgement, List<Measure> measures, LocalDate sentOn, String motivation, String text,
                         Boolean signedByComplainant, Integer satisfaction, @Nullable String recordedBy) {
            this(sequence, type, on, weeks, level, body, judgement, measures, sentOn, null, motivation, text,
                    signedByComplainant, satisfaction, recordedBy, null, false, false, null, List.of(), null, null, null,
                    null, null, null, null);
        }
    }
}
