package nl.klachtenregie.regulation;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapportageonderdeel: what a section of a required report contains. The closed vocabulary in which a rule names the
 * contents the regulation lists: a section is written {@code "LATE: het aantal klachten dat niet binnen de termijn
 * is afgehandeld, met toelichting"}, the code choosing what the product fills in and the words quoting the
 * regulation. A section without a code is the organisation's own text: the report shows its words and leaves room.
 */
public enum ReportSection {
    /** Totals by kind, channel and category. */
    TOTALS,
    /** The list of the period's complaints (Totaaloverzicht, tab 'Klachten'). */
    REGISTER,
    /** Complaints not handled within their term, with the case's explanation. */
    LATE,
    /** Complaints received but not taken into treatment (not admissible, withdrawn), with explanation. */
    NOT_HANDLED,
    /** Satisfaction with the handling. */
    SATISFACTION,
    /** Nature and content: categories, service lines, the subjects. */
    NATURE,
    /** How complaints were handled: level reached, informal or formal, referred. */
    HANDLING,
    /** Decisions and judgements. */
    DECISIONS,
    /** KPI values against their targets. */
    KPIS,
    /** Trends: repeated complaints about one subject or person, rising categories. */
    TRENDS,
    /** Measures taken (verbeterregister). */
    MEASURES,
    /** Corrective measures only. */
    CORRECTIVE_MEASURES,
    /** Preventive measures only. */
    PREVENTIVE_MEASURES,
    /** The effectiveness review of the measures. */
    EFFECTIVENESS,
    /** Structural improvement proposals: proposed measures and flagged trends without one. */
    IMPROVEMENT_PROPOSALS,
    /** Bottlenecks: missed KPIs, late terms, rising categories. */
    BOTTLENECKS,
    /** Notes of informal complaints resolved on the spot (Impuls: aantekeningen). */
    INFORMAL_NOTES,
    /** Complaints resolved within the team. */
    INTERNALLY_RESOLVED,
    /** Procedures closed in the period, internally or externally resolved. */
    CLOSED_PROCEDURES,
    /** Conclusions: the author's own text, with the period's key figures beside it. */
    CONCLUSIONS;

    private static final Pattern CODED = Pattern.compile("^([A-Z][A-Z_]{1,40}):\\s*(.*)$", Pattern.DOTALL);

    /** One section of a report duty: its code (empty for the organisation's own text) and the regulation's words. */
    public record Part(Optional<ReportSection> section, String words) {
    }

    /**
     * Splits a section as written in the rules into code and words.
     *
     * @throws IllegalArgumentException when it starts with a code that is not in this vocabulary
     */
    public static Part parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = CODED.matcher(t);
        if (!m.matches()) {
            return new Part(Optional.empty(), t);
        }
        String code = m.group(1);
        ReportSection section = Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Onbekend rapportageonderdeel '" + code + "' (bekend: "
                        + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()) + ")"));
        String words = m.group(2).strip();
        return new Part(Optional.of(section), words.isEmpty() ? code : words);
    }
}
