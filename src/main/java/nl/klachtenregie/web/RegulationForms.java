package nl.klachtenregie.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.TermUnit;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * The regulation form as posted: flat fields named like the parameters' error keys ({@code terms[0].amount}), so an
 * error lands next to its input. Rows whose code is left empty are the spare rows for additions and are dropped;
 * the form is shown again from what remains, so the row numbers of errors and inputs stay the same.
 */
final class RegulationForms {

    /** Spare empty rows under each list, for additions without JavaScript. */
    static final int SPARE_ROWS = 2;

    record Option(String value, String label, boolean selected) {
    }

    record TermRow(int index, String code, List<Option> appliesTo, List<Option> startsAt, String amount,
                   List<Option> units, List<Option> satisfiedBy, String quote) {
    }

    record ExtensionRow(int index, String term, String maxCount, String amount, List<Option> units,
                        boolean announceBeforeDue, String quote) {
    }

    record KpiRow(int index, String code, String label, String measure, List<Option> comparators, String target,
                  String quote) {
    }

    record ReportRow(int index, String code, List<Option> periods, String audience, String sections, String quote) {
    }

    /** Everything the form editor shows, as typed. */
    record Editor(String name, List<TermRow> terms, List<ExtensionRow> extensions, boolean regFormal,
                  boolean regInformal, boolean regPerson, boolean regSubject, boolean regUnwanted, String regQuote,
                  List<KpiRow> kpis, List<ReportRow> reports, boolean offerNext) {
    }

    private static final List<String> APPLIES = RegulationParameters.APPLIES_TO;
    private static final List<String> COMPARATORS = RegulationParameters.COMPARATORS;
    private static final List<String> PERIODS = RegulationParameters.PERIODS;

    private RegulationForms() {
    }

    static DraftHeader header(String version, Map<String, String> f) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = null;
        String date = f.getOrDefault("effectiveFrom", "").strip();
        if (!date.isEmpty()) {
            try {
                from = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.put("effectiveFrom", "geef een datum als jjjj-mm-dd");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String regulation = f.getOrDefault("regulation", "").strip();
        // A copy stays in its original's regulation unless another is named; a new draft is of the main one.
        boolean copy = version == null && "copy".equals(f.get("kind"));
        return new DraftHeader(version == null ? f.getOrDefault("version", "").strip() : version, from,
                f.getOrDefault("title", ""), f.getOrDefault("source", ""),
                regulation.isEmpty() && copy ? null : regulation);
    }

    /** The posted form as parameters; a number that is not one is an error on its field. */
    static RegulationParameters parameters(Map<String, String> f) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<RegulationParameters.Term> terms = new ArrayList<>();
        for (int i : rows(f, "terms")) {
            String p = "terms[" + terms.size() + "].";
            String q = "terms[" + i + "].";
            terms.add(new RegulationParameters.Term(get(f, q + "code"), get(f, q + "appliesTo"),
                    get(f, q + "startsAt"), integer(f, q + "amount", p + "amount", errors), get(f, q + "unit"),
                    get(f, q + "satisfiedBy"), get(f, q + "quote")));
        }
        List<RegulationParameters.Extension> extensions = new ArrayList<>();
        for (int i : rows(f, "extensions", "term")) {
            String p = "extensions[" + extensions.size() + "].";
            String q = "extensions[" + i + "].";
            extensions.add(new RegulationParameters.Extension(get(f, q + "term"),
                    integer(f, q + "maxCount", p + "maxCount", errors), integer(f, q + "amount", p + "amount", errors),
                    get(f, q + "unit"), f.containsKey(q + "announceBeforeDue"), get(f, q + "quote")));
        }
        List<RegulationParameters.Kpi> kpis = new ArrayList<>();
        for (int i : rows(f, "kpis")) {
            String p = "kpis[" + kpis.size() + "].";
            String q = "kpis[" + i + "].";
            kpis.add(new RegulationParameters.Kpi(get(f, q + "code"), get(f, q + "label"), get(f, q + "measure"),
                    get(f, q + "comparator"), decimal(f, q + "target", p + "target", errors), get(f, q + "quote")));
        }
        List<RegulationParameters.Report> reports = new ArrayList<>();
        for (int i : rows(f, "reports")) {
            String q = "reports[" + i + "].";
            reports.add(new RegulationParameters.Report(get(f, q + "code"), get(f, q + "period"),
                    get(f, q + "audience"), Arrays.stream(get(f, q + "sections").split("\\R|;"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), get(f, q + "quote")));
        }
        RegulationParameters.RegistrationPolicy registration = new RegulationParameters.RegistrationPolicy(
                f.containsKey("registration.formal"), f.containsKey("registration.informal"),
                f.containsKey("registration.repeatedAboutSamePerson"),
                f.containsKey("registration.repeatedAboutSameSubject"),
                f.containsKey("registration.unwantedBehaviour"), get(f, "registration.quote"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RegulationParameters(get(f, "name"), terms, extensions, registration, kpis, reports,
                f.containsKey("offerNextEscalationLevel"));
    }

    /** The editor filled from stored parameters, with spare rows. */
    static Editor editor(RegulationParameters p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", p.name());
        for (int i = 0; i < p.terms().size(); i++) {
            var t = p.terms().get(i);
            String q = "terms[" + i + "].";
            f.put(q + "code", t.code());
            f.put(q + "appliesTo", t.appliesTo());
            f.put(q + "startsAt", t.startsAt());
            f.put(q + "amount", String.valueOf(t.amount()));
            f.put(q + "unit", t.unit());
            f.put(q + "satisfiedBy", t.satisfiedBy());
            f.put(q + "quote", t.quote());
        }
        for (int i = 0; i < p.extensions().size(); i++) {
            var e = p.extensions().get(i);
            String q = "extensions[" + i + "].";
            f.put(q + "term", e.term());
            f.put(q + "maxCount", String.valueOf(e.maxCount()));
            f.put(q + "amount", String.valueOf(e.amount()));
            f.put(q + "unit", e.unit());
            if (e.announceBeforeDue()) {
                f.put(q + "announceBeforeDue", "on");
            }
            f.put(q + "quote", e.quote());
        }
        var r = p.registration();
        if (r != null) {
            putIf(f, "registration.formal", r.formal());
            putIf(f, "registration.informal", r.informal());
            putIf(f, "registration.repeatedAboutSamePerson", r.repeatedAboutSamePerson());
            putIf(f, "registration.repeatedAboutSameSubject", r.repeatedAboutSameSubject());
            putIf(f, "registration.unwantedBehaviour", r.unwantedBehaviour());
            f.put("registration.quote", r.quote());
        }
        for (int i = 0; i < p.kpis().size(); i++) {
            var k = p.kpis().get(i);
            String q = "kpis[" + i + "].";
            f.put(q + "code", k.code());
            f.put(q + "label", k.label());
            f.put(q + "measure", k.measure());
            f.put(q + "comparator", k.comparator());
            f.put(q + "target", String.valueOf(k.target()));
            f.put(q + "quote", k.quote());
        }
        for (int i = 0; i < p.reports().size(); i++) {
            var rep = p.reports().get(i);
            String q = "reports[" + i + "].";
            f.put(q + "code", rep.code());
            f.put(q + "period", rep.period());
            f.put(q + "audience", rep.audience());
            f.put(q + "sections", String.join("\n", rep.sections()));
            f.put(q + "quote", rep.quote());
        }
        putIf(f, "offerNextEscalationLevel", p.offerNextEscalationLevel());
        return editor(f);
    }

    /** The editor as typed (after an error), rows renumbered the way {@link #parameters} numbered them. */
    static Editor editor(Map<String, String> f) {
        List<String> events = Arrays.stream(EventType.values()).map(Enum::name).toList();
        List<String> starts = new ArrayList<>(List.of("RECEIVED"));
        starts.addAll(events);
        List<String> units = Arrays.stream(TermUnit.values()).map(Enum::name).toList();
        List<TermRow> terms = new ArrayList<>();
        List<Integer> termRows = rows(f, "terms");
        for (int n = 0; n < termRows.size() + SPARE_ROWS; n++) {
            String q = n < termRows.size() ? "terms[" + termRows.get(n) + "]." : "-";
            terms.add(new TermRow(n, get(f, q + "code"), options(APPLIES, or(get(f, q + "appliesTo"), "ALL"), "reg.applies."),
                    options(starts, or(get(f, q + "startsAt"), "RECEIVED"), "reg.start."), get(f, q + "amount"),
                    options(units, or(get(f, q + "unit"), "WORKING_DAYS"), "reg.unit."),
                    options(events, get(f, q + "satisfiedBy"), "event."), get(f, q + "quote")));
        }
        List<ExtensionRow> extensions = new ArrayList<>();
        List<Integer> extRows = rows(f, "extensions", "term");
        for (int n = 0; n < Math.max(1, extRows.size()); n++) {
            String q = n < extRows.size() ? "extensions[" + extRows.get(n) + "]." : "-";
            extensions.add(new ExtensionRow(n, get(f, q + "term"), or(get(f, q + "maxCount"), n < extRows.size() ? "" : "1"),
                    get(f, q + "amount"), options(units, or(get(f, q + "unit"), "WEEKS"), "reg.unit."),
                    n >= extRows.size() || f.containsKey(q + "announceBeforeDue"), get(f, q + "quote")));
        }
        List<KpiRow> kpis = new ArrayList<>();
        List<Integer> kpiRows = rows(f, "kpis");
        for (int n = 0; n < kpiRows.size() + SPARE_ROWS; n++) {
            String q = n < kpiRows.size() ? "kpis[" + kpiRows.get(n) + "]." : "-";
            kpis.add(new KpiRow(n, get(f, q + "code"), get(f, q + "label"), get(f, q + "measure"),
                    options(COMPARATORS, or(get(f, q + "comparator"), "GE"), "reg.cmp."), get(f, q + "target"),
                    get(f, q + "quote")));
        }
        List<ReportRow> reports = new ArrayList<>();
        List<Integer> reportRows = rows(f, "reports");
        for (int n = 0; n < reportRows.size() + 1; n++) {
            String q = n < reportRows.size() ? "reports[" + reportRows.get(n) + "]." : "-";
            reports.add(new ReportRow(n, get(f, q + "code"), options(PERIODS, or(get(f, q + "period"), "YEAR"),
                    "reg.period."), get(f, q + "audience"), get(f, q + "sections"), get(f, q + "quote")));
        }
        return new Editor(get(f, "name"), terms, extensions, f.containsKey("registration.formal"),
                f.containsKey("registration.informal"), f.containsKey("registration.repeatedAboutSamePerson"),
                f.containsKey("registration.repeatedAboutSameSubject"), f.containsKey("registration.unwantedBehaviour"),
                get(f, "registration.quote"), kpis, reports, f.containsKey("offerNextEscalationLevel"));
    }

    /** Indices of the posted rows of a list whose key field is filled in, in order. */
    private static List<Integer> rows(Map<String, String> f, String list) {
        return rows(f, list, "code");
    }

    private static List<Integer> rows(Map<String, String> f, String list, String keyField) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = list + "[" + i + "]." + keyField;
            if (!get(f, key).isBlank()) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Option> options(List<String> values, String selected, String labelPrefix) {
        return values.stream().map(v -> new Option(v, labelPrefix + v, v.equals(selected))).toList();
    }

    private static String get(Map<String, String> f, String key) {
        String v = f.get(key);
        return v == null ? "" : v.strip();
    }

    private static String or(String v, String fallback) {
        return v.isEmpty() ? fallback : v;
    }

    private static void putIf(Map<String, String> f, String key, boolean on) {
        if (on) {
            f.put(key, "on");
        }
    }

    private static int integer(Map<String, String> f, String key, String errorKey, Map<String, String> errors) {
        return number(f, key, errorKey, errors, Integer::parseInt, 0);
    }

    private static double decimal(Map<String, String> f, String key, String errorKey, Map<String, String> errors) {
        return number(f, key, errorKey, errors, s -> Double.parseDouble(s.replace(',', '.')), 0.0);
    }

    private static <T> T number(Map<String, String> f, String key, String errorKey, Map<String, String> errors,
                                Function<String, T> parse, T fallback) {
        String v = get(f, key);
        if (v.isEmpty()) {
            errors.put(errorKey, "vul een getal in");
            return fallback;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            errors.put(errorKey, "'" + v + "' is geen getal");
            return fallback;
        }
    }
}
