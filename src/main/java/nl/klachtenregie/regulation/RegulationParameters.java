package nl.klachtenregie.regulation;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
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
 * KPIs, report duties, escalation, external bodies, suspension, the roll-over of own terms) rather than as
 * hand-written rules. {@link RuleTemplates} turns it into a {@link RuleSet} from vetted templates; the result uses
 * the same outcome vocabulary as a hand-written rule set.
 *
 * <p>Validated as a whole in the compact constructor, so that every error carries its full field key
 * ({@code terms[0].amount}) and a form can show all of them at once. The nested records only normalise (trim,
 * empty instead of null): on their own they do not know where they stand in the form.
 *
 * <p>Stored as JSON ({@code parameters.json}). Every field added after the first version has a default, so older
 * files still read: no escalation object means the old {@code offerNextEscalationLevel} checkbox; no
 * {@code rollOverOwnTerms} means true (the Algemene termijnenwet's rule, also for own terms); no list means none.
 *
 * @param name first part of every generated rule name, e.g. "Klachtenregeling Stichting Nieuw 2026"
 * @param escalation which rungs of the tenant's escalation ladder are offered, and for which complaints
 * @param externalBodies the external bodies named to the complainant and referable to, and where
 * @param suspensions which terms the handler may suspend (opschorten), and for how long at most
 * @param rollOverOwnTerms whether the regulation's own terms in days, weeks or months that end on a weekend or
 *     statutory day run on to the next working day (Atw art. 1; statutory terms always do)
 * @param rollOverQuote the regulation's words on that choice; may be empty (the rule then cites the Atw)
 */
@Serdeable
public record RegulationParameters(
        String name,
        List<Term> terms,
        List<Extension> extensions,
        RegistrationPolicy registration,
        List<Kpi> kpis,
        List<Report> reports,
        Escalation escalation,
        List<Referral> externalBodies,
        List<Suspension> suspensions,
        boolean rollOverOwnTerms,
        String rollOverQuote) {

    /**
     * The event types a term may start at or be satisfied by: the names of {@code complaint.EventType}. Kept
     * here as names because the regulation feature must not depend on the complaint feature (ArchitectureTest);
     * a test keeps this list equal to {@code EventType.values()}.
     */
    public static final List<String> EVENT_TYPES = List.of(
            "ACKNOWLEDGED", "CONTACTED", "PROGRESS_REPORTED", "MEETING_INVITED", "MEETING_HELD",
            "EXTENSION_ANNOUNCED", "ESCALATED", "REFERRED_EXTERNAL", "EXTERNAL_OUTCOME_RECEIVED",
            "SOLUTION_COMMUNICATED", "DECIDED", "DECLARED_NOT_ADMISSIBLE", "RESOLVED_INFORMALLY", "REPORT_RECORDED",
            "MANAGEMENT_INFORMED", "CHECK_CONFIRMED", "TERM_SUSPENDED", "TERM_RESUMED", "DUTY_SET_ASIDE", "MEASURE_REALISED",
            "CLOSED");
    /**
     * Events that only manage duties (set one aside, suspend or resume a term): a duty is never met by them, nor does a
     * term start at them.
     */
    public static final List<String> DUTY_EVENTS = List.of("TERM_SUSPENDED", "TERM_RESUMED", "DUTY_SET_ASIDE");
    /** The event types a term may start at or be met by: every type but the duty events. */
    public static final List<String> TERM_EVENTS = EVENT_TYPES.stream().filter(e -> !DUTY_EVENTS.contains(e)).toList();
    /** A term starts at receipt of the complaint, or at the first event of a type. */
    public static final String RECEIVED = "RECEIVED";
    /** The event a term starts at when it starts at an escalation (to a named rung, with {@code startLevel}). */
    public static final String ESCALATED = "ESCALATED";
    public static final List<String> APPLIES_TO = List.of("ALL", "FORMAL", "INFORMAL");
    public static final List<String> COMPARATORS = List.of("LT", "LE", "GE", "GT");
    public static final List<String> PERIODS = List.of("HALF_YEAR", "YEAR");
    public static final String FORMAL_COMPLAINTS = "FORMAL_COMPLAINTS";
    public static final String ON_TIME = "ON_TIME:";
    /** A suspension row for every term. */
    public static final String EVERY_TERM = "*";
    /**
     * How every quote of the model regulation ({@link #defaults}) begins. A duty whose quote still begins so has not
     * been confirmed by the organisation: it blocks activation until its quote is the organisation's own words or the
     * row is removed ({@link #placeholders()}).
     */
    public static final String PLACEHOLDER = "Standaardwaarde, nog aan te passen";

    public static final int MAX_AMOUNT = 365;
    public static final int MAX_WEEKS = 52;
    public static final int MAX_MONTHS = 12;
    /**
     * At most two extensions: the refusal of one more joins that many earlier extension events, and the rule
     * allowlist keeps joins of one fact type to three patterns (see {@code RuleSetPolicy}).
     */
    public static final int MAX_EXTENSIONS = 2;
    public static final int MAX_NAME = 200;
    public static final int MAX_QUOTE = 1000;
    public static final int MAX_LABEL = 200;
    public static final int MAX_STATUTE = 100;
    public static final int MAX_CODE = 40;
    public static final int MAX_ITEMS = 30;
    public static final int MAX_SECTIONS = 20;
    /** How far above the case's rung an escalation that may skip rungs reaches (ladders of up to 11 rungs). */
    public static final int MAX_RUNGS_ABOVE = 10;
    /** An annual count of formal complaints above this is a typing error, not a target. */
    public static final double MAX_COUNT_TARGET = 100_000;
    /** The default norm of a KPI on a statutory term: the law sets the term, so every complaint must meet it. */
    public static final double STATUTORY_TARGET = 1.0;

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
        escalation = escalation == null ? Escalation.none() : escalation;
        externalBodies = externalBodies == null ? List.of() : List.copyOf(externalBodies);
        suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
        rollOverQuote = quoteText(rollOverQuote);

        Map<String, String> errors = new LinkedHashMap<>();
        checkName(name, errors);
        checkTerms(terms, errors);
        checkExtensions(extensions, terms, errors);
        checkRegistration(registration, errors);
        checkKpis(kpis, terms, errors);
        checkReports(reports, errors);
        checkEscalation(escalation, errors);
        checkReferrals(externalBodies, errors);
        checkSuspensions(suspensions, terms, errors);
        checkOptionalQuote(rollOverQuote, "rollOverQuote", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * As {@code parameters.json} is read: every field written after the first version may be missing. The old
     * checkbox {@code offerNextEscalationLevel} stands for an escalation that offers the next rung to every complaint;
     * a missing {@code rollOverOwnTerms} is true.
     */
    @Creator
    public static RegulationParameters fromJson(@Nullable String name, @Nullable List<Term> terms,
                                                @Nullable List<Extension> extensions,
                                                @Nullable RegistrationPolicy registration, @Nullable List<Kpi> kpis,
                                                @Nullable List<Report> reports, @Nullable Escalation escalation,
                                                @Nullable Boolean offerNextEscalationLevel,
                                                @Nullable List<Referral> externalBodies,
                                                @Nullable List<Suspension> suspensions,
                                                @Nullable Boolean rollOverOwnTerms, @Nullable String rollOverQuote) {
        Escalation e = escalation != null ? escalation
                : Boolean.TRUE.equals(offerNextEscalationLevel) ? Escalation.next() : Escalation.none();
        return new RegulationParameters(name, terms, extensions, registration, kpis, reports, e, externalBodies,
                suspensions, rollOverOwnTerms == null || rollOverOwnTerms, rollOverQuote);
    }

    /**
     * The parameters of the first form (terms, extension, registration, KPIs, reports and the next rung offered or
     * not): no external bodies, no suspension, own terms run on past a day off.
     */
    public RegulationParameters(String name, List<Term> terms, List<Extension> extensions,
                                RegistrationPolicy registration, List<Kpi> kpis, List<Report> reports,
                                boolean offerNextEscalationLevel) {
        this(name, terms, extensions, registration, kpis, reports,
                offerNextEscalationLevel ? Escalation.next() : Escalation.none(), List.of(), List.of(), true, "");
    }

    /**
     * Het modelreglement: a sensible, Wkkgz-like starting point for an organisation without a regulation of its
     * own: acknowledgement within 5 working days, a decision on a formal complaint within 6 weeks (Wkkgz art. 17
     * lid 1), once extendable by at most 4 weeks, announced before the term ends (art. 17 lid 2), registration of
     * formal complaints and of informal ones that repeat or concern unwanted behaviour, every formal complaint
     * decided on time (a statutory term: 100%), a yearly report, the next rung of the ladder offered, own terms running
     * on past a day off. Every quote begins with {@link #PLACEHOLDER}: nobody mistakes it for the tenant's own text,
     * and no version is activated before each row is confirmed or removed.
     */
    public static RegulationParameters defaults(String name) {
        String std = PLACEHOLDER + " aan het eigen reglement: ";
        String decide = "Wkkgz art. 17 lid 1";
        return new RegulationParameters(name,
                List.of(new Term("ACKNOWLEDGE", "ALL", RECEIVED, "", 5, "WORKING_DAYS", "ACKNOWLEDGED", "", "",
                                std + "'De klager ontvangt binnen vijf werkdagen na ontvangst van de klacht een "
                                        + "ontvangstbevestiging.'"),
                        new Term("DECIDE", "FORMAL", RECEIVED, "", 6, "WEEKS", "DECIDED", decide, "",
                                std + "'De klager ontvangt binnen zes weken na ontvangst van de formele klacht een "
                                        + "schriftelijke mededeling met het oordeel' (Wkkgz artikel 17 lid 1).")),
                List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, false,
                        std + "'De termijn kan eenmaal met ten hoogste vier weken worden verlengd; de klager krijgt "
                                + "daarvan voor het verstrijken van de termijn schriftelijk bericht' (Wkkgz artikel 17 "
                                + "lid 2).")),
                new RegistrationPolicy(true, false, true, true, true,
                        std + "'Formele klachten worden geregistreerd; informele klachten als herhaaldelijk over "
                                + "dezelfde persoon of hetzelfde onderwerp wordt geklaagd, of als de klacht verband "
                                + "houdt met ongewenst gedrag.'"),
                List.of(new Kpi("BESLIST_BINNEN_TERMIJN", "Formele klachten binnen de wettelijke termijn beslist",
                        ON_TIME + "DECIDE", "GE", STATUTORY_TARGET,
                        std + "'Elke formele klacht wordt binnen de wettelijke termijn beslist' (Wkkgz artikel 17).")),
                List.of(new Report("JAARVERSLAG_KLACHTEN", "YEAR", "directie",
                        List.of("het aantal en de aard van de ingediende klachten",
                                "de wijze van afhandeling en de doorlooptijd",
                                "de genomen maatregelen"),
                        std + "'Jaarlijks wordt een verslag opgesteld over de ingediende klachten en de afhandeling "
                                + "ervan.'")),
                new Escalation(true, false, "ALL",
                        std + "'Is de klager niet tevreden, dan kan hij de klacht voorleggen aan het volgende niveau.'"),
                List.of(), List.of(), true,
                std + "'Eindigt een termijn op een zaterdag, zondag of feestdag, dan loopt hij door tot de eerstvolgende "
                        + "werkdag' (Algemene termijnenwet artikel 1).");
    }

    /** The first term with this code, if defined (a code may have a row for formal and one for informal complaints). */
    public Optional<Term> term(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Every term row with this code. */
    public List<Term> terms(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).toList();
    }

    /** Whether a term with this code is set by law (its statute named). */
    public boolean statutory(String code) {
        return terms(code).stream().anyMatch(t -> !t.statute().isEmpty());
    }

    /**
     * Nog niet bevestigd: the rows whose quote still begins with {@link #PLACEHOLDER}, named as the form labels them
     * ("Termijnen, rij 1 (ACKNOWLEDGE)"). A switched-off registration or escalation holds no duty, so its quote does
     * not count.
     */
    public List<Placeholder> placeholders() {
        List<Placeholder> out = new java.util.ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            if (placeholder(terms.get(i).quote())) {
                out.add(new Placeholder("terms[" + i + "].quote", "Termijnen, rij " + (i + 1) + " ("
                        + terms.get(i).code() + ")"));
            }
        }
        for (int i = 0; i < extensions.size(); i++) {
            if (placeholder(extensions.get(i).quote())) {
                out.add(new Placeholder("extensions[" + i + "].quote", "Verlenging, rij " + (i + 1) + " (termijn "
                        + extensions.get(i).term() + ")"));
            }
        }
        if (registration.any() && placeholder(registration.quote())) {
            out.add(new Placeholder("registration.quote", "Registratie"));
        }
        for (int i = 0; i < kpis.size(); i++) {
            if (placeholder(kpis.get(i).quote())) {
                out.add(new Placeholder("kpis[" + i + "].quote", "Prestatie-indicatoren (KPI's), rij " + (i + 1)
                        + " (" + kpis.get(i).code() + ")"));
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            if (placeholder(reports.get(i).quote())) {
                out.add(new Placeholder("reports[" + i + "].quote", "Rapportages, rij " + (i + 1) + " ("
                        + reports.get(i).code() + ")"));
            }
        }
        if (escalation.any() && placeholder(escalation.quote())) {
            out.add(new Placeholder("escalation.quote", "Escalatie"));
        }
        for (int i = 0; i < externalBodies.size(); i++) {
            if (placeholder(externalBodies.get(i).quote())) {
                out.add(new Placeholder("externalBodies[" + i + "].quote", "Externe instanties, rij " + (i + 1) + " ("
                        + externalBodies.get(i).body() + ")"));
            }
        }
        for (int i = 0; i < suspensions.size(); i++) {
            if (placeholder(suspensions.get(i).quote())) {
                out.add(new Placeholder("suspensions[" + i + "].quote", "Opschorting, rij " + (i + 1) + " ("
                        + (EVERY_TERM.equals(suspensions.get(i).term()) ? "elke termijn" : suspensions.get(i).term())
                        + ")"));
            }
        }
        if (placeholder(rollOverQuote)) {
            out.add(new Placeholder("rollOverQuote", "Doorlopen van eigen termijnen"));
        }
        return out;
    }

    private static boolean placeholder(String quote) {
        return quote.startsWith(PLACEHOLDER);
    }

    // --- nested values ----------------------------------------------------------------------------------------

    /**
     * Standaardwaarde (nog niet bevestigd): a row of the model regulation whose quote the organisation has not yet
     * replaced by its own words.
     *
     * @param field the quote's field key, e.g. {@code terms[0].quote}
     * @param row the row as the form labels it, e.g. "Termijnen, rij 1 (ACKNOWLEDGE)"
     */
    public record Placeholder(String field, String row) {
    }

    /**
     * Termijn: an obligation with its term. Validated by {@link RegulationParameters}.
     *
     * @param code the obligation code (A-Z, 0-9, _), e.g. ACKNOWLEDGE, DECIDE; one code may have two rows, one for
     *     formal and one for informal complaints (CONTACT within 10 working days formal, 3 informal)
     * @param appliesTo ALL, FORMAL or INFORMAL complaints
     * @param startsAt RECEIVED, or an event type name: the term then starts at the first such event
     * @param startLevel with startsAt ESCALATED, the rung escalated to (a ladder code, e.g. KF): the term starts at the
     *     first escalation to that rung, or at receipt when the complaint was registered at that rung; "" any rung
     * @param amount 1..365 (weeks 52, months 12); ignored (0) when {@code unit} is NONE
     * @param unit a {@link TermUnit} name
     * @param satisfiedBy the event type that fulfils the obligation
     * @param statute the law that sets the term ("Wkkgz art. 17 lid 1"); "" for the regulation's own term
     * @param label what the complainant is promised, finishing "Binnen 10 werkdagen ..." ("neemt de
     *     klachtenfunctionaris contact met u op"); "" for a standard duty or the organisation's own business
     * @param quote the section and the regulation's own words, quoted in the rule name
     */
    @Serdeable
    public record Term(String code, String appliesTo, String startsAt, String startLevel, int amount, String unit,
                       String satisfiedBy, String statute, String label, String quote) {
        @Creator
        public Term {
            code = trim(code);
            appliesTo = trim(appliesTo);
            startsAt = trim(startsAt);
            startLevel = trim(startLevel);
            unit = trim(unit);
            satisfiedBy = trim(satisfiedBy);
            statute = trim(statute);
            label = trim(label);
            quote = quoteText(quote);
            // A duty without a term has no length: storing 0 keeps two equal duties equal.
            if ("NONE".equals(unit)) {
                amount = 0;
            }
        }

        /** An own term without a rung, a statute or words for the complainant. */
        public Term(String code, String appliesTo, String startsAt, int amount, String unit, String satisfiedBy,
                    String quote) {
            this(code, appliesTo, startsAt, "", amount, unit, satisfiedBy, "", "", quote);
        }

        public boolean statutory() {
            return !statute.isEmpty();
        }
    }

    /**
     * Verlenging: how often and how long the term of {@code term} may be extended.
     *
     * @param announceBeforeDue the extension must be announced before the term expires
     * @param beyondWithConsent a longer extension (or one more) is possible with the complainant's documented consent
     *     (Wkkgz art. 17 lid 2: "langer ... slechts met instemming van de klager")
     */
    @Serdeable
    public record Extension(String term, int maxCount, int amount, String unit, boolean announceBeforeDue,
                            boolean beyondWithConsent, String quote) {
        @Creator
        public Extension {
            term = trim(term);
            unit = trim(unit);
            quote = quoteText(quote);
        }

        public Extension(String term, int maxCount, int amount, String unit, boolean announceBeforeDue,
                         String quote) {
            this(term, maxCount, amount, unit, announceBeforeDue, false, quote);
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

    /**
     * Escalatie: which rungs of the tenant's escalation ladder a complainant who is not satisfied is offered.
     *
     * @param offerNext the next rung above the one the case is at
     * @param maySkip every rung above it (the complainant may skip rungs); implies the next one
     * @param appliesTo ALL, FORMAL or INFORMAL complaints (an escalation offered for one kind only)
     * @param quote the regulation's words; may be empty (the rule then says what it does)
     */
    @Serdeable
    public record Escalation(boolean offerNext, boolean maySkip, String appliesTo, String quote) {
        public Escalation {
            appliesTo = trim(appliesTo).isEmpty() ? "ALL" : trim(appliesTo);
            quote = quoteText(quote);
        }

        /** No rung offered. */
        public static Escalation none() {
            return new Escalation(false, false, "ALL", "");
        }

        /** The next rung, for every complaint: what the first form's checkbox meant. */
        public static Escalation next() {
            return new Escalation(true, false, "ALL", "");
        }

        /** Whether any rung is offered. */
        public boolean any() {
            return offerNext || maySkip;
        }
    }

    /**
     * Externe instantie (verwijzing): an external body of the tenant's profile that is named to the complainant and
     * to which the case may be referred, where this row applies.
     *
     * @param body the body's code in the profile
     * @param appliesTo ALL, FORMAL or INFORMAL complaints
     * @param serviceLine a service line's code, or "" for every complaint
     * @param atLevel a rung of the ladder the case must be at, or "" for any rung
     * @param endsOwnDuty a referral to it ends the organisation's own running duties (a geschilleninstantie or
     *     klachtencommissie that takes the complaint over); not so for a cliëntvertrouwenspersoon or
     *     klachtenfunctionaris who only supports the complainant
     */
    @Serdeable
    public record Referral(String body, String appliesTo, String serviceLine, String atLevel, boolean endsOwnDuty,
                           String quote) {
        public Referral {
            body = trim(body);
            appliesTo = trim(appliesTo).isEmpty() ? "ALL" : trim(appliesTo);
            serviceLine = trim(serviceLine);
            atLevel = trim(atLevel);
            quote = quoteText(quote);
        }
    }

    /**
     * Opschorting: the handler may suspend the term of {@code term} ("*": every term) while waiting for the
     * complainant or a third party.
     *
     * @param maxDays 0..366 calendar days in all; 0 is no maximum
     * @param statutoryToo also a statutory term (one with a statute); otherwise only the regulation's own terms
     */
    @Serdeable
    public record Suspension(String term, int maxDays, boolean statutoryToo, String quote) {
        public Suspension {
            term = trim(term);
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
        for (int i = 0; i < terms.size(); i++) {
            String at = "terms[" + i + "]";
            Term t = terms.get(i);
            if (t == null) {
                errors.put(at, "Lege termijn");
                continue;
            }
            if (!validCode(t.code())) {
                errors.put(at + ".code", CODE_RULE);
            } else {
                for (int j = 0; j < i; j++) {
                    Term earlier = terms.get(j);
                    if (earlier != null && earlier.code().equals(t.code())
                            && overlap(earlier.appliesTo(), t.appliesTo())) {
                        errors.put(at + ".code", "De code " + t.code() + " komt al voor bij termijn rij " + (j + 1)
                                + " voor dezelfde klachten; dezelfde code mag alleen twee keer voorkomen: één keer voor"
                                + " formele en één keer voor informele klachten");
                        break;
                    }
                }
            }
            if (!APPLIES_TO.contains(t.appliesTo())) {
                errors.put(at + ".appliesTo", "Kies voor welke klachten de termijn geldt: alle (ALL), formele "
                        + "(FORMAL) of informele (INFORMAL)");
            }
            if (DUTY_EVENTS.contains(t.startsAt())) {
                errors.put(at + ".startsAt", "Een termijn begint niet bij het opschorten, hervatten of opzijzetten "
                        + "van een plicht; kies ontvangst of een andere gebeurtenis");
            } else if (!RECEIVED.equals(t.startsAt()) && !EVENT_TYPES.contains(t.startsAt())) {
                errors.put(at + ".startsAt", "De termijn begint bij ontvangst (RECEIVED) of bij een gebeurtenis; '"
                        + t.startsAt() + "' is geen van beide");
            }
            if (!t.startLevel().isEmpty()) {
                if (!ESCALATED.equals(t.startsAt())) {
                    errors.put(at + ".startLevel", "Een niveau hoort alleen bij een termijn die ingaat bij escalatie "
                            + "(ESCALATED); laat het leeg of kies bij 'Gaat in bij' de escalatie");
                } else if (!validCode(t.startLevel())) {
                    errors.put(at + ".startLevel", "Geef de code van een niveau van de escalatieladder, bijvoorbeeld "
                            + "KF (" + CODE_RULE.toLowerCase(java.util.Locale.ROOT) + ")");
                }
            }
            TermUnit unit = unit(t.unit(), at + ".unit", errors);
            if (unit != null && unit != TermUnit.NONE) {
                checkAmount(t.amount(), unit, at + ".amount", errors);
            }
            if (DUTY_EVENTS.contains(t.satisfiedBy())) {
                errors.put(at + ".satisfiedBy", "Het opschorten, hervatten of opzijzetten van een plicht voldoet er "
                        + "niet aan; kies de gebeurtenis waarmee aan de verplichting is voldaan");
            } else if (!EVENT_TYPES.contains(t.satisfiedBy())) {
                errors.put(at + ".satisfiedBy", "Kies de gebeurtenis waarmee aan de verplichting is voldaan");
            }
            if (t.statute().length() > MAX_STATUTE) {
                errors.put(at + ".statute", "Te lang (hoogstens " + MAX_STATUTE + " tekens), bijvoorbeeld 'Wkkgz art. "
                        + "17 lid 1'");
            } else if (!t.statute().isEmpty()) {
                checkSafe(t.statute(), at + ".statute", ANY_CONTROL, errors);
            }
            if (t.label().length() > MAX_LABEL) {
                errors.put(at + ".label", "De woorden voor de klager zijn te lang (hoogstens " + MAX_LABEL + " tekens)");
            } else if (!t.label().isEmpty()) {
                checkSafe(t.label(), at + ".label", ANY_CONTROL, errors);
            }
            checkQuote(t.quote(), at + ".quote", errors);
        }
    }

    /** Two rows of one code may stand side by side only when one is for formal and the other for informal ones. */
    private static boolean overlap(String a, String b) {
        return a.equals(b) || "ALL".equals(a) || "ALL".equals(b);
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
            List<Term> rows = terms.stream().filter(t -> t != null && t.code().equals(x.term())).toList();
            if (rows.isEmpty()) {
                errors.put(at + ".term", "Kies een termijn uit de lijst van termijnen; '" + x.term()
                        + "' is daar niet gedefinieerd");
            } else if (rows.stream().allMatch(t -> "NONE".equals(t.unit()))) {
                errors.put(at + ".term", "Termijn " + x.term() + " heeft geen termijn en kan dus niet worden "
                        + "verlengd");
            }
            if (x.maxCount() < 1 || x.maxCount() > MAX_EXTENSIONS) {
                errors.put(at + ".maxCount", "Het aantal verlengingen ligt tussen 1 en " + MAX_EXTENSIONS);
            }
            TermUnit unit = unit(x.unit(), at + ".unit", errors);
            if (unit == TermUnit.NONE) {
                errors.put(at + ".unit", "Een verlenging heeft een eenheid nodig (werkdagen, dagen, weken of "
                        + "maanden)");
            } else if (unit == TermUnit.DAYS && x.amount() < 7 || unit == TermUnit.WORKING_DAYS && x.amount() < 5) {
                // Extensions are announced in whole weeks; a shorter maximum would refuse every extension.
                errors.put(at + ".amount", "Een verlenging wordt in hele weken aangekondigd: geef minstens één week ("
                        + (unit == TermUnit.DAYS ? "7 dagen" : "5 werkdagen") + ")");
            }
            checkAmount(x.amount(), unit == null || unit == TermUnit.NONE ? TermUnit.DAYS : unit, at + ".amount",
                    errors);
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

    private static void checkEscalation(Escalation e, Map<String, String> errors) {
        if (!APPLIES_TO.contains(e.appliesTo())) {
            errors.put("escalation.appliesTo", "Kies voor welke klachten escalatie geldt: alle (ALL), formele "
                    + "(FORMAL) of informele (INFORMAL)");
        }
        checkOptionalQuote(e.quote(), "escalation.quote", errors);
    }

    private static void checkReferrals(List<Referral> referrals, Map<String, String> errors) {
        if (referrals.size() > MAX_ITEMS) {
            errors.put("externalBodies", "Hoogstens " + MAX_ITEMS + " externe instanties");
        }
        for (int i = 0; i < referrals.size(); i++) {
            String at = "externalBodies[" + i + "]";
            Referral r = referrals.get(i);
            if (r == null) {
                errors.put(at, "Lege externe instantie");
                continue;
            }
            if (!validCode(r.body())) {
                errors.put(at + ".body", "Geef de code van de externe instantie zoals in het profiel ("
                        + CODE_RULE.toLowerCase(java.util.Locale.ROOT) + ")");
            } else {
                for (int j = 0; j < i; j++) {
                    Referral earlier = referrals.get(j);
                    if (earlier != null && earlier.body().equals(r.body()) && earlier.endsOwnDuty() != r.endsOwnDuty()) {
                        // The case engine reads one answer per body: a referral ends the own handling or it does not.
                        errors.put(at + ".endsOwnDuty", "Instantie " + r.body() + " staat ook in rij " + (j + 1)
                                + " met de andere keuze; een verwijzing naar dezelfde instantie beëindigt de eigen "
                                + "behandeling altijd of nooit");
                        break;
                    }
                }
            }
            if (!APPLIES_TO.contains(r.appliesTo())) {
                errors.put(at + ".appliesTo", "Kies voor welke klachten de verwijzing geldt: alle (ALL), formele "
                        + "(FORMAL) of informele (INFORMAL)");
            }
            if (!r.serviceLine().isEmpty() && !validCode(r.serviceLine())) {
                errors.put(at + ".serviceLine", "Geef de code van een dienst uit het profiel, of laat leeg voor alle "
                        + "diensten");
            }
            if (!r.atLevel().isEmpty() && !validCode(r.atLevel())) {
                errors.put(at + ".atLevel", "Geef de code van een niveau van de escalatieladder, of laat leeg voor "
                        + "elk niveau");
            }
            checkQuote(r.quote(), at + ".quote", errors);
        }
    }

    private static void checkSuspensions(List<Suspension> suspensions, List<Term> terms, Map<String, String> errors) {
        if (suspensions.size() > MAX_ITEMS) {
            errors.put("suspensions", "Hoogstens " + MAX_ITEMS + " regels voor opschorting");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < suspensions.size(); i++) {
            String at = "suspensions[" + i + "]";
            Suspension x = suspensions.get(i);
            if (x == null) {
                errors.put(at, "Lege regel voor opschorting");
                continue;
            }
            if (!EVERY_TERM.equals(x.term())) {
                List<Term> rows = terms.stream().filter(t -> t != null && t.code().equals(x.term())).toList();
                if (rows.isEmpty()) {
                    errors.put(at + ".term", "Kies een termijn uit de lijst van termijnen, of * voor elke termijn; '"
                            + x.term() + "' is daar niet gedefinieerd");
                } else if (rows.stream().allMatch(t -> "NONE".equals(t.unit()))) {
                    errors.put(at + ".term", "Termijn " + x.term() + " heeft geen termijn en kan dus niet worden "
                            + "opgeschort");
                }
            }
            if (!errors.containsKey(at + ".term") && !seen.add(x.term())) {
                errors.put(at + ".term", "Voor " + (EVERY_TERM.equals(x.term()) ? "elke termijn (*)" : "termijn "
                        + x.term()) + " staat al een regel voor opschorting");
            }
            if (x.maxDays() < 0 || x.maxDays() > SuspensionPolicy.MAX_DAYS) {
                errors.put(at + ".maxDays", "Een opschorting duurt hoogstens " + SuspensionPolicy.MAX_DAYS
                        + " dagen; 0 is zonder maximum");
            }
            checkQuote(x.quote(), at + ".quote", errors);
        }
    }

    private static final String CODE_RULE = "Een code bestaat uit hoofdletters, cijfers en _, begint met een letter "
            + "en is hoogstens " + MAX_CODE + " tekens lang";

    private static boolean validCode(String code) {
        return CODE.matcher(code).matches() && code.length() <= MAX_CODE;
    }

    private static void checkCode(String code, String key, Set<String> seen, String what,
                                  Map<String, String> errors) {
        if (!validCode(code)) {
            errors.put(key, CODE_RULE);
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
        errors.put(key, "Kies een eenheid: werkdagen (WORKING_DAYS), dagen (DAYS), weken (WEEKS), maanden (MONTHS) "
                + "of geen termijn (NONE)");
        return null;
    }

    /** 1..365 days or working days, 1..52 weeks, 1..12 months: a longer term is a typing error. */
    private static void checkAmount(int amount, TermUnit unit, String key, Map<String, String> errors) {
        int max = switch (unit) {
            case WEEKS -> MAX_WEEKS;
            case MONTHS -> MAX_MONTHS;
            default -> MAX_AMOUNT;
        };
        if (amount < 1 || amount > max) {
            errors.putIfAbsent(key, switch (unit) {
                case WEEKS -> "Een termijn in weken ligt tussen 1 en " + max;
                case MONTHS -> "Een termijn in maanden ligt tussen 1 en " + max;
                default -> "Een termijn ligt tussen 1 en " + max;
            });
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

    /** A quote that may be left empty (then the rule says what it does), but is checked like any when given. */
    private static void checkOptionalQuote(String quote, String key, Map<String, String> errors) {
        if (quote.length() > MAX_QUOTE) {
            errors.put(key, "Het citaat is te lang (hoogstens " + MAX_QUOTE + " tekens)");
        } else if (!quote.isEmpty()) {
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
