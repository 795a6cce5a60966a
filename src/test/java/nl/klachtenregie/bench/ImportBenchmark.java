package nl.klachtenregie.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import nl.klachtenregie.complaint.HistoricImport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * Klachten van eerdere jaren inlezen on the embedded default (H2): a generated CSV of 10,000 complaints over two
 * years in the documented layout (acknowledged, some extended, decided, closed), a dry run and the commit, each timed:
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=ImportBenchmark} ({@code -Dbench.rows=20000} for more).
 * Issue 16 asks for 10,000 rows within a minute. Not a test: the figures depend on the machine.
 */
public final class ImportBenchmark {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        Path dir = Files.createTempDirectory("kr-bench");
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir + "/k;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.enabled", "false", "klachtenregie.clock.fixed-date", "2026-11-22"))) {
            Tenant izw = ctx.getBean(TenantDirectory.class).resolve("iederzijnwerk");
            HistoricImport imports = ctx.getBean(HistoricImport.class);
            byte[] csv = csv(rows);
            System.out.printf("CSV van %d rijen: %d KB%n", rows, csv.length / 1024);

            long s = System.nanoTime();
            HistoricImport.Plan plan = imports.dryRun(izw, "bench.csv", csv);
            double dry = (System.nanoTime() - s) / 1e9;
            if (!plan.ok() || plan.newCases() != rows) {
                throw new IllegalStateException("expected " + rows + " new cases, got " + plan.newCases() + " with "
                        + plan.errors().size() + " errors, first: " + plan.errors().stream().findFirst()
                        .map(e -> e.text().dutch()).orElse("-"));
            }
            System.out.printf("Proefinlezing: %.1f s (%d op tijd, %d te laat, %d opzijgezet, %d open)%n", dry,
                    plan.met(), plan.late(), plan.setAside(), plan.open());

            s = System.nanoTime();
            HistoricImport.Result result = imports.commit(izw, "bench.csv", csv, "bench");
            double commit = (System.nanoTime() - s) / 1e9;
            System.out.printf("Inlezen na de proefinlezing (opslaan in een transactie): %.1f s, %d dossiers%n",
                    commit, result.created());

            s = System.nanoTime();
            HistoricImport.Plan again = imports.dryRun(izw, "bench.csv", csv);
            System.out.printf("Tweede upload, proefinlezing: %.1f s, %d al ingelezen, %d nieuw%n",
                    (System.nanoTime() - s) / 1e9, again.alreadyImported(), again.newCases());
            System.out.printf("Totaal proefinlezing + inlezen: %.1f s%n", dry + commit);

            // Straight to the commit (the API with dryRun=false): every row evaluated and stored in one call.
            byte[] other = new String(csv(rows), StandardCharsets.UTF_8).replace("OUD-", "ANDER-")
                    .getBytes(StandardCharsets.UTF_8);
            s = System.nanoTime();
            HistoricImport.Result cold = imports.commit(izw, "ander.csv", other, "bench");
            System.out.printf("Inlezen zonder proefinlezing vooraf: %.1f s, %d dossiers%n",
                    (System.nanoTime() - s) / 1e9, cold.created());
        }
    }

    /** Two years of complaints: every row acknowledged, one in ten extended in time, one in seven decided late. */
    static byte[] csv(int rows) {
        StringBuilder sb = new StringBuilder("Kenmerk;Soort;Kanaal;Ontvangen op;Klager;Categorie;Betreft medewerker;"
                + "Samenvatting;Ontvangst bevestigd op;Verlenging aangekondigd op;Verlenging weken;Afronding;"
                + "Afgerond op;Oordeel;Motivering;Tevredenheid (1-5);Gesloten op\r\n");
        String[] categories = {"Bejegening", "Communicatie", "Afspraken en duidelijkheid", "Overig"};
        String[] judgements = {"Gegrond", "Deels gegrond", "Ongegrond"};
        LocalDate first = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < rows; i++) {
            LocalDate received = first.plusDays(i % 700);
            boolean informal = i % 5 == 0;
            boolean extended = !informal && i % 10 == 1;
            LocalDate concluded = received.plusDays(extended ? 55 : i % 7 == 0 ? 50 : 30);
            sb.append("OUD-").append(i).append(';').append(informal ? "Informeel" : "Formeel").append(';')
                    .append(i % 2 == 0 ? "Brief" : "E-mail").append(';').append(received.format(DMY)).append(';')
                    .append("Klager ").append(i).append(';').append(categories[i % categories.length]).append(';')
                    .append("Medewerker ").append(i % 40).append(';').append("Klacht nummer ").append(i).append(';')
                    .append(received.plusDays(2).format(DMY)).append(';')
                    .append(extended ? received.plusDays(35).format(DMY) : "").append(';')
                    .append(extended ? "4" : "").append(';')
                    .append(informal ? "Informeel opgelost" : "Besluit genomen").append(';')
                    .append(concluded.format(DMY)).append(';')
                    .append(informal ? "" : judgements[i % 3]).append(';')
                    .append("Afgehandeld na gesprek.").append(';').append(1 + i % 5).append(';')
                    .append(concluded.plusDays(1).format(DMY)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
