package nl.klachtenregie.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.Emission;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.HistoryFacts;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.regulation.internal.BenchAccess;

/**
 * Engine benchmark (not a test: surefire does not pick up this name). Run from the repository root with
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java</pre>
 *
 * <p>Measures, against the seed rule sets in rules/: compile time per regulation (cold and warm), heap per
 * distinct KieBase, single-thread evaluations per second, re-evaluation of 100,000 open cases of 1,000 tenants on
 * two threads (which must share the distinct KieBases), and the Drools engine against a hand-coded Java version of
 * the IederZijnWerk regulation. Wall-clock figures from one run in one JVM; no JMH, so treat them as indications.
 */
public final class EngineBenchmark {

    /** One seed regulation version. */
    record Seed(String slug, String version, String drl) {
        String label() {
            return slug + "/" + version;
        }

        RuleSet ruleSet() {
            return RuleSet.of("regulation.drl", drl);
        }

        /** The same rules with a comment appended: a different content hash, so a separate compile. */
        RuleSet variant(String tag) {
            return RuleSet.of("regulation.drl", drl + "\n// benchmark copy " + tag + "\n");
        }
    }

    /** What the facts of one tenant look like (from tenants/<slug>/tenant.yml). */
    record Profile(String slug, List<String> ladder, List<String> bodies, List<String> serviceLines,
                   List<String> categories) {
    }

    private static final Profile IMPULS = new Profile("impuls", List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR"),
            List.of("PROVINCIALE_KLACHTENCOMMISSIE_WELZIJN"), List.of("WELZIJNSWERK", "EDUCATIE"),
            List.of("BEJEGENING", "DIENSTVERLENING", "VERBETERVOORSTEL"));
    private static final Profile KLIMKOORD = new Profile("klimkoord",
            List.of("EMPLOYEE", "TEAM_LEAD", "COMPLAINTS_OFFICER"), List.of("KPZ_KLACHTENFUNCTIONARIS"), List.of(""),
            List.of("BEJEGENING", "ZORGVERLENING", "WACHTTIJDEN", "ONGEWENST_GEDRAG"));
    private static final Profile IEDERZIJNWERK = new Profile("iederzijnwerk",
            List.of("EMPLOYEE", "TEAM_LEAD", "DIRECTOR", "COMPLAINTS_OFFICER", "DISPUTES_COMMITTEE"),
            List.of("KPZ_KLACHTENFUNCTIONARIS", "KPZ_GESCHILLENCOMMISSIE", "ARBEIDSCOACHING_PROCEDURE"),
            List.of("AMBULANT", "DAGBESTEDING", "HUISHOUDENPLUS", "AMBULANT", "DAGBESTEDING", "ARBEIDSCOACHING"),
            List.of("BEJEGENING", "ONDERSTEUNING", "AFSPRAKEN", "COMMUNICATIE"));
    private static final Profile KWALITEIT = new Profile("kwaliteitsprocedure-6-5", List.of("EMPLOYEE", "DIRECTOR"),
            List.of("EXTERNE_KLACHTENCOMMISSIE"), List.of(""),
            List.of("BEJEGENING", "ZORG_EN_DIENSTVERLENING", "ORGANISATIE"));
    /** Tenant i of the multi-tenant run uses profile i % 4. */
    private static final List<Profile> PROFILES = List.of(IMPULS, KLIMKOORD, IEDERZIJNWERK, KWALITEIT);
    /** Impuls version "2" is in force from this day (tenants/impuls/tenant.yml). */
    private static final LocalDate IMPULS_V2_FROM = LocalDate.of(2025, 1, 1);

    private static final int HEAP_COPIES = 20;
    private static final int TENANTS = 1_000;
    private static final int CASES = 100_000;
    private static final int THREADS = 2;

    private static final List<String[]> SUMMARY = new ArrayList<>();
    private static volatile long sink;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path root = Path.of(".").toAbsolutePath().normalize();
        Seed impuls1 = seed(root, "impuls", "1");
        Seed impuls2 = seed(root, "impuls", "2");
        Seed klimkoord = seed(root, "klimkoord", "2024-05-06");
        Seed iederzijnwerk = seed(root, "iederzijnwerk", "1");
        Seed kwaliteit = seed(root, "kwaliteitsprocedure-6-5", "1");
        List<Seed> seeds = List.of(impuls1, impuls2, klimkoord, iederzijnwerk, kwaliteit);

        System.out.printf(Locale.ROOT, "Klachtenregie engine benchmark — Java %s, %d cores available, max heap %d MB, "
                + "system load average at start %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load > 1.0) {
            System.out.printf(Locale.ROOT, "WARNING: load average %.2f on %d cores: other processes compete for the "
                    + "CPU, timings below will be too slow.%n", load, Runtime.getRuntime().availableProcessors());
        }
        System.out.println("Seed rule sets: " + seeds.stream().map(s -> s.label() + " (" + s.drl().length()
                + " chars)").toList());

        compileTimes(seeds);
        heapPerKieBase(iederzijnwerk);
        singleThreadThroughput(seeds);
        caseEngineThroughput(seeds);
        multiTenant(impuls1, impuls2, klimkoord, iederzijnwerk, kwaliteit);
        handCoded(iederzijnwerk);

        System.out.println();
        System.out.println("== Summary ==");
        table(new String[] {"Measure", "Result", "Target"}, SUMMARY);
        System.out.printf(Locale.ROOT, "%nTotal benchmark time: %.1f s; system load average at end %.2f%n",
                seconds(System.nanoTime() - start), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. Compile time
    // ---------------------------------------------------------------------------------------------------------

    private static void compileTimes(List<Seed> seeds) {
        section("1. Compile time per regulation (validate = build one KieBase)");
        System.out.println("cold = first compile in a fresh engine; warm = second compile, same engine, of a copy "
                + "with an appended comment (new content hash).");
        System.out.println("The very first cold compile in the JVM also pays for loading Drools and its compiler.");
        List<String[]> rows = new ArrayList<>();
        double coldSum = 0;
        double warmSum = 0;
        int n = 0;
        for (Seed seed : seeds) {
            RegulationEngine engine = BenchAccess.newEngine();
            double cold = timeMillis(() -> engine.validate(seed.ruleSet()));
            double warm = timeMillis(() -> engine.validate(seed.variant("warm")));
            rows.add(new String[] {seed.label(), ms(cold) + (n == 0 ? " (*)" : ""), ms(warm),
                    Integer.toString(engine.cachedRuleBases())});
            if (n > 0) {
                coldSum += cold;
            }
            warmSum += warm;
            n++;
        }
        table(new String[] {"Regulation", "Cold compile", "Warm compile", "KieBases in engine"}, rows);
        System.out.println("(*) first compile in this JVM: includes Drools/compiler class loading and JIT warm-up.");
        SUMMARY.add(new String[] {"Compile, cold (fresh engine, excl. first-in-JVM), mean",
                ms(coldSum / (n - 1)), "-"});
        SUMMARY.add(new String[] {"Compile, warm (changed copy), mean", ms(warmSum / n), "-"});
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Heap per KieBase
    // ---------------------------------------------------------------------------------------------------------

    private static void heapPerKieBase(Seed seed) throws InterruptedException {
        section("2. Heap per distinct KieBase (" + HEAP_COPIES + " copies of " + seed.label()
                + ", each with a different trailing comment)");
        RegulationEngine engine = BenchAccess.newEngine();
        engine.validate(seed.variant("heap-baseline"));   // warms per-JVM caches so they are not counted
        long heapBefore = usedHeapAfterGc();
        long metaBefore = metaspaceUsed();
        long t0 = System.nanoTime();
        for (int i = 0; i < HEAP_COPIES; i++) {
            engine.validate(seed.variant("heap-" + i));
        }
        double compileSeconds = seconds(System.nanoTime() - t0);
        long heapAfter = usedHeapAfterGc();
        long metaAfter = metaspaceUsed();
        int held = engine.cachedRuleBases();
        double perBaseMb = mb(heapAfter - heapBefore) / HEAP_COPIES;
        double metaPerBaseMb = mb(metaAfter - metaBefore) / HEAP_COPIES;
        table(new String[] {"Figure", "Value"}, List.of(
                new String[] {"KieBases held by the engine (baseline + copies)", Integer.toString(held)},
                new String[] {"Used heap before (after GC)", String.format(Locale.ROOT, "%.1f MB", mb(heapBefore))},
                new String[] {"Used heap after " + HEAP_COPIES + " compiles (after GC)",
                        String.format(Locale.ROOT, "%.1f MB", mb(heapAfter))},
                new String[] {"Heap per KieBase", String.format(Locale.ROOT, "%.3f MB", perBaseMb)},
                new String[] {"Metaspace per KieBase (generated classes, off-heap)",
                        metaBefore < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f MB", metaPerBaseMb)},
                new String[] {"Compile time, " + HEAP_COPIES + " copies",
                        String.format(Locale.ROOT, "%.2f s (%.0f ms each)", compileSeconds,
                                compileSeconds * 1000 / HEAP_COPIES)}));
        SUMMARY.add(new String[] {"Heap per distinct KieBase (" + seed.label() + ")",
                String.format(Locale.ROOT, "%.3f MB", perBaseMb), "<= 1 MB " + (perBaseMb <= 1.0 ? "OK" : "MISSED")});
        SUMMARY.add(new String[] {"Metaspace per distinct KieBase",
                metaBefore < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f MB", metaPerBaseMb), "-"});
        Objects.requireNonNull(engine);   // keep the engine (and its KieBases) reachable until measured
        sink += engine.cachedRuleBases();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(150);
            used = rt.totalMemory() - rt.freeMemory();
            if (i >= 3 && Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    private static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if ("Metaspace".equals(pool.getName())) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Single-thread evaluations per second
    // ---------------------------------------------------------------------------------------------------------

    private static void singleThreadThroughput(List<Seed> seeds) {
        section("3. Evaluations per second, one case, single thread (3 s shared warm-up, then per regulation "
                + "0.5 s warm-up + 2.0 s measured)");
        System.out.println("Case: formal written complaint with 4 events (ACKNOWLEDGED, MANAGEMENT_INFORMED, "
                + "EXTENSION_ANNOUNCED 4 wk, DECIDED proposed).");
        RegulationEngine engine = BenchAccess.newEngine();
        List<RuleSet> allRules = seeds.stream().map(Seed::ruleSet).toList();
        List<EvaluationFacts> allFacts = seeds.stream()
                .map(s -> benchmarkCase(profileOf(s.slug()), s.version())).toList();
        int[] turn = {0};
        throughput(() -> {   // JIT warm-up over all rule sets, so the first row is not penalised
            int k = turn[0]++ % allRules.size();
            return engine.evaluate(allRules.get(k), allFacts.get(k)).rulesFired();
        }, 3.0, 0.1, 1);
        List<String[]> rows = new ArrayList<>();
        for (Seed seed : seeds) {
            Profile profile = profileOf(seed.slug());
            RuleSet rules = seed.ruleSet();
            EvaluationFacts facts = benchmarkCase(profile, seed.version());
            RegulationOutcome once = engine.evaluate(rules, facts);
            double perSecond = throughput(() -> engine.evaluate(rules, facts).rulesFired(), 0.5, 2.0, 1);
            rows.add(new String[] {seed.label(), Integer.toString(once.rulesFired()),
                    String.format(Locale.ROOT, "%,.0f evals/s", perSecond),
                    String.format(Locale.ROOT, "%.1f µs", 1e6 / perSecond)});
            if (seed.slug().equals("iederzijnwerk")) {
                SUMMARY.add(new String[] {"Single-thread evaluations (" + seed.label() + ", 4 events)",
                        String.format(Locale.ROOT, "%,.0f evals/s (%.1f µs each)", perSecond, 1e6 / perSecond), "-"});
            }
        }
        table(new String[] {"Regulation", "Rules fired", "Throughput", "Mean latency"}, rows);
    }

    /**
     * 3b. The whole case engine: the rules plus what Java applies of their outcome (due dates over the holidays,
     * extensions, suspensions, matching events to duties, status and allowed actions), as recording an event does.
     */
    private static void caseEngineThroughput(List<Seed> seeds) {
        section("3b. Case engine (rules + due dates + matching), one case, single thread (0.5 s warm-up + 2.0 s "
                + "measured per regulation)");
        System.out.println("Case: formal letter complaint received 24-03-2026 with 5 events (ACKNOWLEDGED, "
                + "MANAGEMENT_INFORMED, EXTENSION_ANNOUNCED 4 wk, CONTACTED, DECIDED proposed).");
        RegulationEngine rules = BenchAccess.newEngine();
        List<String[]> rows = new ArrayList<>();
        for (Seed seed : seeds) {
            Profile profile = profileOf(seed.slug());
            nl.klachtenregie.complaint.CaseEngineBench bench = new nl.klachtenregie.complaint.CaseEngineBench(rules,
                    seed.slug(), profile.ladder(), profile.serviceLines().get(0), seed.version(), seed.ruleSet());
            int duties = bench.evaluate();
            double perSecond = throughput(bench::evaluate, 0.5, 2.0, 1);
            rows.add(new String[] {seed.label(), Integer.toString(duties),
                    String.format(Locale.ROOT, "%,.0f cases/s", perSecond),
                    String.format(Locale.ROOT, "%.1f µs", 1e6 / perSecond)});
            if (seed.slug().equals("iederzijnwerk")) {
                SUMMARY.add(new String[] {"Case engine, rules + schedule (" + seed.label() + ", 5 events)",
                        String.format(Locale.ROOT, "%,.0f cases/s (%.1f µs each)", perSecond, 1e6 / perSecond),
                        "within 20% of before"});
            }
        }
        // The same IederZijnWerk case with its decision term suspended for a week and resumed (the suspension path).
        Seed izw = seeds.stream().filter(x -> x.slug().equals("iederzijnwerk")).findFirst().orElseThrow();
        nl.klachtenregie.complaint.CaseEngineBench suspended = new nl.klachtenregie.complaint.CaseEngineBench(rules,
                izw.slug(), IEDERZIJNWERK.ladder(), IEDERZIJNWERK.serviceLines().get(0), izw.version(), izw.ruleSet(),
                true);
        int duties = suspended.evaluate();
        double perSecond = throughput(suspended::evaluate, 0.5, 2.0, 1);
        rows.add(new String[] {izw.label() + " + opschorting", Integer.toString(duties),
                String.format(Locale.ROOT, "%,.0f cases/s", perSecond),
                String.format(Locale.ROOT, "%.1f µs", 1e6 / perSecond)});
        table(new String[] {"Regulation", "Duties", "Throughput", "Mean latency"}, rows);
    }

    /** The realistic case of sections 3 and 5: a formal letter complaint with 4 events, the last being recorded. */
    static EvaluationFacts benchmarkCase(Profile profile, String version) {
        LocalDate received = LocalDate.of(2026, 3, 24);
        String serviceLine = profile.serviceLines().get(0);
        ComplaintFacts complaint = new ComplaintFacts("BENCH-1", "FORMAL", "LETTER", received,
                LocalDate.of(2026, 3, 10), "CLIENT", true, true, true, true,
                "Afspraken over de begeleiding zijn niet nagekomen", "BEJEGENING", serviceLine, "J. de Vries", false,
                false, "IN_PROGRESS", profile.ladder().get(0), profile.ladder().get(1), false);
        List<EventFacts> events = List.of(
                event(1, "ACKNOWLEDGED", received.plusDays(2), false, 0, ""),
                event(2, "MANAGEMENT_INFORMED", received.plusDays(3), false, 0, ""),
                event(3, "EXTENSION_ANNOUNCED", received.plusDays(35), false, 4, ""),
                event(4, "DECIDED", received.plusDays(57), true, 0, "PARTLY_WELL_FOUNDED"));
        return new EvaluationFacts(tenantFacts(profile, profile.slug(), version), complaint, events,
                new HistoryFacts(12, 1, 2));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. 100,000 open cases across 1,000 tenants, two threads
    // ---------------------------------------------------------------------------------------------------------

    private static void multiTenant(Seed impuls1, Seed impuls2, Seed klimkoord, Seed iederzijnwerk, Seed kwaliteit)
            throws Exception {
        section(String.format(Locale.ROOT, "4. Re-evaluating %,d open cases across %,d tenants on %d threads",
                CASES, TENANTS, THREADS));
        System.out.println("Tenant i uses seed regulation i % 4 (impuls, klimkoord, iederzijnwerk, "
                + "kwaliteitsprocedure-6-5); each tenant has its own RuleSet object (own String copies), as if "
                + "loaded from its own database row.");
        System.out.println("Impuls tenants have two versions (1 before 2025-01-01, 2 from then; each case uses the "
                + "version in force on its receivedOn), so the expected number of KieBases is 5, not 4 and not "
                + TENANTS + ".");

        // per tenant: rule sets, facts profile
        RuleSet[][] tenantRules = new RuleSet[TENANTS][];
        TenantFacts[][] tenantFacts = new TenantFacts[TENANTS][];
        for (int t = 0; t < TENANTS; t++) {
            Profile p = PROFILES.get(t % 4);
            String slug = String.format(Locale.ROOT, "%s-%04d", p.slug(), t);
            List<Seed> versions = switch (t % 4) {
                case 0 -> List.of(impuls1, impuls2);
                case 1 -> List.of(klimkoord);
                case 2 -> List.of(iederzijnwerk);
                default -> List.of(kwaliteit);
            };
            tenantRules[t] = versions.stream()
                    .map(s -> RuleSet.of("regulation.drl", new String(s.drl().toCharArray())))
                    .toArray(RuleSet[]::new);
            tenantFacts[t] = versions.stream().map(s -> tenantFacts(p, slug, s.version())).toArray(TenantFacts[]::new);
        }

        // the cases (gathering facts is the caller's work: built before timing)
        RuleSet[] caseRules = new RuleSet[CASES];
        EvaluationFacts[] caseFacts = new EvaluationFacts[CASES];
        int[] perSeed = new int[5];
        for (int i = 0; i < CASES; i++) {
            int t = i % TENANTS;
            Profile p = PROFILES.get(t % 4);
            ComplaintFacts c = openCase(p, i);
            int v = (t % 4 == 0 && !c.receivedOn().isBefore(IMPULS_V2_FROM)) ? 1 : 0;
            caseRules[i] = tenantRules[t][v];
            caseFacts[i] = new EvaluationFacts(tenantFacts[t][v], c, events(p, c, i),
                    new HistoryFacts(12, i % 7 == 0 ? 1 : 0, i % 3));
            perSeed[t % 4 == 0 ? v : t % 4 + 1]++;
        }
        System.out.printf(Locale.ROOT, "Cases per rule set: impuls/1 %,d, impuls/2 %,d, klimkoord %,d, "
                + "iederzijnwerk %,d, kwaliteitsprocedure-6-5 %,d%n", perSeed[0], perSeed[1], perSeed[2], perSeed[3],
                perSeed[4]);

        RegulationEngine engine = BenchAccess.newEngine();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread th = new Thread(r, "bench-eval");
            th.setDaemon(true);
            return th;
        });
        try {
            // a) load: every tenant validates its versions (as at start-up); 1,000 tenants -> 5 compiles
            long t0 = System.nanoTime();
            runParallel(pool, TENANTS, t -> {
                for (RuleSet rs : tenantRules[t]) {
                    engine.validate(rs);
                }
                return 0;
            });
            double loadSeconds = seconds(System.nanoTime() - t0);
            int afterLoad = engine.cachedRuleBases();

            // b) short JIT warm-up on a separate slice (the first 5,000 cases), then the measured full pass
            runParallel(pool, 5_000, i -> engine.evaluate(caseRules[i], caseFacts[i]).rulesFired());
            AtomicInteger failures = new AtomicInteger();
            long t1 = System.nanoTime();
            long fired = runParallel(pool, CASES, i -> {
                try {
                    return engine.evaluate(caseRules[i], caseFacts[i]).rulesFired();
                } catch (RuntimeException e) {
                    if (failures.getAndIncrement() == 0) {
                        System.out.println("First failure (case " + i + "): " + e);
                    }
                    return 0;
                }
            });
            double evalSeconds = seconds(System.nanoTime() - t1);
            int afterEval = engine.cachedRuleBases();

            table(new String[] {"Figure", "Value"}, List.of(
                    new String[] {"Rule sets validated at load (" + TENANTS + " tenants, impuls x2)",
                            String.format(Locale.ROOT, "%,d", TENANTS / 4 * 5)},
                    new String[] {"Load (compile) time, 2 threads", String.format(Locale.ROOT, "%.2f s", loadSeconds)},
                    new String[] {"KieBases after load", Integer.toString(afterLoad)},
                    new String[] {"Re-evaluation of " + String.format(Locale.ROOT, "%,d", CASES) + " cases",
                            String.format(Locale.ROOT, "%.2f s", evalSeconds)},
                    new String[] {"Throughput", String.format(Locale.ROOT, "%,.0f evals/s (%.1f µs per eval per "
                            + "thread)", CASES / evalSeconds, evalSeconds * 1e6 * THREADS / CASES)},
                    new String[] {"Rules fired (total)", String.format(Locale.ROOT, "%,d", fired)},
                    new String[] {"Failed evaluations", Integer.toString(failures.get())},
                    new String[] {"KieBases after evaluation (engine.cachedRuleBases())",
                            afterEval + (afterEval == 5 ? " (= 5 distinct rule sets: OK)" : " (EXPECTED 5)")}));
            SUMMARY.add(new String[] {String.format(Locale.ROOT, "%,d cases / %,d tenants, %d threads", CASES,
                    TENANTS, THREADS), String.format(Locale.ROOT, "%.2f s (%,.0f evals/s)", evalSeconds,
                    CASES / evalSeconds), "< 10 s " + (evalSeconds < 10 ? "OK" : "MISSED")});
            SUMMARY.add(new String[] {"  same incl. load + compile of the 5 KieBases",
                    String.format(Locale.ROOT, "%.2f s", loadSeconds + evalSeconds), "-"});
            SUMMARY.add(new String[] {"KieBases for " + TENANTS + " tenants", Integer.toString(afterEval),
                    "= 5 distinct rule sets " + (afterEval == 5 ? "OK" : "MISSED")});
            SUMMARY.add(new String[] {"Failed evaluations", Integer.toString(failures.get()),
                    "0 " + (failures.get() == 0 ? "OK" : "MISSED")});
        } finally {
            pool.shutdown();
        }
    }

    interface IndexTask {
        long run(int index) throws Exception;
    }

    /** Runs task(0..n-1) on the pool's threads, interleaved, and sums the results. */
    private static long runParallel(ExecutorService pool, int n, IndexTask task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> futures = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            futures.add(pool.submit(() -> {
                long sum = 0;
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    sum += task.run(i);
                }
                return sum;
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        return total;
    }

    /** An open case with facts varied by its index. */
    private static ComplaintFacts openCase(Profile p, int i) {
        LocalDate received = LocalDate.of(2024, 6, 3).plusDays((i * 37L) % 880);   // up to ~2026-10
        boolean formal = i % 3 != 2;
        String channel = switch (i % 5) {
            case 0 -> "LETTER";
            case 1 -> "EMAIL";
            case 2 -> "WEB_FORM";
            case 3 -> "PHONE";
            default -> "IN_PERSON";
        };
        LocalDate incident = switch (i % 6) {
            case 0 -> null;
            case 1 -> received.minusMonths(14);   // older than a year
            default -> received.minusDays(3 + i % 40);
        };
        String role = switch (i % 9) {
            case 0 -> "REPRESENTATIVE";
            case 1 -> "NEXT_OF_KIN";
            case 2 -> "OTHER";
            default -> "CLIENT";
        };
        int rung = (i % 10 < 7) ? 0 : Math.min(1 + i % 3, p.ladder().size() - 1);
        String level = p.ladder().get(rung);
        String next = rung + 1 < p.ladder().size() ? p.ladder().get(rung + 1) : "";
        String status = i % 4 == 0 ? "RECEIVED" : "IN_PROGRESS";
        return new ComplaintFacts("C-" + i, formal ? "FORMAL" : "INFORMAL", channel, received, incident, role,
                true, i % 11 != 0, i % 13 != 0, i % 2 == 0, "Klacht " + i,
                p.categories().get(i % p.categories().size()), p.serviceLines().get(i % p.serviceLines().size()),
                i % 4 == 1 ? "" : "Medewerker " + (i % 17), i % 23 == 0, i % 19 == 0, status, level, next, false);
    }

    /** 0 to 4 earlier timeline events, none proposed (a re-evaluation records nothing). */
    private static List<EventFacts> events(Profile p, ComplaintFacts c, int i) {
        int count = i % 5;
        LocalDate r = c.receivedOn();
        List<EventFacts> events = new ArrayList<>(count);
        String[] order = {"ACKNOWLEDGED", "MANAGEMENT_INFORMED", "CONTACTED", "PROGRESS_REPORTED"};
        for (int k = 0; k < count; k++) {
            String type = order[k];
            if (k == 3 && i % 2 == 0) {
                type = "EXTENSION_ANNOUNCED";
            }
            if (k == 3 && i % 10 == 3) {
                type = "MEETING_HELD";
            }
            events.add(event(k + 1, type, r.plusDays(2L + 7L * k), false, type.equals("EXTENSION_ANNOUNCED") ? 4 : 0,
                    ""));
        }
        if (count > 0 && c.escalationLevel().equals(p.ladder().get(Math.min(1, p.ladder().size() - 1)))
                && !c.escalationLevel().equals(p.ladder().get(0))) {
            events.add(event(count + 1, "ESCALATED", r.plusDays(40), false, 0, c.escalationLevel()));
        }
        return events;
    }

    private static EventFacts event(int seq, String type, LocalDate on, boolean proposed, int weeks, String extra) {
        String level = type.equals("ESCALATED") ? extra : "";
        String judgement = type.equals("DECIDED") ? extra : "";
        boolean decided = type.equals("DECIDED");
        return new EventFacts(seq, type, on, proposed, weeks, level, "", judgement, decided,
                decided ? on.plusWeeks(4) : null, false, false, 0);
    }

    private static TenantFacts tenantFacts(Profile p, String slug, String version) {
        return new TenantFacts(slug, version, p.ladder(), p.bodies());
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Hand-coded baseline
    // ---------------------------------------------------------------------------------------------------------

    private static void handCoded(Seed seed) {
        section("5. Drools vs hand-coded Java (" + seed.label() + ", same case as section 3; 1.0 s warm-up, 2.0 s "
                + "measured each)");
        RegulationEngine engine = BenchAccess.newEngine();
        HandCodedIederZijnWerk hand = new HandCodedIederZijnWerk();
        RuleSet rules = seed.ruleSet();
        EvaluationFacts facts = benchmarkCase(IEDERZIJNWERK, seed.version());

        // verification: the benchmark case, then a spread of varied cases
        RegulationOutcome drools = engine.evaluate(rules, facts);
        RegulationOutcome java = hand.evaluate(facts);
        List<String> droolsCodes = drools.obligations().stream().map(Obligation::code).toList();
        List<String> javaCodes = java.obligations().stream().map(Obligation::code).toList();
        boolean sameCodes = droolsCodes.equals(javaCodes);
        boolean sameOutcome = withoutBasis(drools).equals(java);
        System.out.println("Obligation codes, Drools:     " + droolsCodes);
        System.out.println("Obligation codes, hand-coded: " + javaCodes);
        System.out.println("Same obligation codes: " + (sameCodes ? "yes" : "NO")
                + "; same full outcome (all emissions, ignoring basis; rulesFired): "
                + (sameOutcome ? "yes" : "NO"));
        if (!sameOutcome) {
            System.out.println("  Drools (basis stripped): " + withoutBasis(drools));
            System.out.println("  Hand-coded:              " + java);
        }
        int varied = 3_000;
        int variedMismatch = 0;
        String firstMismatch = null;
        for (int i = 0; i < varied; i++) {
            ComplaintFacts c = openCase(IEDERZIJNWERK, i);
            EvaluationFacts f = new EvaluationFacts(tenantFacts(IEDERZIJNWERK, "iederzijnwerk", "1"), c,
                    events(IEDERZIJNWERK, c, i), HistoryFacts.none());
            if (!withoutBasis(engine.evaluate(rules, f)).equals(hand.evaluate(f))) {
                variedMismatch++;
                if (firstMismatch == null) {
                    firstMismatch = "case " + i + ": " + c;
                }
            }
        }
        System.out.printf(Locale.ROOT, "Varied cases (section 4 generator, %,d): %,d differ%s%n", varied,
                variedMismatch, firstMismatch == null ? "" : " — first: " + firstMismatch);
        SUMMARY.add(new String[] {"Hand-coded == Drools (benchmark case / " + varied + " varied cases)",
                (sameCodes ? "same obligation codes" : "DIFFERENT obligation codes") + ", full outcome "
                        + (sameOutcome ? "equal" : "DIFFERS") + " / " + variedMismatch + " differ",
                "equal " + (sameCodes && sameOutcome && variedMismatch == 0 ? "OK" : "MISSED")});

        double droolsRate = throughput(() -> engine.evaluate(rules, facts).rulesFired(), 1.0, 2.0, 1);
        double javaRate = throughput(() -> hand.evaluate(facts).rulesFired(), 1.0, 2.0, 1_000);
        double ratio = javaRate / droolsRate;
        table(new String[] {"Implementation", "Throughput", "Mean latency"}, List.of(
                new String[] {"Drools (DroolsRegulationEngine, KieBase cached)",
                        String.format(Locale.ROOT, "%,.0f evals/s", droolsRate),
                        String.format(Locale.ROOT, "%.2f µs", 1e6 / droolsRate)},
                new String[] {"Hand-coded Java (HandCodedIederZijnWerk)",
                        String.format(Locale.ROOT, "%,.0f evals/s", javaRate),
                        String.format(Locale.ROOT, "%.3f µs", 1e6 / javaRate)},
                new String[] {"Drools time / hand-coded time", String.format(Locale.ROOT, "%.0f x slower", ratio),
                        ""}));
        SUMMARY.add(new String[] {"Hand-coded " + seed.label() + ", single thread",
                String.format(Locale.ROOT, "%,.0f evals/s (%.3f µs each)", javaRate, 1e6 / javaRate), "-"});
        SUMMARY.add(new String[] {"Drools / hand-coded (time per evaluation)",
                String.format(Locale.ROOT, "%.0f x (Drools %,.0f vs Java %,.0f evals/s)", ratio, droolsRate,
                        javaRate), "-"});
    }

    /** The outcome with every basis cleared, for comparison with the hand-coded one (which has none). */
    private static RegulationOutcome withoutBasis(RegulationOutcome o) {
        return new RegulationOutcome(strip(o.obligations()), strip(o.waivers()), strip(o.extensionPolicies()),
                strip(o.registrations()), strip(o.inadmissibilities()), strip(o.refusals()),
                strip(o.escalationOptions()), strip(o.externalBodies()), strip(o.advice()), strip(o.addressees()),
                strip(o.kpiTargets()), strip(o.reportDuties()), o.rulesFired());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Emission> List<T> strip(List<T> items) {
        return items.stream().map(e -> (T) e.withBasis("")).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------------

    interface Op {
        long run();
    }

    /** Calls op for warmupSeconds, then counts calls for measureSeconds; checks the clock every batch calls. */
    private static double throughput(Op op, double warmupSeconds, double measureSeconds, int batch) {
        long acc = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            for (int k = 0; k < batch; k++) {
                acc += op.run();
            }
        }
        long count = 0;
        long start = System.nanoTime();
        end = start + (long) (measureSeconds * 1e9);
        long now;
        do {
            for (int k = 0; k < batch; k++) {
                acc += op.run();
            }
            count += batch;
            now = System.nanoTime();
        } while (now < end);
        sink += acc;
        return count / seconds(now - start);
    }

    private static Seed seed(Path root, String slug, String version) throws IOException {
        return new Seed(slug, version, Files.readString(root.resolve("rules").resolve(slug).resolve(version)
                .resolve("regulation.drl")));
    }

    private static Profile profileOf(String slug) {
        return PROFILES.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static double timeMillis(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
    }

    private static void table(String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : width) {
            sep.append("-".repeat(w + 2)).append('+');
        }
        System.out.println(sep);
        System.out.println(line(header, width));
        System.out.println(sep);
        for (String[] row : rows) {
            System.out.println(line(row, width));
        }
        System.out.println(sep);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            b.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
        }
        return b.toString();
    }
}
