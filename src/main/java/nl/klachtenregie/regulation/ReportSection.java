package nl.klachtenregie.regulation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapportageonderdeel: what a section of a required report contains. The closed vocabulary in which a rule can name
 * the contents the regulation lists: {@code "LATE: het aantal klachten dat niet binnen de termijn is afgehandeld,
 * met toelichting"}, the code choosing what the product fills in and the words quoting the regulation. Without a
 * code the regulation's own words are recognised (the seed regulations are written that way); a section that is
 * neither is the organisation's own text: the report shows its words and leaves room.
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

    /**
     * How a section in the regulation's own words is recognised when the rules name no code: the seed regulations
     * (and every version written before codes existed) list their report contents in plain Dutch, and an active
     * version is never edited. First match wins, so the more specific phrases come first.
     */
    private static final List<Map.Entry<Pattern, ReportSection>> WORDS = List.of(
            Map.entry(words("afgeronde"), CLOSED_PROCEDURES),
            Map.entry(words("niet binnen .*termijn"), LATE),
            Map.entry(words("niet behandeld|niet in behandeling"), NOT_HANDLED),
            Map.entry(words("tevredenheid"), SATISFACTION),
            Map.entry(words("aantekening"), INFORMAL_NOTES),
            Map.entry(words("intern opgelost"), INTERNALLY_RESOLVED),
            Map.entry(words("geregistreerd|totaaloverzicht"), REGISTER),
            Map.entry(words("totaal"), TOTALS),
            Map.entry(words("\\baard\\b|inhoud"), NATURE),
            Map.entry(words("wijze van behandeling"), HANDLING),
            Map.entry(words("beslissing|oordeel"), DECISIONS),
            Map.entry(words("knelpunt"), BOTTLENECKS),
            Map.entry(words("conclusie"), CONCLUSIONS),
            Map.entry(words("correctieve maatregel"), CORRECTIVE_MEASURES),
            Map.entry(words("preventieve maatregel"), PREVENTIVE_MEASURES),
            Map.entry(words("effectiviteit|doeltreffend"), EFFECTIVENESS),
            Map.entry(words("verbetervoorstel|passende maatregel"), IMPROVEMENT_PROPOSALS),
            Map.entry(words("trend"), TRENDS),
            Map.entry(words("maatregel"), MEASURES),
            Map.entry(words("prestatie-?indicator|kengetal|kpi"), KPIS));

    /**
     * One section of a report duty.
     *
     * @param section what the product fills in; empty for the organisation's own text
     * @param words the regulation's words
     * @param inferred true when the code was recognised from the words rather than written in the rules
     */
    public record Part(Optional<ReportSection> section, String words, boolean inferred) {
    }

    /**
     * Splits a section as written in the rules into code and words: a leading known code ({@code "LATE: ..."})
     * decides; otherwise the words are recognised (see {@link #WORDS}); otherwise it is the organisation's own text.
     * Never fails: a section is text, and a typo in it must not stop the cases the rules govern.
     */
    public static Part parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = CODED.matcher(t);
        if (m.matches()) {
            String code = m.group(1);
            Optional<ReportSection> known = Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
            if (known.isPresent()) {
                String words = m.group(2).strip();
                return new Part(known, words.isEmpty() ? code : words, false);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, ReportSection> w : WORDS) {
            if (w.getKey().matcher(lower).find()) {
                return new Part(Optional.of(w.getValue()), t, true);
            }
        }
        return new Part(Optional.empty(), t, false);
    }

    private static Pattern words(String alternatives) {
        // Not anchored at a word start: Dutch compounds ("klanttevredenheid") carry the word inside.
        return Pattern.compile("(" + alternatives + ")");
    }
}
