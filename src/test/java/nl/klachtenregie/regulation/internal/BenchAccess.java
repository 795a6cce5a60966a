package nl.klachtenregie.regulation.internal;

import java.time.Duration;
import nl.klachtenregie.regulation.RegulationEngine;

/**
 * Lets the engine benchmark (nl.klachtenregie.bench.EngineBenchmark, run with
 * {@code ./mvnw -q -Pbench test-compile exec:java}) construct the package-private Drools engine. Test code only;
 * not a test itself.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** A fresh engine (empty KieBase cache) with the production defaults: 10,000 firings, 2 s. */
    public static RegulationEngine newEngine() {
        return new DroolsRegulationEngine(10000, Duration.ofSeconds(2));
    }
}
