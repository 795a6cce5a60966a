package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantId;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: opening a draft page runs the check. A draft that failed a bound (a loop, too slow, too much output) is
 * shown as refused again without its rules running on every view; a changed draft, profile or day is checked afresh.
 */
class CheckResultsKeptTest {

    private final AtomicInteger evaluations = new AtomicInteger();
    private final RegulationEngine failing = new RegulationEngine() {
        @Override
        public RegulationOutcome evaluate(RuleSet ruleSet, EvaluationFacts facts) {
            evaluations.incrementAndGet();
            throw new RuleEvaluationException("De regelset stopt niet: na 10000 keer vuren afgebroken");
        }

        @Override
        public void validate(RuleSet ruleSet) {
        }

        @Override
        public int cachedRuleBases() {
            return 0;
        }
    };

    @Test
    void aDraftThatFailedABoundIsShownAsRefusedWithoutRunningItsRulesAgain() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        RegulationAdministration admin = new RegulationAdministration(null, failing, null, null, null, null, clock);
        Tenant tenant = new Tenant(new TenantId(1), TenantProfile.starter("lus", "Lus"));
        RuleSet rules = RuleSet.of("regulation.drl", "package rules.lus;\n");

        RegulationAdministration.CheckResult first = admin.check(tenant, rules);
        assertFalse(first.problems().isEmpty());
        assertTrue(first.problems().get(0).contains("stopt niet"), first.problems()::toString);
        int ran = evaluations.get();
        assertTrue(ran > 0, "the first view runs the trial cases");

        assertEquals(first, admin.check(tenant, rules), "the second view shows the same refusal");
        assertEquals(ran, evaluations.get(), "and runs no rule again");

        admin.check(tenant, RuleSet.of("regulation.drl", "package rules.lus;\n// gewijzigd\n"));
        assertTrue(evaluations.get() > ran, "a changed draft is checked afresh");
    }
}
