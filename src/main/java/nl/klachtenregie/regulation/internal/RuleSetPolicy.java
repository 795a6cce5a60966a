package nl.klachtenregie.regulation.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klachtenregie.regulation.Addressee;
import nl.klachtenregie.regulation.Advice;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EscalationOption;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.ExternalBodyReference;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.Inadmissible;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.Registration;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.CountsAsFormal;
import nl.klachtenregie.regulation.LevelHolder;
import nl.klachtenregie.regulation.RollOverPolicy;
import nl.klachtenregie.regulation.SuspensionPolicy;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleSetCompilationException.Problem;
import nl.klachtenregie.regulation.RuleSetRejectedException;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.regulation.Waiver;
import nl.klachtenregie.shared.Text;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Vetting of tenant-written rules. A tenant administrator writes DRL, and DRL can call any Java; so before a rule
 * set is compiled, this parses it with Drools' own parser and refuses everything outside a small allowlist:
 * patterns on our fact and outcome types, constraints over their members, and consequences that only
 * {@code insert(new <Outcome>(...))}. It fails closed: anything it does not recognise is refused, and nothing of a
 * refused rule set reaches the compiler.
 *
 * <p>Code inside constraints and consequences is checked token by token, lexed the way javac lexes it (comments,
 * strings, no unicode escapes at all), so neither a comment nor a string can hide code from this check.
 */
final class RuleSetPolicy {

    /** Files in one rule set; a regulation is one or a few files. */
    static final int MAX_FILES = 20;
    /** Rules in one rule set; the largest seed has 35. */
    static final int MAX_RULES = 500;
    /** Characters of one rule's consequence; a seed's longest is about 600, a form-made report duty (20 sections) 8,500. */
    static final int MAX_CONSEQUENCE_CHARS = 10_000;
    /** Characters of one constraint; a seed's longest is about 300. */
    static final int MAX_CONSTRAINT_CHARS = 2_000;
    /** Characters on one line; the seeds' longest (a rule name quoting the regulation) is 344. */
    static final int MAX_LINE_LENGTH = 5_000;
    /** Nesting of brackets; deep nesting would exhaust the parser's stack. */
    static final int MAX_NESTING = 32;
    /** Patterns in one rule: every extra pattern multiplies the work of matching. */
    static final int MAX_PATTERNS_PER_RULE = 12;
    /**
     * Patterns on one fact type join every instance with every other: the events of a case are many, so a rule with
     * many event patterns is built as their cross product in one step, before any limit on firings or time can
     * act. Three (the seeds use two) keeps that product small for any realistic timeline.
     */
    static final int MAX_PATTERNS_PER_FACT_TYPE = 3;
    /**
     * Patterns on outcomes (Advice, Obligation, ...) in one rule, together: one. Two outcome patterns join every
     * outcome with every other inside the engine, before any limit on firings or time can act; a draft with 9,750
     * outcomes and such a join filled a 6 GB heap (issue 14).
     */
    static final int MAX_OUTCOME_PATTERNS_PER_RULE = 1;
    /**
     * The most partial matches one rule may build, counted as the product of what each of its patterns can match: an
     * event pattern the events of a case ({@link nl.klachtenregie.regulation.EvaluationFacts#MAX_EVENTS}), an outcome
     * pattern the outcomes of one evaluation ({@link DroolsRegulationEngine#MAX_EMISSIONS}), the complaint, the tenant
     * and the history one each. Two event patterns (40,000), or one event and one outcome pattern (400,000) pass;
     * three event patterns (8,000,000) do not. Only patterns that are matched (not those under 'not', 'exists' or
     * 'forall', which test and keep no combinations) count here. This bounds the memory a rule can take whatever the
     * data, so it holds by design, not by a test of today's data.
     */
    static final long MAX_JOIN = 500_000;
    /**
     * The most comparisons one rule may ask for, counting every pattern (also under 'not', 'exists', 'forall'): these
     * keep no combinations but test each one, and a test of 100,000,000 pairs still ends within a second.
     */
    static final long MAX_TESTED = 100_000_000;
    /** Problems reported at most; a hostile rule set need not be described in full. */
    static final int MAX_PROBLEMS = 50;

    private static final Pattern PACKAGE = Pattern.compile("rules\\.[a-z0-9_.]+");
    /** '__' is left out: Drools names its own parameters like '$c__Handle__'. */
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z](?:[A-Za-z0-9]|_(?!_))*");
    private static final String OUR_PACKAGE = "nl.klachtenregie.regulation";

    static final List<Class<?>> FACT_TYPES = List.of(ComplaintFacts.class, EventFacts.class, HistoryFacts.class,
            TenantFacts.class);
    static final List<Class<?>> OUTCOME_TYPES = List.of(Obligation.class, Waiver.class, ExtensionPolicy.class,
            Registration.class, Inadmissible.class, Refusal.class, EscalationOption.class,
            ExternalBodyReference.class, Advice.class, Addressee.class, KpiTarget.class, ReportDuty.class,
            SuspensionPolicy.class, RollOverPolicy.class, CountsAsFormal.class, LevelHolder.class);

    private static final Set<String> FACT_NAMES = simpleNames(FACT_TYPES);
    private static final Set<String> OUTCOME_NAMES = simpleNames(OUTCOME_TYPES);
    private static final Set<String> TYPE_NAMES = union(FACT_NAMES, OUTCOME_NAMES);

    /** Object's methods that block, copy or reach the class (and so reflection and class loaders). */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "clone",
            "finalize");

    /** Methods of String, LocalDate, List and the number types that only read or compute a value. */
    private static final Set<String> VALUE_METHODS = Set.of("length", "isEmpty", "isBlank", "contains",
            "startsWith", "endsWith", "equals", "equalsIgnoreCase", "toLowerCase", "toUpperCase", "trim", "strip",
            "isBefore", "isAfter", "isEqual", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays",
            "minusWeeks", "minusMonths", "minusYears", "getYear", "getMonthValue", "getDayOfMonth", "size", "get",
            "compareTo", "intValue", "toString");

    /** Record components and public methods of the fact and outcome types, computed so new fields just work. */
    private static final Set<String> MEMBERS = members();

    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");
    /** DRL's relational operators written as words (only in constraints). */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("in", "not", "matches", "contains", "memberOf",
            "excludes", "soundslike");
    private static final Set<String> FACT_CHANGES = Set.of("modify", "update", "delete", "retract",
            "insertLogical");
    private static final Set<String> ENGINE_ACCESS = Set.of("drools", "kcontext");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte",
            "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
            "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "var", "yield", "record", "sealed", "permits", "non-sealed", "module");

    private static final Set<String> ALLOWED_OPERATORS = Set.of("(", ")", ",", ".", "+", "-", "*", "/", "%", "==",
            "!=", "<", ">", "<=", ">=", "&&", "||", "!", "?", ":");
    private static final String[] OPERATORS = {">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "==", "!=", "<=",
            ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", ":=", "(", ")",
            "[", "]", "{", "}", ";", ",", ".", "@", "=", ">", "<", "!", "~", "?", ":", "+", "-", "*", "/", "&", "|",
            "^", "%", "#"};
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+[lL]?|(?:\\d[\\d_]*(?:\\.\\d[\\d_]*)?|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?[lLfFdD]?");

    private static final Text NEW_REASON = Text.of("ruleset.reason.new", String.join(", ", OUTCOME_NAMES));
    private static final Text TYPE_REASON = Text.of("ruleset.reason.type", String.join(", ", FACT_NAMES));
    private static final Text NAME_REASON = Text.of("ruleset.reason.name");

    /** Vets the rule set; throws {@link RuleSetRejectedException} naming every problem found (up to a bound). */
    void check(RuleSet ruleSet) {
        List<Problem> problems = new ArrayList<>();
        try {
            if (ruleSet.sources().size() > MAX_FILES) {
                String first = ruleSet.sources().keySet().iterator().next();
                problems.add(new Problem(first, 0, Text.of("ruleset.tooManyFiles", first,
                        String.valueOf(ruleSet.sources().size()), String.valueOf(MAX_FILES)).dutch()));
            }
            int rules = 0;
            for (Map.Entry<String, String> file : ruleSet.sources().entrySet()) {
                FileCheck check = new FileCheck(file.getKey(), file.getValue(), problems, rules);
                check.run();
                rules = check.rulesSeen;
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Fail closed: a rule set this check cannot walk is not compiled either.
            String first = ruleSet.sources().keySet().iterator().next();
            problems.add(new Problem(first, 0, Text.of("ruleset.uncheckable", first, e.getClass().getSimpleName())
                    .dutch()));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
    }

    /** The checks of one DRL file; collects problems instead of stopping at the first. */
    private static final class FileCheck {
        private final String file;
        private final String text;
        private final List<Problem> problems;
        private int rulesSeen;

        FileCheck(String file, String text, List<Problem> problems, int rulesBefore) {
            this.file = file;
            this.text = text;
            this.problems = problems;
            this.rulesSeen = rulesBefore;
        }

        void run() {
            if (!checkRawText()) {
                return;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (Exception e) {
                refuse(0, "de regels konden niet worden gelezen: " + e.getMessage());
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                for (KnowledgeBuilderError error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    refuse(lines.length > 0 ? lines[0] : 0, "syntaxfout: " + error.getMessage());
                }
                if (!parser.hasErrors()) {
                    refuse(0, "de regels konden niet worden gelezen");
                }
                return;
            }
            checkPackage(pkg);
            for (RuleDescr rule : pkg.getRules()) {
                rulesSeen++;
                if (rulesSeen > MAX_RULES) {
                    refuse(rule.getLine(), "te veel regels: een regelset mag hoogstens " + MAX_RULES
                            + " regels bevatten");
                    return;
                }
                checkRule(rule);
            }
        }

        /** Checks done on the raw text, before parsing: what javac or the parser would see differently. */
        private boolean checkRawText() {
            boolean ok = true;
            int line = 1;
            int lineStart = 0;
            int depth = 0;
            boolean depthReported = false;
            int unicodeLine = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                    if (unicodeLine == line) {
                        continue;
                    }
                    unicodeLine = line;
                    refuse(line, "'\\u' is niet toegestaan: unicode-escapes verwerkt Java vóór al het andere,"
                            + " ook in commentaar en tekst, zodat ze code kunnen verbergen; schrijf het teken zelf");
                    ok = false;
                } else if (c == '\n' || c == '\r') {
                    if (i - lineStart > MAX_LINE_LENGTH) {
                        refuse(line, "regel van " + (i - lineStart) + " tekens is te lang: hoogstens "
                                + MAX_LINE_LENGTH + " tekens per regel");
                        ok = false;
                    }
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    lineStart = i + 1;
                } else if (c < 0x20 && c != '\t' && c != '\f') {
                    refuse(line, "onzichtbaar stuurteken (code " + (int) c + ") is niet toegestaan");
                    ok = false;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    if (depth > MAX_NESTING && !depthReported) {
                        refuse(line, "haakjes zijn te diep genest: hoogstens " + MAX_NESTING + " niveaus");
                        depthReported = true;
                        ok = false;
                    }
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    return false;
                }
            }
            if (text.length() - lineStart > MAX_LINE_LENGTH) {
                refuse(line, "regel van " + (text.length() - lineStart) + " tekens is te lang: hoogstens "
                        + MAX_LINE_LENGTH + " tekens per regel");
                ok = false;
            }
            return ok;
        }

        private void checkPackage(PackageDescr pkg) {
            String name = pkg.getName();
            if (name == null || !PACKAGE.matcher(name).matches()) {
                refuse(lineOf(pkg, "package"), "'package " + (name == null ? "" : name) + "' is niet toegestaan:"
                        + " de package-naam moet beginnen met 'rules.' gevolgd door kleine letters, cijfers, '_' of"
                        + " '.', bijvoorbeeld 'package rules.mijnorganisatie;'");
            }
            for (ImportDescr imp : pkg.getImports()) {
                String target = imp.getTarget();
                boolean ours = (OUR_PACKAGE + ".*").equals(target)
                        || (target != null && target.startsWith(OUR_PACKAGE + ".")
                        && TYPE_NAMES.contains(target.substring(OUR_PACKAGE.length() + 1)));
                if (!ours) {
                    refuse(lineOf(imp, "import"), "'import " + target + "' is niet toegestaan: alleen 'import "
                            + OUR_PACKAGE + ".*;' of de feiten en uitkomsten daaruit");
                }
            }
            pkg.getFunctionImports().forEach(d -> refuse(lineOf(d, "import"), "'import function "
                    + d.getTarget() + "' is niet toegestaan: regels mogen geen Java-methoden importeren"));
            pkg.getAccumulateImports().forEach(d -> refuse(lineOf(d, "import"), "'import accumulate "
                    + d.getTarget() + "' is niet toegestaan: regels mogen geen accumulatiefuncties importeren"));
            pkg.getGlobals().forEach(d -> refuse(lineOf(d, "global"), "'global " + d.getType() + " "
                    + d.getIdentifier() + "' is niet toegestaan: regels zien alleen de feiten van de eigen klacht"));
            pkg.getFunctions().forEach(d -> refuse(lineOf(d, "function"), "'function " + d.getName()
                    + "' is niet toegestaan: regels mogen geen eigen Java-code declareren"));
            pkg.getTypeDeclarations().forEach(d -> refuse(lineOf(d, "declare"), "'declare " + d.getTypeName()
                    + "' is niet toegestaan: regels mogen geen eigen typen declareren"));
            pkg.getEnumDeclarations().forEach(d -> refuse(lineOf(d, "declare"), "'declare enum "
                    + d.getTypeName() + "' is niet toegestaan: regels mogen geen eigen typen declareren"));
            pkg.getEntryPointDeclarations().forEach(d -> refuse(lineOf(d, "declare"), "'declare entry-point' is"
                    + " niet toegestaan: regels zien alleen de feiten van de eigen klacht"));
            pkg.getWindowDeclarations().forEach(d -> refuse(lineOf(d, "declare"), "'declare window' is niet"
                    + " toegestaan: regels zien alleen de feiten van de eigen klacht"));
            if (pkg.getUnit() != null) {
                refuse(lineOf(pkg.getUnit(), "unit"), "'unit' is niet toegestaan");
            }
            for (AttributeDescr attribute : pkg.getAttributes()) {
                checkAttribute(attribute);
            }
        }

        private void checkRule(RuleDescr rule) {
            int line = rule.getLine();
            if (rule.isQuery()) {
                refuse(line, "'query " + rule.getName() + "' is niet toegestaan: alleen regels (rule ... end)");
                return;
            }
            String name = rule.getName() == null ? "" : rule.getName();
            if (name.chars().anyMatch(c -> c < 0x20 || c == '\\' || c == 0x2028 || c == 0x2029)
                    || name.contains("*/")) {
                refuse(line, "de naam van regel \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" bevat een teken dat"
                        + " niet is toegestaan (stuurteken, '\\' of '*/')");
            }
            if (rule.hasParent()) {
                refuse(line, "'extends " + rule.getParentName() + "' is niet toegestaan: elke regel staat op zich");
            }
            for (var annotation : rule.getAnnotations()) {
                refuse(lineOr(annotation, line), "'@" + annotation.getName() + "' is niet toegestaan:"
                        + " regels hebben geen annotaties");
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                checkAttribute(attribute);
            }
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule.getConsequenceLine(), "benoemde gevolgen ('then[...]', 'do[...]', 'break[...]') zijn"
                        + " niet toegestaan: een regel heeft één 'then'");
            }
            Set<String> bound = new HashSet<>();
            int[] patterns = {0};
            List<ExprConstraintDescr> constraints = new ArrayList<>();
            if (rule.getLhs() != null) {
                walk(rule.getLhs(), line, bound, constraints, patterns);
            }
            if (patterns[0] > MAX_PATTERNS_PER_RULE) {
                refuse(line, "regel \"" + name + "\" heeft " + patterns[0] + " patronen: hoogstens "
                        + MAX_PATTERNS_PER_RULE + " per regel");
            }
            if (rule.getLhs() != null) {
                java.util.Map<String, Integer> perType = new java.util.TreeMap<>();
                java.util.Map<String, Integer> matched = new java.util.TreeMap<>();
                countTypes(rule.getLhs(), perType, matched, true);
                perType.forEach((type, n) -> {
                    if (n > MAX_PATTERNS_PER_FACT_TYPE) {
                        refuse(line, "regel \"" + name + "\" heeft " + n + " patronen op " + type + ": hoogstens "
                                + MAX_PATTERNS_PER_FACT_TYPE + " per soort feit of uitkomst in één regel");
                    }
                });
                // Outcomes can number thousands: two outcome patterns already join every pair, three would join
                // every triple in one step. Rules react to outcomes rarely; the seeds never do.
                int outcomes = matched.entrySet().stream().filter(e -> OUTCOME_NAMES.contains(e.getKey()))
                        .mapToInt(java.util.Map.Entry::getValue).sum();
                if (outcomes > MAX_OUTCOME_PATTERNS_PER_RULE) {
                    refuse(line, "regel \"" + name + "\" heeft " + outcomes + " patronen op uitkomsten: hoogstens "
                            + MAX_OUTCOME_PATTERNS_PER_RULE + " per regel (twee combineren elke uitkomst met elke"
                            + " andere)");
                } else {
                    long join = combinations(matched, MAX_JOIN);
                    long tested = combinations(perType, MAX_TESTED);
                    if (join > MAX_JOIN || tested > MAX_TESTED) {
                        refuse(line, "regel \"" + name + "\" combineert te veel: zijn patronen kunnen samen meer dan "
                                + String.format(java.util.Locale.ROOT, "%,d", MAX_JOIN).replace(',', '.')
                                + " combinaties opleveren (gebeurtenissen en uitkomsten vermenigvuldigen elkaar);"
                                + " splits de regel of gebruik 'exists' en 'not' zonder te combineren");
                    }
                }
            }
            for (ExprConstraintDescr constraint : constraints) {
                checkConstraint(constraint, bound);
            }
            Object consequence = rule.getConsequence();
            if (consequence != null && !(consequence instanceof String)) {
                refuse(rule.getConsequenceLine(), "het 'then'-deel kon niet worden gecontroleerd");
            } else if (consequence != null) {
                checkConsequence(rule, (String) consequence, bound);
            }
        }

        private void countTypes(BaseDescr descr, java.util.Map<String, Integer> perType,
                                java.util.Map<String, Integer> matched, boolean positive) {
            if (descr instanceof PatternDescr pattern) {
                String type = pattern.getObjectType();
                String simple = type.substring(type.lastIndexOf('.') + 1);
                perType.merge(simple, 1, Integer::sum);
                if (positive) {
                    matched.merge(simple, 1, Integer::sum);
                }
            } else if (descr instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
                boolean stillPositive = positive && !(descr instanceof org.drools.drl.ast.descr.NotDescr
                        || descr instanceof org.drools.drl.ast.descr.ExistsDescr
                        || descr instanceof org.drools.drl.ast.descr.ForallDescr);
                for (BaseDescr child : ce.getDescrs()) {
                    countTypes(child, perType, matched, stillPositive);
                }
            }
        }

        /** The product of what each pattern can match, stopping once past {@code cap}. */
        private static long combinations(java.util.Map<String, Integer> patterns, long cap) {
            long n = 1;
            for (java.util.Map.Entry<String, Integer> e : patterns.entrySet()) {
                long each = e.getKey().equals("EventFacts") ? nl.klachtenregie.regulation.EvaluationFacts.MAX_EVENTS
                        : OUTCOME_NAMES.contains(e.getKey()) ? DroolsRegulationEngine.MAX_EMISSIONS : 1;
                for (int k = 0; k < e.getValue() && n <= cap; k++) {
                    n *= each;
                }
            }
            return n;
        }

        /** Walks the conditions: only and/or/not/exists/forall and patterns on our types, nothing as a source. */
        private void walk(BaseDescr descr, int ruleLine, Set<String> bound, List<ExprConstraintDescr> constraints,
                          int[] patterns) {
            int line = lineOr(descr, ruleLine);
            if (descr instanceof PatternDescr pattern) {
                patterns[0]++;
                checkPattern(pattern, line, bound, constraints);
            } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                    walk(child, line, bound, constraints, patterns);
                }
            } else {
                refuse(line, "'" + construct(descr) + "' is niet toegestaan: in het 'when'-deel alleen patronen"
                        + " op feiten en uitkomsten, met and, or, not, exists en forall");
            }
        }

        private void checkPattern(PatternDescr pattern, int line, Set<String> bound,
                                  List<ExprConstraintDescr> constraints) {
            String type = pattern.getObjectType() == null ? "" : pattern.getObjectType();
            String simple = type.startsWith(OUR_PACKAGE + ".") ? type.substring(OUR_PACKAGE.length() + 1) : type;
            if (!TYPE_NAMES.contains(simple)) {
                refuse(line, Text.of("ruleset.notAllowedBecause", type + "(...)", TYPE_REASON));
            }
            if (pattern.getIdentifier() != null) {
                if (BINDING.matcher(pattern.getIdentifier()).matches()) {
                    bound.add(pattern.getIdentifier());
                } else {
                    refuse(line, "'" + pattern.getIdentifier() + " :' is niet toegestaan: een gebonden variabele"
                            + " begint met '$', bijvoorbeeld '$klacht : ComplaintFacts()'");
                }
            }
            if (pattern.isQuery() || pattern.isUnification()) {
                refuse(line, "'?' en ':=' zijn niet toegestaan: geen queries of unificatie in regels");
            }
            if (pattern.getSource() != null) {
                refuse(lineOr(pattern.getSource(), line), "'" + construct(pattern.getSource()) + "' is niet"
                        + " toegestaan: regels zien alleen de feiten van de eigen klacht, niet die uit een andere"
                        + " bron");
            }
            if (!pattern.getBehaviors().isEmpty()) {
                refuse(line, "'over window' is niet toegestaan: regels werken niet met tijdvensters");
            }
            for (var annotation : pattern.getAnnotations()) {
                refuse(line, "'@" + annotation.getName() + "' is niet toegestaan: patronen hebben geen annotaties");
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    constraints.add(expr);
                    // Bindings made inside the pattern ($r : receivedOn) may be used by the rule's later parts.
                    try {
                        List<Token> tokens = new Lexer(expr.getExpression(), 0, false).tokens();
                        for (int i = 0; i + 1 < tokens.size(); i++) {
                            if (tokens.get(i).text().startsWith("$") && tokens.get(i + 1).text().equals(":")) {
                                bound.add(tokens.get(i).text());
                            }
                        }
                    } catch (Refused ignored) {
                        // reported when the constraint itself is checked
                    }
                } else {
                    refuse(lineOr(constraint, line), "'" + construct(constraint) + "' is niet toegestaan in een"
                            + " patroon");
                }
            }
        }

        private void checkConstraint(ExprConstraintDescr constraint, Set<String> bound) {
            String expression = constraint.getExpression() == null ? "" : constraint.getExpression();
            int line = lineOr(constraint, 0);
            if (expression.length() > MAX_CONSTRAINT_CHARS) {
                refuse(line, "voorwaarde van " + expression.length() + " tekens is te lang: hoogstens "
                        + MAX_CONSTRAINT_CHARS);
                return;
            }
            try {
                List<Token> tokens = new Lexer(expression, line, false).tokens();
                new CodeCheck(tokens, bound, false).run();
            } catch (Refused r) {
                refuse(r.line, r.getMessage());
            }
        }

        private void checkConsequence(RuleDescr rule, String consequence, Set<String> bound) {
            int line = consequenceLine(rule, consequence);
            if (consequence.length() > MAX_CONSEQUENCE_CHARS) {
                refuse(line, "het 'then'-deel van regel \"" + rule.getName() + "\" heeft " + consequence.length()
                        + " tekens: hoogstens " + MAX_CONSEQUENCE_CHARS);
                return;
            }
            try {
                List<Token> tokens = new Lexer(consequence, line, true).tokens();
                new CodeCheck(tokens, bound, true).run();
            } catch (Refused r) {
                refuse(r.line, r.getMessage());
            }
        }

        private void checkAttribute(AttributeDescr attribute) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            int line = lineOf(attribute, name);
            String shown = "'" + name + " " + value + "'";
            switch (name) {
                case "salience" -> {
                    if (!value.matches("-?\\d{1,6}")) {
                        refuse(line, shown + " is niet toegestaan: salience moet een geheel getal zijn");
                    }
                }
                case "enabled", "no-loop", "lock-on-active", "auto-focus" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        refuse(line, shown + " is niet toegestaan: " + name + " moet true of false zijn");
                    }
                }
                case "agenda-group", "activation-group" -> {
                    if (!value.matches("[\\p{L}\\p{N} _.:-]{1,100}")) {
                        refuse(line, shown + " is niet toegestaan: een groepsnaam bestaat uit letters, cijfers,"
                                + " spaties, '_', '.', ':' of '-'");
                    }
                }
                case "dialect" -> {
                    if (!value.equals("java")) {
                        refuse(line, shown + " is niet toegestaan: alleen het dialect \"java\"");
                    }
                }
                default -> refuse(line, "'" + name + "' is niet toegestaan: alleen de regelattributen salience,"
                        + " enabled, no-loop, lock-on-active, auto-focus, agenda-group, activation-group en dialect"
                        + " \"java\" (geen timers, kalenders, duur of datums)");
            }
        }

        /** The line where the consequence text starts: found in the source after the 'then' line. */
        private int consequenceLine(RuleDescr rule, String consequence) {
            int thenLine = Math.max(1, rule.getConsequenceLine());
            int from = offsetOfLine(thenLine);
            int at = consequence.isEmpty() ? -1 : text.indexOf(consequence, from);
            return at < 0 ? thenLine : lineAt(at);
        }

        private int offsetOfLine(int line) {
            int current = 1;
            for (int i = 0; i < text.length() && current < line; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    current++;
                    if (current == line) {
                        return i + 1;
                    }
                }
            }
            return 0;
        }

        private int lineAt(int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }

        /** The descr's own line, or else the first line starting with the keyword. */
        private int lineOf(BaseDescr descr, String keyword) {
            if (descr != null && descr.getLine() > 0) {
                return descr.getLine();
            }
            Pattern start = Pattern.compile("^\\s*" + Pattern.quote(keyword) + "\\b");
            String[] lines = text.split("\\r\\n|\\r|\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (start.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
            return 0;
        }

        private static int lineOr(BaseDescr descr, int fallback) {
            return descr != null && descr.getLine() > 0 ? descr.getLine() : fallback;
        }

        private void refuse(int line, Text message) {
            refuse(line, message.dutch());
        }

        private void refuse(int line, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(file, line, file + (line > 0 ? " regel " + line : "") + ": " + message));
            }
        }
    }

    /** A name for a refused condition element, as the tenant wrote it. */
    private static String construct(BaseDescr descr) {
        String simple = descr.getClass().getSimpleName();
        return switch (simple) {
            case "EvalDescr" -> "eval";
            case "FromDescr" -> "from";
            case "CollectDescr" -> "collect";
            case "AccumulateDescr" -> "accumulate";
            case "GroupByDescr" -> "groupby";
            case "EntryPointDescr" -> "from entry-point";
            case "WindowReferenceDescr" -> "from window";
            case "ConditionalBranchDescr" -> "if ... do[...]";
            case "NamedConsequenceDescr" -> "do[...]";
            default -> simple.replace("Descr", "").toLowerCase();
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Code in constraints and consequences
    // ---------------------------------------------------------------------------------------------------------

    enum Kind { IDENT, NUMBER, STRING, OP }

    record Token(Kind kind, String text, int line) {
    }

    /** A refusal inside code, with the absolute line it was found on. */
    private static final class Refused extends RuntimeException {
        final int line;

        Refused(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** The problem's words come from the regulation bundle, in Dutch: a {@link Problem} carries a string. */
        Refused(int line, Text message) {
            this(line, message.dutch());
        }
    }

    /**
     * Splits code into tokens as javac would (comments are whitespace, strings end on the same line). Anything it
     * does not know is refused rather than skipped.
     */
    private static final class Lexer {
        private final String src;
        private final boolean java;
        private int line;
        private int pos;

        Lexer(String src, int firstLine, boolean java) {
            this.src = src;
            this.line = firstLine;
            this.java = java;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                        pos++;
                    }
                    line++;
                    pos++;
                } else if (c == ' ' || c == '\t' || c == '\f') {
                    pos++;
                } else if (src.startsWith("\\u", pos)) {
                    throw new Refused(line, Text.of("ruleset.lexer.unicode"));
                } else if (src.startsWith("//", pos) || src.startsWith("/*", pos)) {
                    comment();
                } else if (c == '"' || c == '\'') {
                    tokens.add(string(c));
                } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length()
                        && Character.isDigit(src.charAt(pos + 1)))) {
                    tokens.add(number());
                } else if (isIdentStart(c)) {
                    int start = pos;
                    while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                        pos++;
                    }
                    tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line));
                } else {
                    tokens.add(operator());
                }
            }
            return tokens;
        }

        private void comment() {
            if (!java) {
                // The constraint's text goes to MVEL, whose idea of comments need not be ours: none at all.
                throw new Refused(line, Text.of("ruleset.lexer.commentInConstraint"));
            }
            if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
                return;
            }
            int end = src.indexOf("*/", pos + 2);
            if (end < 0) {
                throw new Refused(line, Text.of("ruleset.lexer.openComment"));
            }
            for (int i = pos; i < end; i++) {
                char c = src.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= src.length() || src.charAt(i + 1) != '\n'))) {
                    line++;
                }
            }
            pos = end + 2;
        }

        private Token string(char quote) {
            if (quote == '"' && src.startsWith("\"\"\"", pos)) {
                throw new Refused(line, Text.of("ruleset.lexer.textBlock"));
            }
            int start = pos++;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                } else if (c == quote) {
                    pos++;
                    return new Token(Kind.STRING, src.substring(start, pos), line);
                } else if (c == '\n' || c == '\r') {
                    break;
                } else {
                    pos++;
                }
            }
            throw new Refused(line, Text.of("ruleset.lexer.openText", String.valueOf(quote)));
        }

        private Token number() {
            var m = NUMBER.matcher(src).region(pos, src.length());
            if (!m.lookingAt()) {
                throw new Refused(line, Text.of("ruleset.lexer.number"));
            }
            int end = m.end();
            if (end < src.length() && (isIdentPart(src.charAt(end)))) {
                throw new Refused(line, Text.of("ruleset.notAllowedBecause",
                        src.substring(pos, Math.min(src.length(), end + 10)).strip(), Text.of("ruleset.lexer.number")));
            }
            Token token = new Token(Kind.NUMBER, src.substring(pos, end), line);
            pos = end;
            return token;
        }

        private Token operator() {
            for (String op : OPERATORS) {
                if (src.startsWith(op, pos)) {
                    pos += op.length();
                    return new Token(Kind.OP, op, line);
                }
            }
            char c = src.charAt(pos);
            throw new Refused(line, Text.of("ruleset.lexer.character",
                    Character.isISOControl(c) ? "\\" + (int) c : String.valueOf(c), String.format("%04X", (int) c)));
        }

        private static boolean isIdentStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
        }

        private static boolean isIdentPart(char c) {
            return isIdentStart(c) || (c >= '0' && c <= '9');
        }
    }

    /** The allowlist over the tokens of one constraint or consequence. */
    private static final class CodeCheck {
        private final List<Token> tokens;
        private final Set<String> bound;
        private final boolean consequence;

        CodeCheck(List<Token> tokens, Set<String> bound, boolean consequence) {
            this.tokens = tokens;
            this.bound = bound;
            this.consequence = consequence;
        }

        void run() {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                switch (t.kind()) {
                    case NUMBER, STRING -> { }
                    case OP -> operator(i, t);
                    case IDENT -> i = identifier(i, t);
                    default -> throw new Refused(t.line(), Text.of("ruleset.notAllowed", t.text()));
                }
            }
        }

        private void operator(int i, Token t) {
            String op = t.text();
            if (ALLOWED_OPERATORS.contains(op) || (consequence && op.equals(";"))) {
                return;
            }
            Text reason = switch (op) {
                case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "++", "--" ->
                        Text.of("ruleset.operator.assignment");
                case ":=" -> Text.of("ruleset.operator.unification");
                case "->" -> Text.of("ruleset.operator.lambda");
                case "::" -> Text.of("ruleset.operator.methodReference");
                case "[", "]" -> Text.of("ruleset.operator.array");
                case "{", "}" -> Text.of("ruleset.operator.block");
                case "@" -> Text.of("ruleset.operator.annotation");
                case "#" -> Text.of("ruleset.operator.cast");
                case ";" -> Text.of("ruleset.operator.semicolon");
                case "..." -> Text.of("ruleset.operator.varargs");
                default -> Text.of("ruleset.operator.other");
            };
            throw new Refused(t.line(), Text.of("ruleset.notAllowedBecause", op, reason));
        }

        /** Checks the identifier at i; returns the index of the last token it took. */
        private int identifier(int i, Token t) {
            String word = t.text();
            boolean afterDot = i > 0 && tokens.get(i - 1).text().equals(".");
            boolean beforeParen = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
            if (LITERAL_WORDS.contains(word)) {
                return i;
            }
            if (word.equals("new")) {
                if (consequence && i + 2 < tokens.size() && OUTCOME_NAMES.contains(tokens.get(i + 1).text())
                        && tokens.get(i + 2).text().equals("(") && !afterDot) {
                    return i + 1;
                }
                throw new Refused(t.line(), Text.of("ruleset.notAllowedBecause", "new " + chain(i + 1),
                        consequence ? NEW_REASON : Text.of("ruleset.reason.newInConstraint")));
            }
            if (word.equals("insert") && !afterDot) {
                // Only insert(new <Outcome>(...)): anything else inserted (a text, a date) is not counted by the
                // output bounds and is no outcome at all.
                if (consequence && beforeParen && i + 3 < tokens.size() && tokens.get(i + 2).text().equals("new")
                        && OUTCOME_NAMES.contains(tokens.get(i + 3).text())) {
                    return i;
                }
                throw new Refused(t.line(), Text.of("ruleset.insertOnly"));
            }
            if (word.startsWith("$")) {
                if (BINDING.matcher(word).matches() && bound.contains(word) && !afterDot) {
                    return i;
                }
                throw new Refused(t.line(), Text.of("ruleset.unbound", word));
            }
            if (ENGINE_ACCESS.contains(word)) {
                throw new Refused(t.line(), Text.of("ruleset.engineAccess", chain(i)));
            }
            if (FACT_CHANGES.contains(word) && !afterDot) {
                throw new Refused(t.line(), Text.of("ruleset.factChange", word));
            }
            if (JAVA_KEYWORDS.contains(word)) {
                String shown = word.equals("class") && afterDot ? "." + word : word;
                throw new Refused(t.line(), Text.of("ruleset.notAllowedBecause", shown, keywordReason(word)));
            }
            if (word.equals("matches")) {
                // No regular expressions at all: escapes (octal, unicode, \x) hide quantifiers from any check of
                // the pattern's text, and even '.*.*@' is quadratic in the text it reads (issue 14).
                throw new Refused(t.line(), Text.of("ruleset.matches"));
            }
            if (!consequence && CONSTRAINT_WORDS.contains(word) && !afterDot) {
                return i;
            }
            if (Character.isUpperCase(word.charAt(0))) {
                throw new Refused(t.line(), Text.of("ruleset.notAllowedBecause", chain(i), TYPE_REASON));
            }
            if ((MEMBERS.contains(word) || VALUE_METHODS.contains(word)) && !OBJECT_METHODS.contains(word)) {
                return i;
            }
            throw new Refused(t.line(), Text.of("ruleset.notAllowedBecause", afterDot ? word : chain(i), NAME_REASON));
        }

        /** The dotted name starting at i, e.g. "java.io.File" or "System.exit", as the tenant wrote it. */
        private String chain(int i) {
            StringBuilder s = new StringBuilder();
            int j = i;
            while (j < tokens.size() && tokens.get(j).kind() == Kind.IDENT) {
                s.append(tokens.get(j).text());
                if (j + 2 < tokens.size() && tokens.get(j + 1).text().equals(".")
                        && tokens.get(j + 2).kind() == Kind.IDENT) {
                    s.append('.');
                    j += 2;
                } else {
                    break;
                }
            }
            if (j + 1 < tokens.size() && tokens.get(j + 1).text().equals(".") && j + 2 < tokens.size()
                    && tokens.get(j + 2).text().equals("class")) {
                s.append(".class");
            }
            return s.toString();
        }

        private static Text keywordReason(String word) {
            return Text.of(switch (word) {
                case "for", "while", "do", "break", "continue" -> "ruleset.keyword.loop";
                case "try", "catch", "finally", "throw", "throws" -> "ruleset.keyword.exception";
                case "return", "yield", "goto" -> "ruleset.keyword.jump";
                case "synchronized", "volatile" -> "ruleset.keyword.thread";
                case "class", "interface", "enum", "record" -> "ruleset.keyword.class";
                case "this", "super" -> "ruleset.keyword.this";
                case "if", "else", "switch", "case", "default" -> "ruleset.keyword.choice";
                default -> "ruleset.keyword.other";
            });
        }
    }

    private static Set<String> members() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : Stream.concat(FACT_TYPES.stream(), OUTCOME_TYPES.stream()).toList()) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge()) {
                    names.add(method.getName());
                }
            }
        }
        names.removeAll(OBJECT_METHODS);
        return Set.copyOf(names);
    }

    private static Set<String> simpleNames(List<Class<?>> types) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        types.forEach(t -> names.put(t.getSimpleName(), true));
        return java.util.Collections.unmodifiableSet(names.keySet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return java.util.Collections.unmodifiableSet(all);
    }
}
