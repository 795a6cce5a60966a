package nl.klachtenregie.regulation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * Reglementsparameters: a klachtenreglement stated as a form of parameters (terms, extension, registration,
 * KPIs, report duties) rather than as hand-written rules. {@link RuleTemplates} turns it into a {@link RuleSet}
 * from vetted templates; the result uses the same outcome vocabulary as a hand-written rule set.
 *
 * <p>Validated as a whole in the compact constructor, so that every error carries its full field key
 * ({@code terms[0].amount}) and a form can show all of them at once. The nested records only normalise (trim,
 * empty instead of null): on their own they do not know where they stand in the form.
 *
 * @param name first part of every generated rule name, e.g. "Klachtenregeling Stichting Nieuw 2026"
 * @param offerNextEscalationLevel offer the next rung of the tenant's escalation ladder as escalation option
 */
@Serdeable
public record RegulationParameters(
        String name,
        List<Term> terms,
        List<Extension> extensions,
        RegistrationPolicy registration,
        List<Kpi> kpis,
        List<Report> reports,
        boolean offerNextEscalationLevel) {

    /**
     * The event types a term may start at or be satisfied by: the names of {@code complaint.EventType}. Kept
     * here as names because the regulation feature must not depend on the complaint feature (ArchitectureTest);
     * a test keeps this list equal to {@code EventType.values()}.
     */
    public static final List<String> EVENT_TYPES = List.of(
            "ACKNOWLEDGED", "CONTACTED", "PROGRESS_REPORTED", "MEETING_INVITED", "MEETING_HELD",
            "EXTENSION_ANNOUNCED", "ESCALATED", "REFERRED_EXTERNAL", "EXTERNAL_OUTCOME_RECEIVED",
            "SOLUTION_COMMUNICATED", "DECIDED", "DECLARED_NOT_ADMISSIBLE", "RESOLVED_INFORMALLY", "REPORT_RECORDED",
            "MANAGEMENT_INFORMED", "CHECK_CONFIRMED", "TERM_SUSPENDED", "TERM_RESUMED", "DUTY_SET_ASIDE", "CLOSED");
    /**
     * Events that only manage duties (set one aside, suspend or resume a term): a duty is never met by them, nor does a
     * term start at them.
     */
    public static final List<String> DUTY_EVENTS = List.of("TERM_SUSPENDED", "TERM_RESUMED", "DUTY_SET_ASIDE");
    /** A term starts at receipt of the complaint, or at the first event of a type. */
    public static final String RECEIVED = "RECEIVED";
    public static final List<String> APPLIES_TO = List.of("ALL", "FORMAL", "INFORMAL");
    public static final List<String> COMPARATORS = List.of("LT", "LE", "GE", "GT");
    public static final List<String> PERIODS = List.of("HALF_YEAR", "YEAR");
    public static final String FORMAL_COMPLAINTS = "FORMAL_COMPLAINTS";
    public static final String ON_TIME = "ON_TIME:";

    public static final int MAX_AMOUNT = 365;
    /**
     * At most two extensions: the refusal of one more joins that many earlier extension events, and the rule
     * allowlist keeps joins of one fact type to three patterns (see {@code RuleSetPolicy}).
     */
    public static final int MAX_EXTENSIONS = 2;
    public static final int MAX_NAME = 200;
    public static final int MAX_QUOTE = 1000;
    public static final int MAX_LABEL = 200;
    public static final int MAX_CODE = 40;
    public static final int MAX_ITEMS = 30;
    public static final int MAX_SECTIONS = 20;
    /** An annual count of formal complaints above this is a typing error, not a target. */
    public static final double MAX_COUNT_TARGET = 100_000;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Control characters other than line breaks and tabs (which a quote pasted from a document may hold). */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cntrl}");

    public RegulationParameters {
        name = name == null ? "" : name.strip();
        terms = terms == null ? List.of() : List.copyOf(terms);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        registration = registration == null ? RegistrationPolicy.none() : registration;
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
        reports = reports == null ? List.of() : List.copyOf(reports);

        Map<String, String> errors = new LinkedHashMap<>();
        checkName(name, errors);
        checkTerms(terms, errors);
        checkExtensions(extensions, terms, errors);
        checkRegistration(registration, errors);
        checkKpis(kpis, terms, errors);
        checkReports(reports, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * A sensible, Wkkgz-like starting point: acknowledgement within 5 working days, a decision on a formal
     * complaint within 6 weeks (once extendable by 4 weeks, announced before the term ends), registration of
     * formal complaints and of informal ones that repeat or concern unwanted behaviour, 80% decided on time, a
     * yearly report. Every quote says it is a default, so nobody mistakes it for the tenant's own text.
     */
    public static RegulationParameters defaults(String name) {
        String std = "Standaardwaarde, nog aan te passen aan het eigen reglement: ";
        return new RegulationParameters(name,
                List.of(new Term("ACKNOWLEDGE", "ALL", RECEIVED, 5, "WORKING_DAYS", "ACKNOWLEDGED",
                                std + "'De klager ontvangt binnen vijf werkdagen na ontvangst van de klacht een "
                                        + "ontvangstbevestiging.'"),
                        new Term("DECIDE", "FORMAL", RECEIVED, 6, "WEEKS", "DECIDED",
                                std + "'De klager ontvangt binnen zes weken na ontvangst van de formele klacht een "
                                        + "schriftelijke beslissing' (Wkkgz artikel 18).")),
                List.of(new Extension("DECIDE", 1, 4, "WEEKS", true,
                        std + "'De termijn kan eenmaal met ten hoogste vier weken worden verlengd; de klager krijgt "
                                + "daarvan voor het verstrijken van de termijn schriftelijk bericht' (Wkkgz artikel 18).")),
                new RegistrationPolicy(true, false, true, true, true,
                        std + "'Formele klachten worden geregistreerd; informele klachten als herhaaldelijk over "
                                + "dezelfde persoon of hetzelfde onderwerp wordt geklaagd, of als de klacht verband "
                                + "houdt met ongewenst gedrag.'"),
                List.of(new Kpi("BESLIST_BINNEN_TERMIJN", "Formele klachten binnen de termijn beslist",
                        ON_TIME + "DECIDE", "GE", 0.8,
                        std + "'Ten minste 80% van de formele klachten wordt binnen de termijn beslist.'")),
                List.of(new Report("JAARVERSLAG_KLACHTEN", "YEAR", "directie",
                        List.of("het aantal en de aard van de ingediende klachten",
                                "de wijze van afhandeling en de doorlooptijd",
                                "de genomen maatregelen"),
                        std + "'Jaarlijks wordt een verslag opgesteld over de ingediende klachten en de afhandeling "
                                + "ervan.'")),
                true);
    }

    /** The term with this code, if defined. */
    public Optional<Term> term(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    // --- nested values ----------------------------------------------------------------------------------------

    /**
     * Termijn: an obligation with its term. Validated by {@link RegulationParameters}.
     *
     * @param code the obligation code (A-Z, 0-9, _), e.g. ACKNOWLEDGE, DECIDE
     * @param appliesTo ALL, FORMAL or INFORMAL complaints
     * @param startsAt RECEIVED, or an event type name: the term then starts at the first such event
     * @param amount 1..365; ignored (0) when {@code unit} is NONE
     * @param unit a {@link TermUnit} name
     * @param satisfiedBy the event type that fulfils the obligation
     * @param quote the section and the regulation's own words, quoted in the rule name
     */
    @Serdeable
    public record Term(String code, String appliesTo, String startsAt, int amount, String unit, String satisfiedBy,
                       String quote) {
        public Term {
            code = trim(code);
            appliesTo = trim(appliesTo);
            startsAt = trim(startsAt);
            unit = trim(unit);
            satisfiedBy = trim(satisfiedBy);
            quote = quoteText(quote);
            // A duty without a term has no length: storing 0 keeps two equal duties equal.
            if ("NONE".equals(unit)) {
                amount = 0;
            }
        }
    }

    /**
     * Verlenging: how often and how long the term of {@code term} may be extended.
     *
     * @param announceBeforeDue the extension must be announced before the term expires
     */
    @Serdeable
    public record Extension(String term, int maxCount, int amount, String unit, boolean announceBeforeDue,
                            String quote) {
        public Extension {
            term = trim(term);
            unit = trim(unit);
            quote = quoteText(quote);
        }
    }

    /**
     * Registratieplicht: which complaints must be registered. Informal complaints are registered when
     * {@code informal} is set, and otherwise only in the listed exceptions.
     */
    @Serdeable
    public record RegistrationPolicy(boolean formal, boolean informal, boolean repeatedAboutSamePerson,
                                     boolean repeatedAboutSameSubject, boolean unwantedBehaviour, String quote) {
        public RegistrationPolicy {
            quote = quoteText(quote);
        }

        /** Nothing registered. */
        public static RegistrationPolicy none() {
            return new RegistrationPolicy(false, false, false, false, false, "");
        }

        public boolean any() {
            return formal || informal || repeatedAboutSamePerson || repeatedAboutSameSubject || unwantedBehaviour;
        }
    }

    /**
     * Prestatie-indicator.
     *
     * @param measure FORMAL_COMPLAINTS (count per year) or ON_TIME:&lt;term code&gt; (share met on time, 0..1)
     * @param comparator LT, LE, GE or GT
     */
    @Serdeable
    public record Kpi(String code, String label, String measure, String comparator, double target, String quote) {
        public Kpi {
            code = trim(code);
            label = trim(label);
            measure = trim(measure);
            comparator = trim(comparator);
            quote = quoteText(quote);
        }
    }

    /**
     * Rapportageplicht.
     *
     * @param period HALF_YEAR or YEAR
     * @param sections the contents the regulation lists, in its words (no ';': the rules join them with it)
     */
    @Serdeable
    public record Report(String code, String period, String audience, List<String> sections, String quote) {
        public Report {
            code = trim(code);
            period = trim(period);
            audience = trim(audience);
            sections = sections == null ? List.of()
                    : sections.stream().map(RegulationParameters::trim).filter(s -> !s.isEmpty()).toList();
            quote = quoteText(quote);
        }
    }

    // --- validation -------------------------------------------------------------------------------------------

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** Line breaks from a browser (CRLF) become plain newlines; the quote is otherwise kept as written. */
    private static String quoteText(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static void checkName(String name, Map<String, String> errors) {
        if (name.isEmpty()) {
            errors.put("name", "Geef het reglement een naam");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "De naam is te lang (hoogstens " + MAX_NAME + " tekens)");
        } else if (name.indexOf('"') >= 0 || name.indexOf('\\') >= 0 || ANY_CONTROL.matcher(name).find()) {
            errors.put("name", "De naam mag geen aanhalingstekens (\"), backslash (\\) of regeleinden bevatten");
        }
    }

    private static void checkTerms(List<Term> terms, Map<String, String> errors) {
        if (terms.size() > MAX_ITEMS) {
            errors.put("terms", "Hoogstens " + MAX_ITEMS + " termijnen");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String at = "terms[" + i + "]";
            Term t = terms.get(i);
            if (t == null) {
                errors.put(at, "Lege termijn");
                continue;
            }
            checkCode(t.code(), at + ".code", seen, "termijn", errors);
            if (!APPLIES_TO.contains(t.appliesTo())) {
                errors.put(at + ".appliesTo", "Kies voor welke klachten de termijn geldt: alle (ALL), formele "
                        + "(FORMAL) of informele (INFORMAL)");
            }
            if (!RECEIVED.equals(t.startsAt()) && !EVENT_TYPES.contains(t.startsAt())) {
                errors.put(at + ".startsAt", "De termijn begint bij ontvangst (RECEIVED) of bij een gebeurtenis; '"
                        + t.startsAt() + "' is geen van beide");
            }
            TermUnit unit = unit(t.unit(), at + ".unit", errors);
            if (unit != null && unit != TermUnit.NONE) {
                checkAmount(t.amount(), at + ".amount", errors);
            }
            if (!EVENT_TYPES.contains(t.satisfiedBy())) {
                errors.put(at + ".satisfiedBy", "Kies de gebeurtenis waarmee aan de verplichting is voldaan");
            }
            checkQuote(t.quote(), at + ".quote", errors);
        }
    }

    private static void checkExtensions(List<Extension> extensions, List<Term> terms, Map<String, String> errors) {
        // The case engine applies one extension rule per regulation (an announced extension does not say
        // which term it extends), so a second one would be silently ignored: refuse it instead.
        if (extensions.size() > 1) {
            errors.put("extensions", "Een reglement kent hoogstens één verlengingsregel");
        }
        for (int i = 0; i < extensions.size(); i++) {
            String at = "extensions[" + i + "]";
            Extension x = extensions.get(i);
            if (x == null) {
                errors.put(at, "Lege verlengingsregel");
                continue;
            }
            Term term = terms.stream().filter(t -> t != null && t.code().equals(x.term())).findFirst().orElse(null);
            if (term == null) {
                errors.put(at + ".term", "Kies een termijn uit de lijst van termijnen; '" + x.term()
                        + "' is daar niet gedefinieerd");
            } else if ("NONE".equals(term.unit())) {
                errors.put(at + ".term", "Termijn " + term.code() + " heeft geen termijn en kan dus niet worden "
                        + "verlengd");
            }
            if (x.maxCount() < 1 || x.maxCount() > MAX_EXTENSIONS) {
                errors.put(at + ".maxCount", "Het aantal verlengingen ligt tussen 1 en " + MAX_EXTENSIONS);
            }
            TermUnit unit = unit(x.unit(), at + ".unit", errors);
            if (unit == TermUnit.NONE) {
                errors.put(at + ".unit", "Een verlenging heeft een eenheid nodig (werkdagen, dagen of weken)");
            } else if (unit == TermUnit.DAYS && x.amount() < 7 || unit == TermUnit.WORKING_DAYS && x.amount() < 5) {
                // Extensions are announced in whole weeks; a shorter maximum would refuse every extension.
                errors.put(at + ".amount", "Een verlenging wordt in hele weken aangekondigd: geef minstens één week ("
                        + (unit == TermUnit.DAYS ? "7 dagen" : "5 werkdagen") + ")");
            }
            checkAmount(x.amount(), at + ".amount", errors);
            checkQuote(x.quote(), at + ".quote", errors);
        }
    }

    private static void checkRegistration(RegistrationPolicy r, Map<String, String> errors) {
        if (r.any() || !r.quote().isEmpty()) {
            checkQuote(r.quote(), "registration.quote", errors);
        }
    }

    private static void checkKpis(List<Kpi> kpis, List<Term> terms, Map<String, String> errors) {
        if (kpis.size() > MAX_ITEMS) {
            errors.put("kpis", "Hoogstens " + MAX_ITEMS + " prestatie-indicatoren");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < kpis.size(); i++) {
            String at = "kpis[" + i + "]";
            Kpi k = kpis.get(i);
            if (k == null) {
                errors.put(at, "Lege prestatie-indicator");
                continue;
            }
            checkCode(k.code(), at + ".code", seen, "prestatie-indicator", errors);
            checkLine(k.label(), at + ".label", "Geef de prestatie-indicator een omschrijving", errors);
            boolean share = k.measure().startsWith(ON_TIME);
            if (share) {
                String code = k.measure().substring(ON_TIME.length());
                if (terms.stream().noneMatch(t -> t != null && t.code().equals(code))) {
                    errors.put(at + ".measure", "ON_TIME moet een gedefinieerde termijn noemen ('" + code
                            + "' is er geen)");
                }
            } else if (!FORMAL_COMPLAINTS.equals(k.measure())) {
                errors.put(at + ".measure", "Kies wat gemeten wordt: het aantal formele klachten "
                        + "(FORMAL_COMPLAINTS) of het aandeel op tijd van een termijn (ON_TIME:<code>)");
            }
            if (!COMPARATORS.contains(k.comparator())) {
                errors.put(at + ".comparator", "Kies een vergelijking: LT (<), LE (≤), GE (≥) of GT (>)");
            }
            double max = share ? 1.0 : MAX_COUNT_TARGET;
            if (!Double.isFinite(k.target()) || k.target() < 0 || k.target() > max) {
                errors.put(at + ".target", share ? "Een aandeel op tijd ligt tussen 0 en 1 (bijvoorbeeld 0.8 voor 80%)"
                        : "Het doel is een aantal tussen 0 en " + (long) MAX_COUNT_TARGET);
            }
            checkQuote(k.quote(), at + ".quote", errors);
        }
    }

    private static void checkReports(List<Report> reports, Map<String, String> errors) {
        if (reports.size() > MAX_ITEMS) {
            errors.put("reports", "Hoogstens " + MAX_ITEMS + " rapportageplichten");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reports.size(); i++) {
            String at = "reports[" + i + "]";
            Report r = reports.get(i);
            if (r == null) {
                errors.put(at, "Lege rapportageplicht");
                continue;
            }
            checkCode(r.code(), at + ".code", seen, "rapportageplicht", errors);
            if (!PERIODS.contains(r.period())) {
                errors.put(at + ".period", "Kies de periode: halfjaarlijks (HALF_YEAR) of jaarlijks (YEAR)");
            }
            checkLine(r.audience(), at + ".audience", "Geef aan voor wie de rapportage is", errors);
            if (r.sections().isEmpty()) {
                errors.put(at + ".sections", "Noem minstens één onderdeel van de rapportage");
            } else if (r.sections().size() > MAX_SECTIONS) {
                errors.put(at + ".sections", "Hoogstens " + MAX_SECTIONS + " onderdelen");
            }
            for (int s = 0; s < r.sections().size(); s++) {
                String section = r.sections().get(s);
                String key = at + ".sections[" + s + "]";
                if (section.indexOf(';') >= 0) {
                    errors.put(key, "Een onderdeel mag geen puntkomma (;) bevatten; maak er twee onderdelen van");
                } else {
                    checkLine(section, key, "Leeg onderdeel", errors);
                }
            }
            checkQuote(r.quote(), at + ".quote", errors);
        }
    }

    private static void checkCode(String code, String key, Set<String> seen, String what,
                                  Map<String, String> errors) {
        if (!CODE.matcher(code).matches() || code.length() > MAX_CODE) {
            errors.put(key, "Een code bestaat uit hoofdletters, cijfers en _, begint met een letter en is hoogstens "
                    + MAX_CODE + " tekens lang");
        } else if (!seen.add(code)) {
            errors.put(key, "De code " + code + " komt al voor bij een andere " + what);
        }
    }

    private static TermUnit unit(String unit, String key, Map<String, String> errors) {
        for (TermUnit u : TermUnit.values()) {
            if (u.name().equals(unit)) {
                return u;
            }
        }
        errors.put(key, "Kies een eenheid: werkdagen (WORKING_DAYS), dagen (DAYS), weken (WEEKS) of geen termijn "
                + "(NONE)");
        return null;
    }

    private static void checkAmount(int amount, String key, Map<String, String> errors) {
        if (amount < 1 || amount > MAX_AMOUNT) {
            errors.putIfAbsent(key, "Een termijn ligt tussen 1 en " + MAX_AMOUNT);
        }
    }

    private static void checkQuote(String quote, String key, Map<String, String> errors) {
        if (quote.isEmpty()) {
            errors.put(key, "Citeer het artikel en de woorden van het reglement, zodat de regel te herleiden is");
        } else if (quote.length() > MAX_QUOTE) {
            errors.put(key, "Het citaat is te lang (hoogstens " + MAX_QUOTE + " tekens)");
        } else {
            checkSafe(quote, key, CONTROL, errors);
        }
    }

    private static void checkLine(String text, String key, String missing, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put(key, missing);
        } else if (text.length() > MAX_LABEL) {
            errors.put(key, "Te lang (hoogstens " + MAX_LABEL + " tekens)");
        } else {
            checkSafe(text, key, ANY_CONTROL, errors);
        }
    }

    /**
     * Texts end up in DRL string literals. Quotes and backslashes are escaped there, but control characters have
     * no place in a regulation's words, and the two characters backslash-u would read as a unicode escape to
     * anyone vetting the generated rules, so they are refused here.
     */
    private static void checkSafe(String text, String key, Pattern control, Map<String, String> errors) {
        if (control.matcher(text).find()) {
            errors.put(key, "Bevat een ongeldig (onzichtbaar) teken");
        } else if (text.contains("\\u")) {
            errors.put(key, "De tekens \\u zijn niet toegestaan");
        }
    }
}
