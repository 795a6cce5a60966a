package nl.klachtenregie.regulation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.TermUnit;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.web.Option;

/**
 * The regulation form as posted: flat fields named like the parameters' error keys ({@code terms[0].amount}), so an
 * error lands next to its input. Rows whose key field (a term's code, an external body, a suspension's term) is left
 * empty are the spare rows for additions and are dropped; the form is shown again from what remains, so the row
 * numbers of errors and inputs stay the same.
 */
final class RegulationForms {

    /** Spare empty rows under each list, for additions without JavaScript. */
    static final int SPARE_ROWS = 2;

    /**
     * One term row. {@code placeholder}: its quote is still the model's standard text, which blocks activation.
     */
    record TermRow(int index, int number, String code, List<Option> appliesTo, List<Option> startsAt,
                   List<Option> startLevel, String amount, List<Option> units, List<Option> satisfiedBy, String statute,
                   String label, String quote, boolean placeholder) {
    }

    record ExtensionRow(int index, int number, String term, String maxCount, String amount, List<Option> units,
                        boolean announceBeforeDue, boolean beyondWithConsent, String quote, boolean placeholder) {
    }

    record KpiRow(int index, int number, String code, String label, String measure, List<Option> comparators,
                  String target, String quote, boolean placeholder) {
    }

    record ReportRow(int index, int number, String code, List<Option> periods, String audience, String sections,
                     String quote, boolean placeholder) {
    }

    record EscalationView(boolean offerNext, boolean maySkip, List<Option> appliesTo, String quote,
                          boolean placeholder) {
    }

    record ReferralRow(int index, int number, List<Option> body, List<Option> appliesTo, List<Option> serviceLine,
                       List<Option> atLevel, boolean endsOwnDuty, String quote, boolean placeholder) {
    }

    record SuspensionRow(int index, int number, String term, String maxDays, boolean statutoryToo, String quote,
                         boolean placeholder) {
    }

    /** Everything the form editor shows, as typed. */
    record Editor(String name, List<TermRow> terms, List<ExtensionRow> extensions, boolean regFormal,
                  boolean regInformal, boolean regPerson, boolean regSubject, boolean regUnwanted, String regQuote,
                  boolean regPlaceholder, List<KpiRow> kpis, List<ReportRow> reports, EscalationView escalation,
                  List<ReferralRow> referrals, List<SuspensionRow> suspensions, boolean rollOverOwnTerms,
                  String rollOverQuote, boolean rollOverPlaceholder, String handRules) {
    }

    static final String HAND_RULES = "handRules";

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

    /** The hand-written rules typed under the form, line breaks as the browser sent them made plain. */
    static String handRules(Map<String, String> f) {
        String text = f.getOrDefault(HAND_RULES, "");
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    /** The posted form as parameters; a number that is not one is an error on its field. */
    static RegulationParameters parameters(Map<String, String> f) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<RegulationParameters.Term> terms = new ArrayList<>();
        for (int i : rows(f, "terms")) {
            String p = "terms[" + terms.size() + "].";
            String q = "terms[" + i + "].";
            String unit = get(f, q + "unit");
            // A duty without a term has no amount: an empty field is no error there.
            int amount = "NONE".equals(unit) && get(f, q + "amount").isEmpty() ? 0
                    : integer(f, q + "amount", p + "amount", errors);
            terms.add(new RegulationParameters.Term(get(f, q + "code"), get(f, q + "appliesTo"),
                    get(f, q + "startsAt"), get(f, q + "startLevel"), amount, unit, get(f, q + "satisfiedBy"),
                    get(f, q + "statute"), get(f, q + "label"), get(f, q + "quote")));
        }
        List<RegulationParameters.Extension> extensions = new ArrayList<>();
        for (int i : rows(f, "extensions", "term")) {
            String p = "extensions[" + extensions.size() + "].";
            String q = "extensions[" + i + "].";
            extensions.add(new RegulationParameters.Extension(get(f, q + "term"),
                    integer(f, q + "maxCount", p + "maxCount", errors), integer(f, q + "amount", p + "amount", errors),
                    get(f, q + "unit"), f.containsKey(q + "announceBeforeDue"), f.containsKey(q + "beyondWithConsent"),
                    get(f, q + "quote")));
        }
        Set<String> statutory = new LinkedHashSet<>();
        terms.stream().filter(RegulationParameters.Term::statutory).forEach(t -> statutory.add(t.code()));
        List<RegulationParameters.Kpi> kpis = new ArrayList<>();
        for (int i : rows(f, "kpis")) {
            String p = "kpis[" + kpis.size() + "].";
            String q = "kpis[" + i + "].";
            String measure = get(f, q + "measure");
            // A statutory term must be met in every case: left empty, its norm is 100%.
            boolean statutoryShare = measure.startsWith(RegulationParameters.ON_TIME)
                    && statutory.contains(measure.substring(RegulationParameters.ON_TIME.length()));
            double target = statutoryShare && get(f, q + "target").isEmpty() ? RegulationParameters.STATUTORY_TARGET
                    : decimal(f, q + "target", p + "target", errors);
            kpis.add(new RegulationParameters.Kpi(get(f, q + "code"), get(f, q + "label"), measure,
                    get(f, q + "comparator"), target, get(f, q + "quote")));
        }
        List<RegulationParameters.Report> reports = new ArrayList<>();
        for (int i : rows(f, "reports")) {
            String q = "reports[" + i + "].";
            reports.add(new RegulationParameters.Report(get(f, q + "code"), get(f, q + "period"),
                    get(f, q + "audience"), Arrays.stream(get(f, q + "sections").split("\\R|;"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), get(f, q + "quote")));
        }
        List<RegulationParameters.Referral> referrals = new ArrayList<>();
        for (int i : rows(f, "externalBodies", "body")) {
            String q = "externalBodies[" + i + "].";
            referrals.add(new RegulationParameters.Referral(get(f, q + "body"), get(f, q + "appliesTo"),
                    get(f, q + "serviceLine"), get(f, q + "atLevel"), f.containsKey(q + "endsOwnDuty"),
                    get(f, q + "quote")));
        }
        List<RegulationParameters.Suspension> suspensions = new ArrayList<>();
        for (int i : rows(f, "suspensions", "term")) {
            String p = "suspensions[" + suspensions.size() + "].";
            String q = "suspensions[" + i + "].";
            int maxDays = get(f, q + "maxDays").isEmpty() ? 0 : integer(f, q + "maxDays", p + "maxDays", errors);
            suspensions.add(new RegulationParameters.Suspension(get(f, q + "term"), maxDays,
                    f.containsKey(q + "statutoryToo"), get(f, q + "quote")));
        }
        RegulationParameters.RegistrationPolicy registration = new RegulationParameters.RegistrationPolicy(
                f.containsKey("registration.formal"), f.containsKey("registration.informal"),
                f.containsKey("registration.repeatedAboutSamePerson"),
                f.containsKey("registration.repeatedAboutSameSubject"),
                f.containsKey("registration.unwantedBehaviour"), get(f, "registration.quote"));
        // The first form's single checkbox still counts when an older page is posted.
        RegulationParameters.Escalation escalation = new RegulationParameters.Escalation(
                f.containsKey("escalation.offerNext") || f.containsKey("offerNextEscalationLevel"),
                f.containsKey("escalation.maySkip"), get(f, "escalation.appliesTo"), get(f, "escalation.quote"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RegulationParameters(get(f, "name"), terms, extensions, registration, kpis, reports, escalation,
                referrals, suspensions, f.containsKey("rollOverOwnTerms"), get(f, "rollOverQuote"));
    }

    /** The editor filled from stored parameters and the version's hand-written rules, with spare rows. */
    static Editor editor(RegulationParameters p, String handRules, TenantProfile profile) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", p.name());
        for (int i = 0; i < p.terms().size(); i++) {
            var t = p.terms().get(i);
            String q = "terms[" + i + "].";
            f.put(q + "code", t.code());
            f.put(q + "appliesTo", t.appliesTo());
            f.put(q + "startsAt", t.startsAt());
            f.put(q + "startLevel", t.startLevel());
            f.put(q + "amount", "NONE".equals(t.unit()) ? "" : String.valueOf(t.amount()));
            f.put(q + "unit", t.unit());
            f.put(q + "satisfiedBy", t.satisfiedBy());
            f.put(q + "statute", t.statute());
            f.put(q + "label", t.label());
            f.put(q + "quote", t.quote());
        }
        for (int i = 0; i < p.extensions().size(); i++) {
            var e = p.extensions().get(i);
            String q = "extensions[" + i + "].";
            f.put(q + "term", e.term());
            f.put(q + "maxCount", String.valueOf(e.maxCount()));
            f.put(q + "amount", String.valueOf(e.amount()));
            f.put(q + "unit", e.unit());
            putIf(f, q + "announceBeforeDue", e.announceBeforeDue());
            putIf(f, q + "beyondWithConsent", e.beyondWithConsent());
            f.put(q + "quote", e.quote());
        }
        var r = p.registration();
        putIf(f, "registration.formal", r.formal());
        putIf(f, "registration.informal", r.informal());
        putIf(f, "registration.repeatedAboutSamePerson", r.repeatedAboutSamePerson());
        putIf(f, "registration.repeatedAboutSameSubject", r.repeatedAboutSameSubject());
        putIf(f, "registration.unwantedBehaviour", r.unwantedBehaviour());
        f.put("registration.quote", r.quote());
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
        var e = p.escalation();
        putIf(f, "escalation.offerNext", e.offerNext());
        putIf(f, "escalation.maySkip", e.maySkip());
        f.put("escalation.appliesTo", e.appliesTo());
        f.put("escalation.quote", e.quote());
        for (int i = 0; i < p.externalBodies().size(); i++) {
            var b = p.externalBodies().get(i);
            String q = "externalBodies[" + i + "].";
            f.put(q + "body", b.body());
            f.put(q + "appliesTo", b.appliesTo());
            f.put(q + "serviceLine", b.serviceLine());
            f.put(q + "atLevel", b.atLevel());
            putIf(f, q + "endsOwnDuty", b.endsOwnDuty());
            f.put(q + "quote", b.quote());
        }
        for (int i = 0; i < p.suspensions().size(); i++) {
            var s = p.suspensions().get(i);
            String q = "suspensions[" + i + "].";
            f.put(q + "term", s.term());
            f.put(q + "maxDays", String.valueOf(s.maxDays()));
            putIf(f, q + "statutoryToo", s.statutoryToo());
            f.put(q + "quote", s.quote());
        }
        putIf(f, "rollOverOwnTerms", p.rollOverOwnTerms());
        f.put("rollOverQuote", p.rollOverQuote());
        f.put(HAND_RULES, handRules == null ? "" : handRules);
        return editor(f, profile);
    }

    /** The editor as typed (after an error), rows renumbered the way {@link #parameters} numbered them. */
    static Editor editor(Map<String, String> f, TenantProfile profile) {
        List<String> events = RegulationParameters.TERM_EVENTS;
        List<String> starts = new ArrayList<>(List.of(RegulationParameters.RECEIVED));
        starts.addAll(events);
        List<String> units = Arrays.stream(TermUnit.values()).map(Enum::name).toList();
        List<String[]> levels = profile.escalationLadder().stream()
                .map(l -> new String[] {l.code(), l.role()}).toList();
        List<String[]> lines = profile.serviceLines().stream().map(s -> new String[] {s.code(), s.name()}).toList();
        List<String[]> bodies = profile.externalBodies().stream()
                .map(b -> new String[] {b.code(), b.name() + " (" + b.kind() + ")"}).toList();

        List<TermRow> terms = new ArrayList<>();
        List<Integer> termRows = rows(f, "terms");
        for (int n = 0; n < termRows.size() + SPARE_ROWS; n++) {
            String q = n < termRows.size() ? "terms[" + termRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            terms.add(new TermRow(n, n + 1, get(f, q + "code"),
                    options(APPLIES, or(get(f, q + "appliesTo"), "ALL"), "reg.applies."),
                    options(starts, or(get(f, q + "startsAt"), RegulationParameters.RECEIVED), "reg.start."),
                    named(levels, get(f, q + "startLevel"), "reg.p.noLevel"), get(f, q + "amount"),
                    options(units, or(get(f, q + "unit"), "WORKING_DAYS"), "reg.unit."),
                    options(events, get(f, q + "satisfiedBy"), "event."), get(f, q + "statute"),
                    get(f, q + "label"), quote, placeholder(quote)));
        }
        List<ExtensionRow> extensions = new ArrayList<>();
        List<Integer> extRows = rows(f, "extensions", "term");
        for (int n = 0; n < Math.max(1, extRows.size()); n++) {
            String q = n < extRows.size() ? "extensions[" + extRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            extensions.add(new ExtensionRow(n, n + 1, get(f, q + "term"),
                    or(get(f, q + "maxCount"), n < extRows.size() ? "" : "1"), get(f, q + "amount"),
                    options(units.stream().filter(u -> !u.equals("NONE")).toList(), or(get(f, q + "unit"), "WEEKS"),
                            "reg.unit."),
                    n >= extRows.size() || f.containsKey(q + "announceBeforeDue"),
                    f.containsKey(q + "beyondWithConsent"), quote, placeholder(quote)));
        }
        List<KpiRow> kpis = new ArrayList<>();
        List<Integer> kpiRows = rows(f, "kpis");
        for (int n = 0; n < kpiRows.size() + SPARE_ROWS; n++) {
            String q = n < kpiRows.size() ? "kpis[" + kpiRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            kpis.add(new KpiRow(n, n + 1, get(f, q + "code"), get(f, q + "label"), get(f, q + "measure"),
                    options(COMPARATORS, or(get(f, q + "comparator"), "GE"), "reg.cmp."), get(f, q + "target"),
                    quote, placeholder(quote)));
        }
        List<ReportRow> reports = new ArrayList<>();
        List<Integer> reportRows = rows(f, "reports");
        for (int n = 0; n < reportRows.size() + 1; n++) {
            String q = n < reportRows.size() ? "reports[" + reportRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            reports.add(new ReportRow(n, n + 1, get(f, q + "code"), options(PERIODS, or(get(f, q + "period"), "YEAR"),
                    "reg.period."), get(f, q + "audience"), get(f, q + "sections"), quote, placeholder(quote)));
        }
        String escalationQuote = get(f, "escalation.quote");
        boolean offerNext = f.containsKey("escalation.offerNext") || f.containsKey("offerNextEscalationLevel");
        boolean maySkip = f.containsKey("escalation.maySkip");
        EscalationView escalation = new EscalationView(offerNext, maySkip,
                options(APPLIES, or(get(f, "escalation.appliesTo"), "ALL"), "reg.applies."), escalationQuote,
                (offerNext || maySkip) && placeholder(escalationQuote));
        List<ReferralRow> referrals = new ArrayList<>();
        List<Integer> referralRows = rows(f, "externalBodies", "body");
        for (int n = 0; n < referralRows.size() + 1; n++) {
            String q = n < referralRows.size() ? "externalBodies[" + referralRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            referrals.add(new ReferralRow(n, n + 1, named(bodies, get(f, q + "body"), "reg.p.chooseBody"),
                    options(APPLIES, or(get(f, q + "appliesTo"), "ALL"), "reg.applies."),
                    named(lines, get(f, q + "serviceLine"), "reg.p.allLines"),
                    named(levels, get(f, q + "atLevel"), "reg.p.anyLevel"),
                    n < referralRows.size() ? f.containsKey(q + "endsOwnDuty") : false, quote, placeholder(quote)));
        }
        List<SuspensionRow> suspensions = new ArrayList<>();
        List<Integer> suspensionRows = rows(f, "suspensions", "term");
        for (int n = 0; n < suspensionRows.size() + 1; n++) {
            String q = n < suspensionRows.size() ? "suspensions[" + suspensionRows.get(n) + "]." : "-";
            String quote = get(f, q + "quote");
            suspensions.add(new SuspensionRow(n, n + 1, get(f, q + "term"), get(f, q + "maxDays"),
                    f.containsKey(q + "statutoryToo"), quote, placeholder(quote)));
        }
        boolean anyRegistration = f.containsKey("registration.formal") || f.containsKey("registration.informal")
                || f.containsKey("registration.repeatedAboutSamePerson")
                || f.containsKey("registration.repeatedAboutSameSubject")
                || f.containsKey("registration.unwantedBehaviour");
        String regQuote = get(f, "registration.quote");
        String rollOverQuote = get(f, "rollOverQuote");
        return new Editor(get(f, "name"), terms, extensions, f.containsKey("registration.formal"),
                f.containsKey("registration.informal"), f.containsKey("registration.repeatedAboutSamePerson"),
                f.containsKey("registration.repeatedAboutSameSubject"), f.containsKey("registration.unwantedBehaviour"),
                regQuote, anyRegistration && placeholder(regQuote), kpis, reports, escalation, referrals, suspensions,
                f.containsKey("rollOverOwnTerms"), rollOverQuote, placeholder(rollOverQuote), handRules(f));
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

    private static boolean placeholder(String quote) {
        return quote.startsWith(RegulationParameters.PLACEHOLDER);
    }

    private static List<Option> options(List<String> values, String selected, String labelPrefix) {
        return values.stream().map(v -> new Option(v, labelPrefix + v, v.equals(selected))).toList();
    }

    /**
     * A choice among the profile's own entries by name ("klachtenfunctionaris (KF)"), led by the empty choice
     * ({@code emptyLabel}); a stored code the profile no longer has stays selectable, shown as the code.
     */
    private static List<Option> named(List<String[]> entries, String selected, String emptyLabel) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", emptyLabel, selected.isEmpty()));
        boolean found = selected.isEmpty();
        for (String[] e : entries) {
            out.add(new Option(e[0], null, e[1] + " (" + e[0] + ")", e[0].equals(selected)));
            found |= e[0].equals(selected);
        }
        if (!found) {
            out.add(new Option(selected, null, selected, true));
        }
        return out;
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
