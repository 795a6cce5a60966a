package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

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
        int version) {

    /** Behandelaar: the user the case is assigned to. */
    @Serdeable
    public record HandlerView(long id, String name) {
    }

    /** Verplichting with its status on {@code asOf}. */
    @Serdeable
    public record ObligationView(String code, LocalDate fromOn, LocalDate dueOn, ObligationStatus status,
                                 LocalDate metOn, String basis, String explanation) {
    }

    /** Externe instantie to name to the complainant. */
    @Serdeable
    public record ExternalBodyView(String code, String kind, String name, String address, String email, String url) {
    }

    /** Aandachtspunt for the handler. */
    @Serdeable
    public record AdviceView(String code, String text, String basis) {
    }

    /** Timeline entry. */
    @Serdeable
    public record EventView(int sequence, EventType type, LocalDate on, Integer weeks, String level, String body,
                            Judgement judgement, String measures, LocalDate measuresDueOn, String motivation,
                            String text, Boolean signedByComplainant, Integer satisfaction,
                            @Nullable String recordedBy) {
    }
}
