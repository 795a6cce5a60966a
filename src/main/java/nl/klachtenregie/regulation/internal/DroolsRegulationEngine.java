package nl.klachtenregie.regulation.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.klachtenregie.regulation.Addressee;
import nl.klachtenregie.regulation.Advice;
import nl.klachtenregie.regulation.Emission;
import nl.klachtenregie.regulation.EscalationOption;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.ExternalBodyReference;
import nl.klachtenregie.regulation.Inadmissible;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.RegulationEngine;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.CountsAsFormal;
import nl.klachtenregie.regulation.LevelHolder;
import nl.klachtenregie.regulation.RollOverPolicy;
import nl.klachtenregie.regulation.SuspensionPolicy;
import nl.klachtenregie.regulation.Registration;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleSetCompilationException;
import nl.klachtenregie.regulation.Waiver;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The Drools implementation of the {@link RegulationEngine} port. One KieBase per distinct rule set (by content
 * hash), shared by every tenant and version with the same sources; sessions are per evaluation because they
 * are not thread-safe.
 */
@Singleton
final class DroolsRegulationEngine implements RegulationEngine {

    /** Each build gets its own ReleaseId: concurrent builds on one id can hand back each other's rules. */
    private static final AtomicLong BUILD_COUNTER = new AtomicLong();

    private static final ScheduledExecutorService WATCHDOG = watchdogExecutor();

    /**
     * Outcomes one evaluation may emit. A rule chain that is allowed by the policy (match an outcome, insert a new
     * one) can otherwise fill the heap long before the firing bound: a consequence may insert many outcomes, and
     * one that copies an outcome's text into the next doubles it on every firing. The seeds emit a few dozen.
     */
    static final int MAX_EMISSIONS = 2_000;
    /** Total characters of the outcomes of one evaluation (see {@link #MAX_EMISSIONS}). */
    static final long MAX_EMITTED_CHARS = 1_000_000;

    private final KieServices kieServices = KieServices.Factory.get();
    /** Tenant administrators write these rules: nothing is compiled before it passed the allowlist. */
    private final RuleSetPolicy policy = new RuleSetPolicy();
    /**
     * Keyed by the sources themselves rather than {@link RuleSet#contentHash()}: a SHA-256 over the rule text
     * on every evaluation cost about 40% of its time, while String hash codes are cached by the JDK.
     */
    private final Map<Map<String, String>, KieBase> ruleBases = new ConcurrentHashMap<>();
    /** Insertion order of {@link #ruleBases}, for evicting the oldest when the bound is reached. */
    private final Queue<Map<String, String>> compiledOrder = new ConcurrentLinkedQueue<>();
    /** Estimated heap and metaspace of each cached rule base, by key; their sum is bounded too. */
    private final Map<Map<String, String>, Long> estimatedBytes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong cachedBytes = new java.util.concurrent.atomic.AtomicLong();
    private final int maxFirings;
    private final Duration maxDuration;
    private final int maxRuleBases;
    private long maxRuleBaseBytes = 512L * 1024 * 1024;
    private final int maxEmissions;
    private final long maxEmittedChars;

    @Inject
    DroolsRegulationEngine(@Value("${klachtenregie.rules.max-firings:10000}") int maxFirings,
                           @Value("${klachtenregie.rules.max-duration:2s}") Duration maxDuration,
                           @Value("${klachtenregie.rules.max-rule-bases:256}") int maxRuleBases,
                           @Value("${klachtenregie.rules.max-rule-base-memory-mb:512}") long maxRuleBaseMemoryMb) {
        this.maxFirings = maxFirings;
        this.maxDuration = maxDuration;
        this.maxRuleBases = maxRuleBases;
        this.maxRuleBaseBytes = maxRuleBaseMemoryMb * 1024 * 1024;
        this.maxEmissions = MAX_EMISSIONS;
        this.maxEmittedChars = MAX_EMITTED_CHARS;
    }

    /** For tests that need other outcome bounds, e.g. to reach the time limit first. */
    DroolsRegulationEngine(int maxFirings, Duration maxDuration, int maxRuleBases, int maxEmissions,
                           long maxEmittedChars) {
        this.maxFirings = maxFirings;
        this.maxDuration = maxDuration;
        this.maxRuleBases = maxRuleBases;
        this.maxEmissions = maxEmissions;
        this.maxEmittedChars = maxEmittedChars;
    }

    DroolsRegulationEngine(int maxFirings, Duration maxDuration) {
        this(maxFirings, maxDuration, 256);
    }

    DroolsRegulationEngine(int maxFirings, Duration maxDuration, int maxRuleBases) {
        this(maxFirings, maxDuration, maxRuleBases, 512);
    }

    @Override
    public void validate(RuleSet ruleSet) {
        ruleBase(ruleSet);
    }

    @Override
    public int cachedRuleBases() {
        return ruleBases.size();
    }

    @Override
    public RegulationOutcome evaluate(RuleSet ruleSet, EvaluationFacts facts) {
        KieBase kieBase = ruleBase(ruleSet);
        KieSession session = kieBase.newKieSession();
        Map<Object, String> insertedBy = new IdentityHashMap<>();
        long[] emitted = {0, 0};
        Watchdog watchdog = new Watchdog(session, Thread.currentThread());
        ScheduledFuture<?> alarm = WATCHDOG.schedule(watchdog, maxDuration.toNanos(), TimeUnit.NANOSECONDS);
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null && event.getObject() instanceof Emission) {
                        insertedBy.put(event.getObject(), event.getRule().getName());
                        emitted[0]++;
                        emitted[1] += textLength(event.getObject());
                        if (emitted[0] > maxEmissions || emitted[1] > maxEmittedChars) {
                            // Stop at once, inside the insert: halting would let the current firing go on inserting.
                            session.halt();
                            throw new TooMuchOutput();
                        }
                    }
                }
            });
            session.insert(facts.tenant());
            session.insert(facts.history());
            if (facts.complaint() != null) {
                session.insert(facts.complaint());
            }
            for (EventFacts event : facts.events()) {
                session.insert(event);
            }
            int fired = session.fireAllRules(maxFirings);
            if (watchdog.stop()) {
                throw tooSlow();
            }
            if (fired >= maxFirings) {
                throw new RuleEvaluationException("De regelset stopt niet: na " + maxFirings
                        + " keer vuren afgebroken (waarschijnlijk een regel die zichzelf opnieuw activeert)");
            }
            if (emitted[0] > maxEmissions || emitted[1] > maxEmittedChars) {
                throw new RuleEvaluationException("De regelset maakt te veel of te grote uitkomsten: afgebroken na "
                        + emitted[0] + " uitkomsten met samen " + emitted[1] + " tekens (maximum " + maxEmissions
                        + " uitkomsten, " + maxEmittedChars + " tekens)");
            }
            return collect(session, insertedBy, fired);
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (causedByTooMuchOutput(e)) {
                throw new RuleEvaluationException("De regelset maakt te veel of te grote uitkomsten: afgebroken na "
                        + emitted[0] + " uitkomsten met samen " + emitted[1] + " tekens (maximum " + maxEmissions
                        + " uitkomsten, " + maxEmittedChars + " tekens)");
            }
            if (watchdog.stop()) {
                throw tooSlow();
            }
            throw new RuleEvaluationException("Een regel faalde: " + rootMessage(e), e);
        } finally {
            alarm.cancel(false);
            if (watchdog.stop()) {
                // The watchdog interrupted this (pooled) thread; the interrupt was meant for the rules only.
                Thread.interrupted();
            }
            session.dispose();
        }
    }

    /**
     * The accessors of an outcome's text fields. The size bound is checked on every emission (a chain that doubles a
     * text would fill the heap within 30 firings); building toString() for that cost a fifth of an evaluation.
     */
    private static final ClassValue<java.lang.invoke.MethodHandle[]> TEXT_FIELDS = new ClassValue<>() {
        @Override
        protected java.lang.invoke.MethodHandle[] computeValue(Class<?> type) {
            java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.publicLookup();
            List<java.lang.invoke.MethodHandle> handles = new ArrayList<>();
            for (java.lang.reflect.RecordComponent c : type.isRecord() ? type.getRecordComponents()
                    : new java.lang.reflect.RecordComponent[0]) {
                if (c.getType() == String.class || java.util.Collection.class.isAssignableFrom(c.getType())) {
                    try {
                        handles.add(lookup.unreflect(c.getAccessor()));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return handles.toArray(new java.lang.invoke.MethodHandle[0]);
        }
    };

    static long textLength(Object emission) {
        long n = 0;
        for (java.lang.invoke.MethodHandle h : TEXT_FIELDS.get(emission.getClass())) {
            try {
                Object value = h.invoke(emission);
                if (value instanceof String text) {
                    n += text.length();
                } else if (value instanceof java.util.Collection<?> items) {
                    for (Object item : items) {
                        n += String.valueOf(item).length();
                    }
                }
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read outcome " + emission.getClass().getSimpleName(), e);
            }
        }
        return n;
    }

    /** Thrown from the insert that crosses the output bound, so that nothing more is inserted. */
    private static final class TooMuchOutput extends RuntimeException {
        TooMuchOutput() {
            super("te veel uitkomsten", null, false, false);
        }
    }

    private static boolean causedByTooMuchOutput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooMuchOutput) {
                return true;
            }
        }
        return false;
    }

    private RuleEvaluationException tooSlow() {
        return new RuleEvaluationException("De regelset deed er langer dan " + maxDuration.toMillis()
                + " ms over en is afgebroken");
    }

    /**
     * Stops an evaluation that runs past its time: halts the agenda (a long chain of firings) and interrupts the
     * thread (a rule that sleeps or blocks). A rule that spins in plain Java cannot be stopped this way; such
     * rules are kept out by vetting what rules may contain.
     */
    private static final class Watchdog implements Runnable {
        private final KieSession session;
        private final Thread thread;
        private boolean finished;
        private boolean fired;

        Watchdog(KieSession session, Thread thread) {
            this.session = session;
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                fired = true;
                session.halt();
                thread.interrupt();
            }
        }

        /** Marks the evaluation finished; true when the watchdog had already stopped it. */
        synchronized boolean stop() {
            finished = true;
            return fired;
        }
    }

    private static RegulationOutcome collect(KieSession session, Map<Object, String> insertedBy, int fired) {
        List<Obligation> obligations = new ArrayList<>();
        List<Waiver> waivers = new ArrayList<>();
        List<ExtensionPolicy> extensions = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        List<Inadmissible> inadmissible = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<EscalationOption> escalation = new ArrayList<>();
        List<ExternalBodyReference> bodies = new ArrayList<>();
        List<Advice> advice = new ArrayList<>();
        List<Addressee> addressees = new ArrayList<>();
        List<KpiTarget> kpis = new ArrayList<>();
        List<ReportDuty> reports = new ArrayList<>();
        List<SuspensionPolicy> suspensions = new ArrayList<>();
        List<RollOverPolicy> rollOvers = new ArrayList<>();
        List<CountsAsFormal> formal = new ArrayList<>();
        List<LevelHolder> holders = new ArrayList<>();
        for (Object o : session.getObjects(Emission.class::isInstance)) {
            Emission stamped = ((Emission) o).withBasis(insertedBy.getOrDefault(o, ""));
            if (stamped instanceof Obligation x) {
                obligations.add(x);
            } else if (stamped instanceof Waiver x) {
                waivers.add(x);
            } else if (stamped instanceof ExtensionPolicy x) {
                extensions.add(x);
            } else if (stamped instanceof Registration x) {
                registrations.add(x);
            } else if (stamped instanceof Inadmissible x) {
                inadmissible.add(x);
            } else if (stamped instanceof Refusal x) {
                refusals.add(x);
            } else if (stamped instanceof EscalationOption x) {
                escalation.add(x);
            } else if (stamped instanceof ExternalBodyReference x) {
                bodies.add(x);
            } else if (stamped instanceof Advice x) {
                advice.add(x);
            } else if (stamped instanceof Addressee x) {
                addressees.add(x);
            } else if (stamped instanceof KpiTarget x) {
                kpis.add(x);
            } else if (stamped instanceof ReportDuty x) {
                reports.add(x);
            } else if (stamped instanceof SuspensionPolicy x) {
                suspensions.add(x);
            } else if (stamped instanceof RollOverPolicy x) {
                rollOvers.add(x);
            } else if (stamped instanceof CountsAsFormal x) {
                formal.add(x);
            } else if (stamped instanceof LevelHolder x) {
                holders.add(x);
            }
        }
        return new RegulationOutcome(obligations, waivers, extensions, registrations, inadmissible, refusals,
                escalation, bodies, advice, addressees, kpis, reports, suspensions, rollOvers, formal, holders, fired);
    }

    private KieBase ruleBase(RuleSet ruleSet) {
        Map<String, String> key = ruleSet.sources();
        KieBase cached = ruleBases.get(key);
        if (cached != null) {
            return cached;
        }
        // Compiling outside computeIfAbsent keeps a slow build from blocking other keys; a rare duplicate
        // compile of the same hash is harmless because putIfAbsent keeps the first.
        KieBase built = compile(ruleSet);
        KieBase raced = ruleBases.putIfAbsent(key, built);
        if (raced != null) {
            return raced;
        }
        // Every draft and old version would otherwise stay compiled for ever. An evicted rule base still serves
        // the sessions that hold it and is simply compiled again when next asked for.
        compiledOrder.add(key);
        long size = estimatedSize(ruleSet);
        estimatedBytes.put(key, size);
        cachedBytes.addAndGet(size);
        // Bounded by count and by estimated memory: 256 maximum-size drafts would otherwise hold about 5 GB
        // (issue 14). The oldest compiled goes first: a draft compiled for its check is rarely asked for again.
        while (ruleBases.size() > maxRuleBases || (cachedBytes.get() > maxRuleBaseBytes && ruleBases.size() > 1)) {
            Map<String, String> oldest = compiledOrder.poll();
            if (oldest == null) {
                break;
            }
            if (ruleBases.remove(oldest) != null) {
                Long freed = estimatedBytes.remove(oldest);
                cachedBytes.addAndGet(freed == null ? 0 : -freed);
            }
        }
        return built;
    }

    /**
     * What a compiled rule base of this rule set takes, estimated from its size: measured 0.78 MB for IederZijnWerk's
     * 18,000 characters and about 21 MB (heap and metaspace) for a 512 KB draft, so 200 KB plus 40 bytes a character
     * errs on the large side.
     */
    static long estimatedSize(RuleSet ruleSet) {
        long chars = ruleSet.sources().values().stream().mapToLong(String::length).sum();
        return 200_000 + 40 * chars;
    }

    /** The estimated memory of the cached rule bases together. */
    long cachedRuleBaseBytes() {
        return cachedBytes.get();
    }

    /** The only way to a KieBase: vetted first, so no path compiles a rule set the policy has not seen. */
    private KieBase compile(RuleSet ruleSet) {
        policy.check(ruleSet);
        ReleaseId releaseId = kieServices.newReleaseId("nl.klachtenregie.rules",
                "ruleset-" + BUILD_COUNTER.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        ruleSet.sources().forEach((name, drl) -> kfs.write("src/main/resources/rules/" + name, drl));
        try {
            KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new RuleSetCompilationException(errors.stream().map(DroolsRegulationEngine::problem).toList());
            }
            KieContainer container = kieServices.newKieContainer(releaseId);
            return container.getKieBase();
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleSetCompilationException.Problem problem(Message m) {
        String path = m.getPath() == null ? "?" : m.getPath().replaceFirst("^.*/", "");
        return new RuleSetCompilationException.Problem(path, m.getLine(), m.getText().strip());
    }

    private static ScheduledExecutorService watchdogExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rules-watchdog");
            t.setDaemon(true);
            return t;
        });
        // Nearly every alarm is cancelled; without this the queue would hold them until they expire.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
