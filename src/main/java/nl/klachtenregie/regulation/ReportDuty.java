package nl.klachtenregie.regulation;

import java.util.Arrays;
import java.util.List;

/**
 * Rapportageplicht: a periodic report the regulation requires.
 *
 * @param period HALF_YEAR or YEAR
 * @param audience who receives it (e.g. directie, MT)
 * @param sections the contents the regulation lists, in its words, each optionally led by a {@link ReportSection}
 *     code ({@code "LATE: ..."})
 */
public record ReportDuty(String code, String period, String audience, List<String> sections, String basis)
        implements Emission {
    public ReportDuty {
        Emission.requireText(code, "code");
        if (!"HALF_YEAR".equals(period) && !"YEAR".equals(period)) {
            throw new IllegalArgumentException("Onbekende rapportageperiode '" + period + "' (HALF_YEAR, YEAR)");
        }
        Emission.requireText(audience, "audience");
        sections = List.copyOf(sections);
        basis = basis == null ? "" : basis;
    }

    /** For rules: sections as one text, separated by ';' (rules cannot build lists). */
    public ReportDuty(String code, String period, String audience, String sections) {
        this(code, period, audience,
                Arrays.stream(sections.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(), "");
    }

    /** The sections with their codes split off. */
    public List<ReportSection.Part> parts() {
        return sections.stream().map(ReportSection::parse).toList();
    }

    @Override
    public ReportDuty withBasis(String basis) {
        return new ReportDuty(code, period, audience, sections, basis);
    }
}
