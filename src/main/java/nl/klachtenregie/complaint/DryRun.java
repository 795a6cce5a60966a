package nl.klachtenregie.complaint;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationVersion;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;

/**
 * Proefdraaien: replays a draft regulation version over the tenant's past cases and shows, next to the version each
 * case follows, which deadlines, obligations, registrations and KPI values would differ. Nothing is written: the
 * cases are read, evaluated twice in memory, and compared.
 */
@Singleton
public class DryRun {

    /** At most this many cases are replayed per run, so one request stays bounded. */
    public static final int MAX_CASES = 5_000;
    /** A period longer than this is refused; a year is the usual question. */
    public static final int MAX_MONTHS = 36;

    /** The result: only cases with a difference are listed; KPI values are over all replayed cases. */
    public record Report(String draft, LocalDate from, LocalDate to, LocalDate asOf, int cases, boolean truncated,
                         List<CaseChange> changes, List<KpiComparison> kpis, List<String> failures) {
        public int changed() {
            return changes.size();
        }
    }

    /** One case whose handling would differ. {@code registration*}: is registration required. */
    public record CaseChange(long id, String reference, LocalDate receivedOn, String kind, String version,
                             List<ObligationChange> obligations, boolean registrationBefore, boolean registrationAfter,
                             boolean admissibleBefore, boolean admissibleAfter) {
        public boolean registrationChanged() {
            return registrationBefore != registrationAfter;
        }

        public boolean admissibilityChanged() {
            return admissibleBefore != admissibleAfter;
        }
    }

    /**
     * One obligation that differs. A null due date with a non-null status means "no term"; a null status means the
     * obligation does not exist on that side.
     */
    public record ObligationChange(String code, @Nullable LocalDate dueBefore, @Nullable LocalDate dueAfter,
                                   @Nullable ObligationStatus statusBefore, @Nullable ObligationStatus statusAfter) {
        public boolean added() {
            return statusBefore == null;
        }

        public boolean removed() {
            return statusAfter == null;
        }
    }

    /** A KPI under the active version and under the draft; a null value means it is not measured on that side. */
    public record KpiComparison(String code, String label, String measure, @Nullable Double valueBefore,
                                @Nullable Double valueAfter, @Nullable String targetBefore, @Nullable String targetAfter,
                                @Nullable Boolean metBefore, @Nullable Boolean metAfter) {
        public boolean differs() {
            return !Objects.equals(valueBefore, valueAfter) || !Objects.equals(targetBefore, targetAfter)
                    || !Objects.equals(metBefore, metAfter);
        }
    }

    private final ComplaintStore store;
    private final CaseEngine engine;
    private final RegulationCatalog regulations;
    private final RegulationEngine rules;
    private final Clock clock;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    DryRun(ComplaintStore store, CaseEngine engine, RegulationCatalog regulations, RegulationEngine rules,
           Clock clock, io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx) {
        this.tx = tx;
        this.store = store;
        this.engine = engine;
        this.regulations = regulations;
        this.rules = rules;
        this.clock = clock;
    }

    /** Longer than this and the report says how far it got: a request must end. */
    static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(60);

    /** The default question: the last twelve months up to today, for the tenant's main regulation. */
    public Report lastTwelveMonths(Tenant tenant, RegulationVersion draft) {
        LocalDate today = LocalDate.now(clock);
        return run(tenant, draft, today.minusMonths(12).plusDays(1), today);
    }

    /** A draft of the tenant's main regulation over the period. */
    public Report run(Tenant tenant, RegulationVersion draft, LocalDate from, LocalDate to) {
        return run(tenant, draft, "", from, to);
    }

    /**
     * @throws InvalidInputException when the period is empty, reversed, in the future or too long
     */
    // Not one transaction: the cases are read in one short read, then replayed in memory for up to a minute
    // without holding a connection.
    public Report run(Tenant tenant, RegulationVersion draft, String regulation, LocalDate from, LocalDate to) {
        String code = regulation == null ? "" : regulation;
        long deadline = System.nanoTime() + BUDGET.toNanos();
        // Only the cases of the draft's own regulation: a service line with a procedure of its own is not compared
        // with a draft of the main regulation, nor the other way round.
        Map<String, String> regulationOf = new LinkedHashMap<>();
        regulations.all(tenant.id()).forEach(v -> regulationOf.put(v.name(), v.regulation()));
        LocalDate today = LocalDate.now(clock);
        checkPeriod(from, to, today);
        LocalDate asOf = to.isBefore(today) ? to : today;
        record Read(List<StoredComplaint> cases,
                    java.util.function.Function<StoredComplaint, nl.klachtenregie.regulation.HistoryFacts> histories) {
        }
        Read read = tx.executeRead(status -> new Read(store.loadReceivedBetween(tenant.id(), from, to, MAX_CASES + 1),
                store.histories(tenant.id(), from, to)));
        List<StoredComplaint> loaded = read.cases();
        boolean truncated = loaded.size() > MAX_CASES;
        var histories = read.histories();
        Map<String, Optional<RegulationVersion>> versions = new LinkedHashMap<>();
        List<CaseChange> changes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (truncated) {
            failures.add("Alleen de eerste " + MAX_CASES + " klachten van de periode zijn meegenomen");
        }
        Tally before = new Tally(asOf);
        Tally after = new Tally(asOf);
        int replayed = 0;
        for (StoredComplaint c : loaded.subList(0, Math.min(loaded.size(), MAX_CASES))) {
            if (!code.equals(regulationOf.getOrDefault(c.regulationVersion(), ""))) {
                continue;
            }
            if (System.nanoTime() > deadline) {
                truncated = true;
                failures.add("Na " + BUDGET.toSeconds() + " seconden gestopt: niet alle klachten van de periode zijn "
                        + "meegenomen; kies een kortere periode");
                break;
            }
            Optional<RegulationVersion> own = versions.computeIfAbsent(c.regulationVersion(),
                    v -> regulations.version(tenant.id(), v));
            if (own.isEmpty()) {
                failures.add(c.reference() + ": volgt versie " + c.regulationVersion() + ", die niet (meer) bestaat");
                continue;
            }
            var history = histories.apply(c);
            CaseEngine.Evaluated a;
            CaseEngine.Evaluated b;
            try {
                a = engine.evaluate(tenant, own.get(), c.reference(), c.intake(), c.events(), history, false, false);
            } catch (RuleEvaluationException | IllegalArgumentException e) {
                failures.add(c.reference() + ": de actieve versie " + c.regulationVersion() + " faalt: " + e.getMessage());
                continue;
            }
            try {
                b = engine.evaluate(tenant, draft, c.reference(), c.intake(), c.events(), history, false, false);
            } catch (RuleEvaluationException | IllegalArgumentException e) {
                failures.add(c.reference() + ": het concept faalt: " + e.getMessage());
                continue;
            }
            replayed++;
            before.add(c, a);
            after.add(c, b);
            List<ObligationChange> obligations = compare(a.obligations(), b.obligations(), asOf);
            boolean regA = a.outcome().registrationRequired();
            boolean regB = b.outcome().registrationRequired();
            boolean admA = a.outcome().admissible();
            boolean admB = b.outcome().admissible();
            if (!obligations.isEmpty() || regA != regB || admA != admB) {
                changes.add(new CaseChange(c.id(), c.reference(), c.intake().receivedOn(), c.intake().kind().name(),
                        c.regulationVersion(), obligations, regA, regB, admA, admB));
            }
        }
        List<KpiComparison> kpis = kpis(tenant, draft, code, asOf, before, after, failures);
        return new Report(draft.version(), from, to, asOf, replayed, truncated, changes, kpis, failures);
    }

    private static void checkPeriod(LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (from == null) {
            errors.put("from", Text.of("reg.dry.period.noFrom"));
        }
        if (to == null) {
            errors.put("to", Text.of("reg.dry.period.noTo"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.put("to", Text.of("reg.dry.period.toBeforeFrom"));
            } else if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
                errors.put("to", Text.of("reg.dry.period.tooLong", String.valueOf(MAX_MONTHS)));
            } else if (from.isAfter(today)) {
                errors.put("from", Text.of("reg.dry.period.fromInFuture"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
        }
    }

    /** Obligations compared by code (and occurrence, for codes that appear more than once). */
    private static List<ObligationChange> compare(List<ScheduledObligation> a, List<ScheduledObligation> b,
                                                  LocalDate asOf) {
        Map<String, ScheduledObligation> x = byKey(a);
        Map<String, ScheduledObligation> y = byKey(b);
        Set<String> keys = new LinkedHashSet<>(x.keySet());
        keys.addAll(y.keySet());
        List<ObligationChange> out = new ArrayList<>();
        for (String key : keys) {
            ScheduledObligation p = x.get(key);
            ScheduledObligation q = y.get(key);
            LocalDate dueP = p == null ? null : p.dueOn();
            LocalDate dueQ = q == null ? null : q.dueOn();
            ObligationStatus sp = p == null ? null : p.statusOn(asOf);
            ObligationStatus sq = q == null ? null : q.statusOn(asOf);
            if (p == null || q == null || !Objects.equals(dueP, dueQ) || sp != sq) {
                out.add(new ObligationChange(p != null ? p.code() : q.code(), dueP, dueQ, sp, sq));
            }
        }
        return out;
    }

    private static Map<String, ScheduledObligation> byKey(List<ScheduledObligation> obligations) {
        Map<String, ScheduledObligation> out = new LinkedHashMap<>();
        for (ScheduledObligation o : obligations) {
            String key = o.code();
            int n = 2;
            while (out.containsKey(key)) {
                key = o.code() + "#" + n++;
            }
            out.put(key, o);
        }
        return out;
    }

    private List<KpiComparison> kpis(Tenant tenant, RegulationVersion draft, String regulation, LocalDate asOf,
                                     Tally before, Tally after, List<String> failures) {
        List<KpiTarget> active = List.of();
        try {
            RegulationVersion inForce = regulations.inForceOn(tenant, regulation, asOf);
            active = targets(tenant, inForce);
        } catch (NoRegulationInForceException e) {
            failures.add("Op " + asOf + " was geen versie van kracht: geen KPI's om mee te vergelijken");
        } catch (RuleEvaluationException e) {
            failures.add("KPI's van de actieve versie: " + e.getMessage());
        }
        List<KpiTarget> proposed = List.of();
        try {
            proposed = targets(tenant, draft);
        } catch (RuleEvaluationException e) {
            failures.add("KPI's van het concept: " + e.getMessage());
        }
        Map<String, KpiTarget> x = new LinkedHashMap<>();
        active.forEach(t -> x.put(t.code(), t));
        Map<String, KpiTarget> y = new LinkedHashMap<>();
        proposed.forEach(t -> y.put(t.code(), t));
        Set<String> codes = new LinkedHashSet<>(x.keySet());
        codes.addAll(y.keySet());
        List<KpiComparison> out = new ArrayList<>();
        for (String code : codes) {
            KpiTarget p = x.get(code);
            KpiTarget q = y.get(code);
            Double vp = p == null ? null : before.value(p.measure());
            Double vq = q == null ? null : after.value(q.measure());
            out.add(new KpiComparison(code, q != null ? q.label() : p.label(), q != null ? q.measure() : p.measure(),
                    vp, vq,
                    p == null ? null : p.comparator() + " " + p.target(),
                    q == null ? null : q.comparator() + " " + q.target(),
                    p == null || vp == null ? null : p.isMet(vp), q == null || vq == null ? null : q.isMet(vq)));
        }
        return out;
    }

    private List<KpiTarget> targets(Tenant tenant, RegulationVersion version) {
        return rules.evaluate(version.ruleSet(), EvaluationFacts.tenantOnly(new TenantFacts(tenant.slug(),
                version.version(), tenant.profile().levelCodes(), tenant.profile().externalBodyCodes())))
                .kpiTargets();
    }

    /**
     * The KPI measures over the replayed cases, counted as {@code KpiService} counts them in the database: a term
     * counts when it was met, or when it ran out unmet and was not waived.
     */
    private static final class Tally {
        private final LocalDate asOf;
        private long formal;
        private final Map<String, long[]> onTime = new LinkedHashMap<>();

        Tally(LocalDate asOf) {
            this.asOf = asOf;
        }

        void add(StoredComplaint c, CaseEngine.Evaluated ev) {
            if (c.intake().kind() == ComplaintKind.FORMAL || !ev.stored().formalReasons().isEmpty()) {
                formal++;
            }
            for (ScheduledObligation o : ev.obligations()) {
                if (o.dueOn() == null) {
                    continue;
                }
                long[] counts = onTime.computeIfAbsent(o.code(), k -> new long[2]);
                if (o.metOn() != null && !o.metOn().isAfter(o.dueOn()) && !o.setAside()) {
                    counts[0]++;
                }
                if (o.metOn() != null || Lateness.overdueOn(o.metOn(), o.waived(), o.dueOn(), asOf)) {
                    counts[1]++;
                }
            }
        }

        @Nullable
        Double value(String measure) {
            if ("FORMAL_COMPLAINTS".equals(measure)) {
                return (double) formal;
            }
            if (measure.startsWith("ON_TIME:")) {
                long[] counts = onTime.get(measure.substring("ON_TIME:".length()));
                return counts == null || counts[1] == 0 ? null : (double) counts[0] / counts[1];
            }
            return null;
        }
    }
}
