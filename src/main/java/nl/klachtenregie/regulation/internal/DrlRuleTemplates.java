package nl.klachtenregie.regulation.internal;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.RegulationParameters.Escalation;
import nl.klachtenregie.regulation.RegulationParameters.Extension;
import nl.klachtenregie.regulation.RegulationParameters.Kpi;
import nl.klachtenregie.regulation.RegulationParameters.Referral;
import nl.klachtenregie.regulation.RegulationParameters.RegistrationPolicy;
import nl.klachtenregie.regulation.RegulationParameters.Report;
import nl.klachtenregie.regulation.RegulationParameters.Suspension;
import nl.klachtenregie.regulation.RegulationParameters.Term;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleTemplates;
import nl.klachtenregie.regulation.TermUnit;

/**
 * Writes {@link RegulationParameters} as DRL from fixed templates. Only codes, enum names and numbers that the
 * parameters have validated are written as they are; every other text (name, quotes, labels) goes through
 * {@link #literal(String)}, and no user text is ever written into a comment or outside a string literal. The
 * output stays within the subset a vetted rule set may use: plain patterns on the fact types, {@code not} and
 * {@code exists}, and {@code insert(new <Outcome>(...))} with literals and bound variables. The form's hand-written
 * rules ({@link RuleTemplates#HAND_FILE}) are not written here: they are the administrator's own file.
 */
@Singleton
final class DrlRuleTemplates implements RuleTemplates {

    static final String PACKAGE = "rules.form";
    /**
     * How many rungs above the case's own a "may skip" escalation reaches: ladders of up to eleven rungs are covered
     * in full (the check warns about a longer one).
     */
    static final int MAX_RUNGS_ABOVE = RegulationParameters.MAX_RUNGS_ABOVE;
    private static final String EXTENSION_EVENT = "EXTENSION_ANNOUNCED";

    @Override
    public RuleSet write(RegulationParameters p) {
        Writer w = new Writer(p.name());
        w.header();
        for (Term t : p.terms()) {
            term(w, t);
        }
        for (Extension x : p.extensions()) {
            for (Term t : p.terms(x.term())) {
                if (!"NONE".equals(t.unit())) {
                    extension(w, x, t);
                }
            }
        }
        registration(w, p.registration());
        escalation(w, p.escalation());
        for (Referral r : p.externalBodies()) {
            referral(w, r);
        }
        for (Suspension s : p.suspensions()) {
            suspension(w, s);
        }
        rollOver(w, p.rollOverOwnTerms(), p.rollOverQuote());
        for (Kpi k : p.kpis()) {
            kpi(w, k);
        }
        for (Report r : p.reports()) {
            report(w, r);
        }
        return RuleSet.of(FILE_NAME, w.toString());
    }

    // --- templates --------------------------------------------------------------------------------------------

    /**
     * A term: an {@code Obligation} from receipt, or from the first event of the type it starts at (earliest
     * date, then recording order), so a repeated event does not start the term twice. A term that starts at an
     * escalation to a named rung starts at the first escalation to that rung, or at receipt when the complaint was
     * registered at that rung (made directly to the klachtenfunctionaris, say).
     */
    private static void term(Writer w, Term t) {
        w.section("Termijn " + t.code() + (t.appliesTo().equals("ALL") ? "" : " (" + t.appliesTo() + ")"));
        String what = "termijn " + t.code();
        if (RegulationParameters.RECEIVED.equals(t.startsAt())) {
            w.rule(t.quote(), what, List.of(complaint(t.appliesTo(), "$start : receivedOn")), obligation(t));
        } else if (RegulationParameters.ESCALATED.equals(t.startsAt()) && !t.startLevel().isEmpty()) {
            String level = literal(t.startLevel());
            w.rule(t.quote(), what + ": ontvangen bij " + t.startLevel(),
                    List.of(complaint(t.appliesTo(), "intakeLevel == " + level + ", $start : receivedOn")),
                    obligation(t));
            String type = literal(t.startsAt());
            w.rule(t.quote(), what + ": na escalatie naar " + t.startLevel(),
                    List.of(complaint(t.appliesTo(), "intakeLevel != " + level),
                            "EventFacts(type == " + type + ", level == " + level + ", $s : sequence, $start : on)",
                            "not EventFacts(type == " + type + ", level == " + level + ", on < $start)",
                            "not EventFacts(type == " + type + ", level == " + level
                                    + ", on == $start, sequence < $s)"),
                    obligation(t));
        } else {
            String type = literal(t.startsAt());
            // A referral's term runs from the day the complaint was lodged with the body, when known (startOn).
            w.rule(t.quote(), what,
                    List.of(complaint(t.appliesTo(), null),
                            "EventFacts(type == " + type + ", $s : sequence, $on : on, $start : startOn())",
                            "not EventFacts(type == " + type + ", on < $on)",
                            "not EventFacts(type == " + type + ", on == $on, sequence < $s)"),
                    obligation(t));
        }
    }

    /** The obligation; the short form when the term is the regulation's own and promises nothing in words. */
    private static String obligation(Term t) {
        String tail = t.statute().isEmpty() && t.label().isEmpty() ? ""
                : ", " + literal(t.statute()) + ", " + literal(t.label());
        return "insert(new Obligation(" + literal(t.code()) + ", $start, " + t.amount() + ", " + literal(t.unit())
                + ", " + literal(t.satisfiedBy()) + tail + "));";
    }

    /**
     * An extension: the {@code ExtensionPolicy} the case engine enforces, where the term applies; and, as the
     * seed rule sets do, refusals in the regulation's own words of an extension that is too long or one too many.
     * Extensions are announced in weeks, so the maximum is compared in whole weeks. Where a longer extension is
     * possible with the complainant's consent (Wkkgz art. 17 lid 2), the refusals leave an extension with documented
     * consent alone.
     */
    private static void extension(Writer w, Extension x, Term t) {
        w.section("Verlenging " + x.term() + (t.appliesTo().equals("ALL") ? "" : " (" + t.appliesTo() + ")"));
        for (List<String> applies : termApplies(t)) {
            extension(w, x, applies);
        }
    }

    private static void extension(Writer w, Extension x, List<String> applies) {
        w.rule(x.quote(), "verlenging " + x.term(), applies,
                "insert(new ExtensionPolicy(" + literal(x.term()) + ", " + x.maxCount() + ", " + x.amount() + ", "
                        + literal(x.unit()) + ", " + x.announceBeforeDue()
                        + (x.beyondWithConsent() ? ", true" : "") + "));");

        TermUnit unit = TermUnit.parse(x.unit());
        int maxWeeks = switch (unit) {
            case WEEKS -> x.amount();
            case DAYS -> x.amount() / 7;
            case WORKING_DAYS -> x.amount() / 5;
            // A month holds at least four whole weeks.
            case MONTHS -> x.amount() * 4;
            case NONE -> throw new IllegalStateException("extension without a unit passed validation");
        };
        String consent = x.beyondWithConsent() ? ", consentGiven == false" : "";
        String withConsent = x.beyondWithConsent() ? " (langer alleen met instemming van de klager)" : "";
        List<String> tooLong = new ArrayList<>(applies);
        tooLong.add("EventFacts(type == " + literal(EXTENSION_EVENT) + ", proposed == true, weeks > " + maxWeeks
                + consent + ")");
        w.rule(x.quote(), "verlenging " + x.term() + ": langer dan " + x.amount() + " " + unit.dutch() + " geweigerd",
                tooLong,
                "insert(new Refusal(" + literal(EXTENSION_EVENT) + ", " + literal("Een verlenging mag volgens het "
                        + "reglement hoogstens " + x.amount() + " " + unit.dutch() + " zijn" + withConsent + ": "
                        + x.quote()) + "));");

        List<String> tooMany = new ArrayList<>(applies);
        if (x.maxCount() > 1) {
            // The allowlist keeps a rule to three event patterns: the proposed extension and the earlier ones take
            // them all. Where the term starts at an event, that event is left out here; one extension too many is
            // refused anyway, with or without the term (without it, the case engine knows no extension at all).
            tooMany.removeIf(pattern -> pattern.startsWith("exists EventFacts"));
        }
        tooMany.add("EventFacts(type == " + literal(EXTENSION_EVENT) + ", proposed == true" + consent + ")");
        tooMany.add(earlierExtensions(x.maxCount()));
        String times = x.maxCount() == 1 ? "één verlenging" : x.maxCount() + " verlengingen";
        w.rule(x.quote(), "verlenging " + x.term() + ": meer dan " + times + " geweigerd", tooMany,
                "insert(new Refusal(" + literal(EXTENSION_EVENT) + ", " + literal("De termijn is al "
                        + (x.maxCount() == 1 ? "verlengd" : x.maxCount() + " keer verlengd")
                        + "; het reglement staat " + (x.maxCount() == 1 ? "maar " : "hoogstens ") + times
                        + " toe" + withConsent + ": " + x.quote()) + "));");
    }

    /** At least {@code n} extensions recorded before: n of them in increasing sequence. */
    private static String earlierExtensions(int n) {
        String type = literal(EXTENSION_EVENT);
        if (n == 1) {
            return "exists EventFacts(type == " + type + ", proposed == false)";
        }
        StringBuilder b = new StringBuilder("exists (");
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                b.append("\n        and ");
            }
            b.append("EventFacts(type == ").append(type).append(", proposed == false");
            if (i > 1) {
                b.append(", sequence > $x").append(i - 1);
            }
            if (i < n) {
                b.append(", $x").append(i).append(" : sequence");
            }
            b.append(')');
        }
        return b.append(')').toString();
    }

    /** Registration: formal complaints, informal ones, or only the listed exceptions among informal ones. */
    private static void registration(Writer w, RegistrationPolicy r) {
        if (!r.any()) {
            return;
        }
        w.section("Registratie");
        if (r.formal()) {
            w.rule(r.quote(), "registratie formele klacht", List.of("ComplaintFacts(kind == \"FORMAL\")"),
                    registration("Formele klachten worden geregistreerd"));
        }
        if (r.informal()) {
            w.rule(r.quote(), "registratie informele klacht", List.of("ComplaintFacts(kind == \"INFORMAL\")"),
                    registration("Informele klachten worden geregistreerd"));
            // Every informal complaint is registered already: the exceptions below would only repeat it.
            return;
        }
        if (r.repeatedAboutSamePerson()) {
            w.rule(r.quote(), "registratie informele klacht: herhaald over dezelfde persoon",
                    List.of("HistoryFacts(earlierAboutSameEmployee > 0)",
                            "ComplaintFacts(kind == \"INFORMAL\", concernsEmployee != \"\")"),
                    registration("Er wordt herhaaldelijk over dezelfde persoon geklaagd"));
        }
        if (r.repeatedAboutSameSubject()) {
            w.rule(r.quote(), "registratie informele klacht: herhaald over hetzelfde onderwerp",
                    List.of("HistoryFacts(earlierInSameCategory > 0)",
                            "ComplaintFacts(kind == \"INFORMAL\", category != \"\")"),
                    registration("Er wordt herhaaldelijk over hetzelfde onderwerp geklaagd"));
        }
        if (r.unwantedBehaviour()) {
            w.rule(r.quote(), "registratie informele klacht: ongewenst gedrag",
                    List.of("ComplaintFacts(kind == \"INFORMAL\", unwantedBehaviour == true)"),
                    registration("De klacht houdt verband met ongewenst gedrag"));
        }
    }

    private static String registration(String reason) {
        return "insert(new Registration(" + literal(reason) + "));";
    }

    /**
     * Escalation: the next rung of the tenant's ladder, as the seed rule sets offer it; with {@code maySkip} also
     * every rung above that, one rule per distance (rules cannot loop over the ladder), up to
     * {@link #MAX_RUNGS_ABOVE} rungs above the one the case is at.
     */
    private static void escalation(Writer w, Escalation e) {
        if (!e.any()) {
            return;
        }
        w.section("Escalatie");
        String quote = e.quote().isEmpty() ? "de klager kan naar het volgende niveau van de escalatieladder" : e.quote();
        w.rule(quote, "escalatie", List.of(complaint(e.appliesTo(), "$next : nextEscalationLevel, "
                + "nextEscalationLevel != \"\"")), "insert(new EscalationOption($next));");
        if (e.maySkip()) {
            String skip = e.quote().isEmpty() ? "de klager mag een niveau van de escalatieladder overslaan" : e.quote();
            for (int steps = 2; steps <= MAX_RUNGS_ABOVE; steps++) {
                // Drools allows no variable in a binding, so the rung is read again in the consequence.
                w.rule(skip, "escalatie: " + steps + " niveaus hoger",
                        List.of(complaint(e.appliesTo(), "$at : escalationLevel"),
                                "$ladder : TenantFacts(levelAbove($at, " + steps + ") != \"\")"),
                        "insert(new EscalationOption($ladder.levelAbove($at, " + steps + ")));");
            }
        }
    }

    /** An external body named to the complainant and referable to, where the row applies. */
    private static void referral(Writer w, Referral r) {
        w.section("Externe instantie " + r.body());
        List<String> conditions = new ArrayList<>();
        if (!r.serviceLine().isEmpty()) {
            conditions.add("serviceLine == " + literal(r.serviceLine()));
        }
        if (!r.atLevel().isEmpty()) {
            conditions.add("escalationLevel == " + literal(r.atLevel()));
        }
        w.rule(r.quote(), "externe instantie " + r.body(), List.of(complaint(r.appliesTo(),
                        conditions.isEmpty() ? null : String.join(", ", conditions))),
                "insert(new ExternalBodyReference(" + literal(r.body()) + ", " + r.endsOwnDuty() + "));");
    }

    /** Suspension of a term (or of every term) allowed, for at most so many days. */
    private static void suspension(Writer w, Suspension s) {
        boolean all = RegulationParameters.EVERY_TERM.equals(s.term());
        w.section("Opschorting " + (all ? "van elke termijn" : s.term()));
        w.rule(s.quote(), "opschorting " + (all ? "elke termijn" : s.term()), List.of("ComplaintFacts()"),
                "insert(new SuspensionPolicy(" + literal(s.term()) + ", " + s.maxDays() + ", " + s.statutoryToo()
                        + "));");
    }

    /** Always written, so the choice is visible in the rules: own terms run on past a day off, or not. */
    private static void rollOver(Writer w, boolean ownTerms, String quote) {
        w.section("Doorlopen van eigen termijnen");
        String words = !quote.isEmpty() ? quote : ownTerms
                ? "Algemene termijnenwet artikel 1: een termijn die op een zaterdag, zondag of feestdag eindigt, loopt "
                        + "door tot de eerstvolgende werkdag; ook de eigen termijnen van het reglement"
                : "de eigen termijnen van het reglement eindigen op de dag die zij noemen, ook in het weekend";
        w.rule(words, ownTerms ? "eigen termijnen lopen door" : "eigen termijnen lopen niet door",
                List.of("ComplaintFacts()"), "insert(new RollOverPolicy(" + ownTerms + "));");
    }

    private static void kpi(Writer w, Kpi k) {
        w.section("Prestatie-indicator " + k.code());
        w.rule(k.quote(), "KPI " + k.code(), List.of("TenantFacts()"),
                "insert(new KpiTarget(" + literal(k.code()) + ", " + literal(k.label()) + ", " + literal(k.measure())
                        + ", " + literal(k.comparator()) + ", " + number(k.target()) + "));");
    }

    private static void report(Writer w, Report r) {
        w.section("Rapportage " + r.code());
        // ReportDuty's rule constructor takes the sections as one text split on ';' (rules cannot build lists);
        // validation keeps ';' out of a section.
        w.rule(r.quote(), "rapportage " + r.code(), List.of("TenantFacts()"),
                "insert(new ReportDuty(" + literal(r.code()) + ", " + literal(r.period()) + ", "
                        + literal(r.audience()) + ",\n        " + sections(r.sections()) + "));");
    }

    /** The sections as one text, a literal per line: twenty long sections on one line would pass the line limit. */
    private static String sections(List<String> sections) {
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            parts.add(literal(sections.get(i) + (i < sections.size() - 1 ? "; " : "")));
        }
        return parts.isEmpty() ? literal("") : String.join("\n            + ", parts);
    }

    /** The complaint pattern for ALL, FORMAL or INFORMAL, with an optional binding. */
    private static String complaint(String appliesTo, String binding) {
        StringBuilder c = new StringBuilder("ComplaintFacts(");
        switch (appliesTo) {
            case "FORMAL" -> c.append("kind == \"FORMAL\"");
            case "INFORMAL" -> c.append("kind == \"INFORMAL\"");
            case "ALL" -> { }
            default -> throw new IllegalStateException("appliesTo " + appliesTo + " passed validation");
        }
        if (binding != null) {
            c.append(c.length() > "ComplaintFacts(".length() ? ", " : "").append(binding);
        }
        return c.append(')').toString();
    }

    /**
     * Where a term applies: its kind of complaint, and (when it starts at an event) once that event exists; a term
     * that starts at an escalation to a named rung applies once the case is at or has been escalated to that rung.
     */
    private static List<List<String>> termApplies(Term t) {
        if (RegulationParameters.RECEIVED.equals(t.startsAt())) {
            return List.of(List.of(complaint(t.appliesTo(), null)));
        }
        String type = literal(t.startsAt());
        if (RegulationParameters.ESCALATED.equals(t.startsAt()) && !t.startLevel().isEmpty()) {
            String level = literal(t.startLevel());
            return List.of(List.of(complaint(t.appliesTo(), "intakeLevel == " + level)),
                    List.of(complaint(t.appliesTo(), "intakeLevel != " + level),
                            "exists EventFacts(type == " + type + ", level == " + level + ")"));
        }
        return List.of(List.of(complaint(t.appliesTo(), null), "exists EventFacts(type == " + type + ")"));
    }

    // --- literals ---------------------------------------------------------------------------------------------

    /**
     * A DRL/Java string literal: backslash, double quote and line breaks escaped, so no text can end the literal
     * or the rule. Validation has already refused other control characters and the sequence backslash-u; should
     * one get here anyway it becomes a space rather than DRL.
     */
    static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Text for a rule name: the allowlist refuses a backslash or a comment end in a rule name (a name is code, not
     * text), so a double quote becomes a single one, a backslash a slash and a comment end is broken up. The
     * texts the rules emit keep the quote exactly as typed.
     */
    static String nameText(String text) {
        return text.replace('"', '\'').replace('\\', '/').replace("*/", "* /");
    }

    /** A double literal in plain notation (never 1.0E-4), always with a decimal point. */
    static String number(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Accumulates the DRL; keeps rule names unique (Drools refuses a duplicate name in one package). */
    private static final class Writer {
        private final StringBuilder drl = new StringBuilder();
        private final Set<String> names = new HashSet<>();
        private final String regulation;

        Writer(String regulation) {
            this.regulation = regulation;
        }

        void header() {
            drl.append("package ").append(PACKAGE).append(";\n\n")
                    .append("import nl.klachtenregie.regulation.*;\n\n")
                    .append("// Written by the rule templates from a form of parameters: change the parameters, not "
                            + "this text.\n");
        }

        /** A comment line of fixed text and validated codes only. */
        void section(String title) {
            drl.append("\n// ").append(title).append('\n');
        }

        /**
         * One rule named "&lt;regulation&gt;, &lt;quote&gt; (&lt;what&gt;)". White space in the quote is
         * collapsed to single spaces there, so the basis reads as one line; the quote in texts stays as written.
         */
        void rule(String quote, String what, List<String> when, String then) {
            String base = nameText(regulation + ", " + quote.strip().replaceAll("\\s+", " ") + " (" + what + ")");
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + " #" + n;
            }
            drl.append("\nrule ").append(literal(name)).append("\nwhen\n");
            for (String pattern : when) {
                drl.append("    ").append(pattern).append('\n');
            }
            drl.append("then\n    ").append(then).append("\nend\n");
        }

        @Override
        public String toString() {
            return drl.toString();
        }
    }
}
