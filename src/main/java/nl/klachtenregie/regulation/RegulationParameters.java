package nl.klachtenregie.regulation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** PLACEHOLDER until the templates branch lands (same shape as the contract). */
@Serdeable
public record RegulationParameters(String name, List<Term> terms, List<Extension> extensions,
                                   RegistrationPolicy registration, List<Kpi> kpis, List<Report> reports,
                                   boolean offerNextEscalationLevel) {
    @Serdeable
    public record Term(String code, String appliesTo, String startsAt, int amount, String unit, String satisfiedBy,
                       String quote) {
    }

    @Serdeable
    public record Extension(String term, int maxCount, int amount, String unit, boolean announceBeforeDue,
                            String quote) {
    }

    @Serdeable
    public record RegistrationPolicy(boolean formal, boolean informal, boolean repeatedAboutSamePerson,
                                     boolean repeatedAboutSameSubject, boolean unwantedBehaviour, String quote) {
    }

    @Serdeable
    public record Kpi(String code, String label, String measure, String comparator, double target, String quote) {
    }

    @Serdeable
    public record Report(String code, String period, String audience, List<String> sections, String quote) {
    }

    public static RegulationParameters defaults(String name) {
        return new RegulationParameters(name, List.of(new Term("ACKNOWLEDGE", "ALL", "RECEIVED", 5, "WORKING_DAYS",
                "ACKNOWLEDGED", "x")), List.of(), new RegistrationPolicy(true, false, true, true, true, "x"),
                List.of(), List.of(), true);
    }
}
