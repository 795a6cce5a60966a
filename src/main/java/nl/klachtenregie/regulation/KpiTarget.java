package nl.klachtenregie.regulation;

import java.util.Set;

/**
 * Prestatie-indicator: a KPI and its target.
 *
 * @param measure {@code FORMAL_COMPLAINTS} (count of formal complaints received in the year),
 *     {@code ALL_COMPLAINTS}, or {@code ON_TIME:<obligation code>} (share of that obligation met on time)
 * @param comparator LT, LE, GE or GT: how the value must relate to the target
 */
public record KpiTarget(String code, String label, String measure, String comparator, double target, String basis)
        implements Emission {
    private static final Set<String> COMPARATORS = Set.of("LT", "LE", "GE", "GT");

    public KpiTarget {
        Emission.requireText(code, "code");
        Emission.requireText(label, "label");
        Emission.requireText(measure, "measure");
        if (!measure.equals("FORMAL_COMPLAINTS") && !measure.equals("ALL_COMPLAINTS")
                && !measure.startsWith("ON_TIME:")) {
            throw new IllegalArgumentException("Onbekende KPI-maat '" + measure + "'");
        }
        if (!COMPARATORS.contains(comparator)) {
            throw new IllegalArgumentException("Onbekende vergelijking '" + comparator + "' (LT, LE, GE, GT)");
        }
        basis = basis == null ? "" : basis;
    }

    public KpiTarget(String code, String label, String measure, String comparator, double target) {
        this(code, label, measure, comparator, target, "");
    }

    public boolean isMet(double value) {
        return switch (comparator) {
            case "LT" -> value < target;
            case "LE" -> value <= target;
            case "GE" -> value >= target;
            case "GT" -> value > target;
            default -> throw new IllegalStateException(comparator);
        };
    }

    @Override
    public KpiTarget withBasis(String basis) {
        return new KpiTarget(code, label, measure, comparator, target, basis);
    }
}
