package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.DryRun;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.RuleSet;
import nl.klachtenregie.regulation.RuleTemplates;
import nl.klachtenregie.seed.TenantArchive;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * What regulation administration costs on the embedded default (H2): the check of a draft (allowlist, compile,
 * trial cases), generating rules from the form, a dry run over a year of cases, export and import of a tenant:
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=AdminBenchmark}. Not a test: the figures depend on the
 * machine; they are reported in the issue notes.
 */
public final class AdminBenchmark {

    private static final int CASES = 2_000;

    private AdminBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kr-bench");
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir + "/k;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.enabled", "false", "klachtenregie.clock.fixed-date", "2026-11-22"))) {
            run(ctx);
        }
    }

    private static void run(ApplicationContext ctx) {
        TenantDirectory tenants = ctx.getBean(TenantDirectory.class);
        RegulationAdministration admin = ctx.getBean(RegulationAdministration.class);
        RegulationCatalog catalog = ctx.getBean(RegulationCatalog.class);
        ComplaintService complaints = ctx.getBean(ComplaintService.class);
        DryRun dryRun = ctx.getBean(DryRun.class);
        RuleTemplates templates = ctx.getBean(RuleTemplates.class);
        TenantArchive archive = ctx.getBean(TenantArchive.class);
        Tenant izw = tenants.resolve("iederzijnwerk");

        RuleSet seed = catalog.version(izw.id(), "1").orElseThrow().ruleSet();
        List<Double> checks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // A changed comment makes each a new rule set, so every check compiles (the first thing an edit does).
            RuleSet changed = new RuleSet(Map.of("regulation.drl", seed.sources().get("regulation.drl")
                    + "\n// bewerking " + i + "\n"));
            long s = System.nanoTime();
            if (!admin.check(izw, changed).ok()) {
                throw new IllegalStateException("the seed must pass its check");
            }
            checks.add((System.nanoTime() - s) / 1e6);
        }
        report("Controle van een gewijzigd concept (allowlist, compileren, 4 proefgevallen)", checks);

        List<Double> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            templates.write(RegulationParameters.defaults("Stichting " + i));
            writes.add((System.nanoTime() - s) / 1e6);
        }
        report("Regels maken uit het formulier", writes);

        long s0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            LocalDate received = LocalDate.of(2025, 12, 1).plusDays(i % 350);
            complaints.create(izw, new NewComplaint(i % 3 == 0 ? ComplaintKind.INFORMAL : ComplaintKind.FORMAL,
                    i % 3 == 0 ? Channel.PHONE : Channel.LETTER, received, null,
                    new Complainant("Klager " + i, ComplainantRole.CLIENT, null, null, null), "Klacht " + i,
                    "BEJEGENING", null, "Medewerker " + (i % 40), false, false, false));
        }
        System.out.printf("%d klachten geregistreerd in %.1f s%n", CASES, (System.nanoTime() - s0) / 1e9);
        admin.createFromDrl(izw, new DraftHeader("bench", LocalDate.of(2027, 1, 1), "Bench", ""),
                Map.of("regulation.drl", seed.sources().get("regulation.drl").replace(
                        "insert(new Obligation(\"DECIDE\", $r, 6, \"WEEKS\", \"DECIDED\"));",
                        "insert(new Obligation(\"DECIDE\", $r, 4, \"WEEKS\", \"DECIDED\"));")), "bench");
        var draft = admin.version(izw, "bench").version();
        List<Double> runs = new ArrayList<>();
        int changed = 0;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            DryRun.Report r = dryRun.lastTwelveMonths(izw, draft);
            runs.add((System.nanoTime() - s) / 1e6);
            changed = r.changed();
            if (r.cases() != CASES) {
                throw new IllegalStateException("expected every case in the period, got " + r.cases());
            }
        }
        report("Proefdraaien over " + CASES + " klachten (" + changed + " anders)", runs);

        List<Double> exports = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        byte[] zip = null;
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            zip = archive.export(izw);
            exports.add((System.nanoTime() - s) / 1e6);
            s = System.nanoTime();
            archive.importArchive(zip, "kopie-" + i, "bench");
            imports.add((System.nanoTime() - s) / 1e6);
        }
        report("Export van een organisatie (" + zip.length / 1024 + " KB zip)", exports);
        report("Import van een organisatie (met controle van de vastgestelde versies)", imports);
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-80s mediaan %8.1f ms   p95 %8.1f ms   (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)), sorted.size());
    }
}
