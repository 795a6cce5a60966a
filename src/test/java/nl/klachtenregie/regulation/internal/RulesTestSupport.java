package nl.klachtenregie.regulation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EscalationOption;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;

/**
 * Shared helpers of the engine-level rules tests ({@code *RulesTest}): load a tenant's DRL, build facts, evaluate,
 * and read an outcome. Each test keeps its own tenant, complaint and event factories with the defaults of its
 * regulation; these are the parts that are the same for all of them.
 */
final class RulesTestSupport {

    private RulesTestSupport() {
    }

    /** A fresh engine with the production limits: 10,000 firings, 2 s. */
    static DroolsRegulationEngine newEngine() {
        return new DroolsRegulationEngine(10000, Duration.ofSeconds(2));
    }

    /** The text of {@code rules/<tenant>/<version>/regulation.drl}. */
    static String drl(String tenant, String version) throws IOException {
        return Files.readString(Path.of("rules/" + tenant + "/" + version + "/regulation.drl"));
    }

    /** The rule set of {@code rules/<tenant>/<version>}: its one file {@code regulation.drl}. */
    static RuleSet ruleSet(String tenant, String version) throws IOException {
        return new RuleSet(Map.of("regulation.drl", drl(tenant, version)));
    }

    /** Evaluates one complaint with its history and timeline. */
    static RegulationOutcome evaluate(DroolsRegulationEngine engine, RuleSet rules, TenantFacts tenant,
                                      ComplaintFacts complaint, HistoryFacts history, EventFacts... events) {
        return engine.evaluate(rules, new EvaluationFacts(tenant, complaint, List.of(events), history));
    }

    /**
     * An event with the fields the rules tests vary; the rest empty: no body, judgement, measures or signature,
     * satisfaction 0.
     */
    static EventFacts event(int seq, String type, LocalDate on, boolean proposed, int weeks, String level,
                            boolean motivation) {
        return new EventFacts(seq, type, on, proposed, weeks, level, "", "", false, null, motivation, false, 0);
    }

    /** The codes of all obligations, sorted. */
    static List<String> codes(RegulationOutcome o) {
        return o.obligations().stream().map(Obligation::code).sorted().toList();
    }

    /** The obligations with this code, in the order the rules gave them. */
    static List<Obligation> obligations(RegulationOutcome o, String code) {
        return o.obligations().stream().filter(x -> x.code().equals(code)).toList();
    }

    /** The levels of the escalation options, in the order the rules gave them. */
    static List<String> levels(RegulationOutcome o) {
        return o.escalationOptions().stream().map(EscalationOption::level).toList();
    }
}
