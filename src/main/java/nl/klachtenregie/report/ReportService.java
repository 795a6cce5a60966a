package nl.klachtenregie.report;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.DashboardService;
import nl.klachtenregie.kpi.Granularity;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.ReportSection;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.shared.Text;

/**
 * Rapportages: the half-year and annual reports the tenant's rules require, and the Totaaloverzicht (procedure
 * 6.5: tabs 'Klachten' and 'Verbeterregister'), as a page model, PDF, XLSX workbook or CSV per table.
 *
 * <p>Anonymised unless asked otherwise; the full register (complainants' names and contact details) only for the
 * kwaliteitsmanager and the directie, and every full one is written to the log.
 */
@Singleton
public class ReportService {

    /** The code of the generic report: every period, every section, the workbook of procedure 6.5. */
    public static final String TOTAALOVERZICHT = "TOTAALOVERZICHT";
    /** The log action of a report or export that names complainants. */
    public static final String FULL_EXPORT_ACTION = "REPORT_FULL_EXPORTED";
    /** The longest author's text a report takes. */
    public static final int MAX_AUTHOR_TEXT = 20_000;

    /** The sections of the Totaaloverzicht, in its own words. */
    private static final List<String> TOTAALOVERZICHT_SECTIONS = List.of(
            "TOTALS: het totaal aantal klachten, formeel en informeel",
            "KPIS: de kengetallen van het reglement",
            "LATE: klachten die niet binnen de termijn zijn afgehandeld, met toelichting",
            "NOT_HANDLED: ingediende, maar niet behandelde klachten, met toelichting",
            "SATISFACTION: tevredenheid over de afhandeling",
            "DECISIONS: beslissingen",
            "TRENDS: trends",
            "MEASURES: het verbeterregister",
            "BOTTLENECKS: mogelijke knelpunten",
            "CONCLUSIONS: conclusies",
            "REGISTER: Totaaloverzicht, tab 'Klachten'");

    /** Output of a report: PDF, XLSX or CSV. */
    public enum Format {
        HTML, PDF, XLSX, CSV
    }

    /**
     * Aanvraag: which report, period and variant.
     *
     * @param code a report duty's code or {@link #TOTAALOVERZICHT} (any case)
     * @param full true for the full register (names and contact details of complainants)
     * @param authorText the author's conclusions and advice, for the PDF ('' for none)
     */
    public record Request(String code, Period period, boolean full, String authorText) {
        public Request {
            if (code == null || code.isBlank()) {
                throw InvalidInputException.of("code", "Kies een rapportage.");
            }
            code = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            Objects.requireNonNull(period, "period");
            authorText = authorText == null ? "" : authorText.strip().replace("\r\n", "\n");
            if (authorText.length() > MAX_AUTHOR_TEXT) {
                throw InvalidInputException.of("toelichting", "De toelichting is " + authorText.length()
                        + " tekens lang; een rapportage neemt er hoogstens " + MAX_AUTHOR_TEXT + ".");
            }
        }

        public Request(String code, Period period, boolean full) {
            this(code, period, full, "");
        }
    }

    /**
     * Rapportagesoort: a report the rules in force require (or the Totaaloverzicht).
     *
     * @param period HALF_YEAR, YEAR, or ANY for the Totaaloverzicht
     * @param sections the sections, each with its code (or '') and the regulation's words
     */
    public record Kind(String code, String title, String period, String audience, String basis,
                       List<SectionWords> sections) {
        public Kind {
            sections = List.copyOf(sections);
        }

        /** The path segment of its pages: lower case, '-' for '_'. */
        public String slug() {
            return code.toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean totaaloverzicht() {
            return TOTAALOVERZICHT.equals(code);
        }
    }

    /** A section as the regulation words it. {@code code} is '' for the organisation's own text. */
    public record SectionWords(String code, String label, String words) {
    }

    /** Bestand: a file to download. */
    public record ReportFile(String fileName, String contentType, byte[] content) {
        public ReportFile {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
        }
    }

    private final DashboardService dashboards;
    private final ComplaintRegister registers;
    private final MeasureSource measures;
    private final AuditLog audit;
    private final Clock clock;
    private final nl.klachtenregie.complaint.CaseVisibility visibility;
    private final nl.klachtenregie.audit.CaseReads reads;

    ReportService(DashboardService dashboards, ComplaintRegister registers, MeasureSource measures, AuditLog audit,
                  Clock clock, nl.klachtenregie.complaint.CaseVisibility visibility,
                  nl.klachtenregie.audit.CaseReads reads) {
        this.visibility = visibility;
        this.reads = reads;
        this.dashboards = dashboards;
        this.registers = registers;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today, as the product's (pinnable) clock says. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The reports the rules in force today require, then the Totaaloverzicht. */
    public List<Kind> kinds(Tenant tenant) {
        List<Kind> kinds = new ArrayList<>();
        for (ReportDuty d : duties(tenant, today()).values()) {
            kinds.add(kind(d));
        }
        kinds.add(totaaloverzicht());
        return kinds;
    }

    /**
     * The report as a page shows it.
     *
     * @throws ForbiddenException when the full register is asked by someone other than the kwaliteitsmanager or
     *     the directie
     * @throws RefusedException when the period does not fit the report (a half-year report of a quarter)
     * @throws NotFoundException when the rules require no report of that code
     */
    @Transactional
    public Report report(Tenant tenant, Request request, CurrentUser me) {
        Report r = build(tenant, request, me);
        logFull(tenant, r, me, Format.HTML, r.code());
        return r;
    }

    /** The report as a PDF for the board, with the author's text. */
    @Transactional
    public ReportFile pdf(Tenant tenant, Request request, CurrentUser me) {
        Report r = build(tenant, request, me);
        byte[] pdf = ReportPdf.render(r);
        logFull(tenant, r, me, Format.PDF, r.code());
        return new ReportFile(r.fileBase() + ".pdf", "application/pdf", pdf);
    }

    /** The Totaaloverzicht workbook: tabs 'Klachten', 'Verbeterregister' and 'Kengetallen'. */
    @Transactional
    public ReportFile workbook(Tenant tenant, Request request, CurrentUser me) {
        Report r = build(tenant, request, me);
        byte[] xlsx = ReportWorkbook.write(r);
        logFull(tenant, r, me, Format.XLSX, r.code());
        return new ReportFile(r.fileBase() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
    }

    /**
     * One table of the report as CSV (UTF-8 with BOM, ';').
     *
     * @throws NotFoundException when the report has no table of that name
     */
    @Transactional
    public ReportFile csv(Tenant tenant, Request request, String table, CurrentUser me) {
        Report r = build(tenant, request, me);
        Report.Table t = r.table(table == null ? "" : table).orElseThrow(() -> new NotFoundException(
                "Deze rapportage heeft geen tabel '" + table + "'; wel: " + String.join(", ",
                        r.tables().stream().map(Report.Table::name).toList()) + "."));
        byte[] csv = ReportCsv.write(t);
        logFull(tenant, r, me, Format.CSV, r.code() + "/" + t.name());
        return new ReportFile(r.fileBase() + "-" + t.name() + ".csv", "text/csv; charset=UTF-8", csv);
    }

    // ---------------------------------------------------------------------------------------------------------

    private Report build(Tenant tenant, Request request, CurrentUser me) {
        if (!me.oversees()) {
            throw new ForbiddenException(Text.of("error.report.forOversight"));
        }
        if (request.full() && !(me.has(Role.COMPLIANCE) || me.has(Role.DIRECTOR))) {
            throw new ForbiddenException(Text.of("error.report.fullRegister"));
        }
        Period period = request.period();
        LocalDate today = today();
        LocalDate rulesDay = period.to().isBefore(today) ? period.to() : today;
        Kind kind;
        List<ReportSection.Part> parts;
        if (TOTAALOVERZICHT.equals(request.code())) {
            kind = totaaloverzicht();
            parts = TOTAALOVERZICHT_SECTIONS.stream().map(ReportSection::parse).toList();
        } else {
            ReportDuty duty = duty(tenant, request.code(), rulesDay, today);
            checkPeriod(duty, period);
            kind = kind(duty);
            parts = duty.parts();
        }
        Dashboard dashboard = dashboards.dashboard(tenant, period);
        LocalDate asOf = dashboard.asOf() != null ? dashboard.asOf() : rulesDay;
        ComplaintRegister.Variant variant = request.full() ? ComplaintRegister.Variant.FULL
                : ComplaintRegister.Variant.ANONYMISED;
        nl.klachtenregie.complaint.Viewer viewer = visibility.viewer(tenant, me);
        ComplaintRegister.Register register = registers.register(tenant.id(), viewer, period.from(), period.to(),
                asOf, variant, ComplaintRegister.Selection.RECEIVED);
        List<MeasureSource.MeasureRow> ms = measures.relevantTo(tenant.id(), period.from(), period.to());
        if (!request.full()) {
            ms = AnonymisedMeasures.of(ms, registers.freeText(register, ms.stream()
                    .flatMap(m -> m.complaintReferences().stream()).toList()));
        }
        SectionBuilder builder = new SectionBuilder(new SectionBuilder.Facts(period, dashboard, register,
                () -> registers.register(tenant.id(), viewer, period.from(), period.to(), asOf, variant,
                        ComplaintRegister.Selection.CONCLUDED_OR_CLOSED),
                ms, measures.originKeys(tenant.id()), request.full(), new Labels(tenant.profile())));

        List<Report.Section> sections = new ArrayList<>();
        boolean conclusions = parts.stream().anyMatch(p -> p.section().equals(Optional.of(ReportSection.CONCLUSIONS)));
        for (ReportSection.Part part : parts) {
            sections.add(builder.build(sections.size() + 1, part, request.authorText()));
        }
        if (!conclusions && !request.authorText().isBlank()) {
            // The regulation asks for no conclusions section, but the author wrote some: they get one of their own.
            sections.add(new Report.Section(sections.size() + 1, null, "Eigen tekst",
                    "Conclusies en advies van de opsteller", List.of(), List.of(), List.of(), true,
                    request.authorText()));
        }
        List<String> notices = new ArrayList<>();
        if (request.full()) {
            notices.add("Volledig register: bevat namen en contactgegevens van klagers. Vertrouwelijk; niet verder "
                    + "verspreiden dan nodig. Het maken ervan is vastgelegd in het logboek.");
        } else {
            notices.add("Geanonimiseerd: zonder namen en contactgegevens van klagers en zonder de samenvattingen in "
                    + "hun woorden; medewerkers heten 'Medewerker 1', 'Medewerker 2' enzovoort. Toelichtingen, "
                    + "aantekeningen en de teksten van het verbeterregister zijn vrije tekst: daarin zijn de naam, het "
                    + "e-mailadres en het telefoonnummer van de klager vervangen door "
                    + ComplaintRegister.COMPLAINANT_MARK + ", het adres door " + ComplaintRegister.ADDRESS_MARK
                    + " en de woonplaats door " + ComplaintRegister.PLACE_MARK + ", en bekende namen van medewerkers "
                    + "door hun schuilnaam; maatregelen op cliëntniveau staan er zonder titel en omschrijving in. "
                    + "Andere namen (bijvoorbeeld van familieleden) worden niet herkend. Lees ze na voordat u de "
                    + "rapportage verspreidt.");
        }
        if (!period.to().isBefore(today)) {
            notices.add("De periode " + period.label() + " is nog niet voorbij: de cijfers zijn die van "
                    + Cells.date(asOf) + ".");
        }
        return new Report(tenant.slug(), tenant.profile().name(), kind.code(), kind.title(), kind.audience(),
                kind.basis(), period, asOf, request.full(), today, me.displayName(), sections, builder.workbook(),
                notices, request.authorText(), register.rows().stream().map(ComplaintRegister.Row::id).toList());
    }

    private void logFull(Tenant tenant, Report r, CurrentUser me, Format format, String subject) {
        if (r.full()) {
            // Inzagelog (NEN 7513): the full register shows each case's complainant; one row per case, one batched
            // insert per export.
            reads.recordAll(tenant.id(), me.id().value(), r.caseIds(), nl.klachtenregie.audit.CaseReads.What.EXPORT);
            audit.record(tenant.id(), me.username(), FULL_EXPORT_ACTION, subject + " " + r.period().code() + " ("
                    + format.name().toLowerCase(Locale.ROOT) + ")", "Volledig register met namen en "
                    + "contactgegevens van klagers: " + r.title() + ", " + r.period().label() + ", "
                    + r.workbook().get(0).rows().size() + " klachten.");
        }
    }

    private Map<String, ReportDuty> duties(Tenant tenant, LocalDate on) {
        Map<String, ReportDuty> byCode = new LinkedHashMap<>();
        // Service lines with a regulation of their own can require the same report: the first one counts.
        for (ReportDuty d : dashboards.reportDuties(tenant, on)) {
            byCode.putIfAbsent(d.code().toUpperCase(Locale.ROOT), d);
        }
        return byCode;
    }

    private ReportDuty duty(Tenant tenant, String code, LocalDate rulesDay, LocalDate today) {
        ReportDuty duty = duties(tenant, rulesDay).get(code);
        if (duty != null) {
            return duty;
        }
        if (!rulesDay.equals(today) && duties(tenant, today).containsKey(code)) {
            throw new RefusedException("Het reglement dat op " + Cells.date(rulesDay) + " gold, vroeg nog geen "
                    + "rapportage '" + title(code) + "'. Kies een latere periode.");
        }
        throw new NotFoundException(Text.of("error.report.unknown", code));
    }

    /** A half-year report covers a half-year (or a whole year, both halves); an annual report a year. */
    private static void checkPeriod(ReportDuty duty, Period period) {
        boolean fits = "YEAR".equals(duty.period()) ? period.granularity() == Granularity.YEAR
                : period.granularity() == Granularity.HALF_YEAR || period.granularity() == Granularity.YEAR;
        if (!fits) {
            String what = "YEAR".equals(duty.period()) ? "een jaarrapportage: kies een jaar, bijvoorbeeld "
                    + period.year()
                    : "een halfjaarrapportage: kies een halfjaar, bijvoorbeeld " + period.year() + "-H1 of "
                    + period.year() + "-H2 (of een heel jaar)";
            throw new RefusedException("De rapportage '" + title(duty.code()) + "' is " + what + ", niet "
                    + period.label() + ".");
        }
    }

    private static Kind kind(ReportDuty d) {
        return new Kind(d.code().toUpperCase(Locale.ROOT), title(d.code()), d.period(), d.audience(), d.basis(),
                d.parts().stream().map(p -> new SectionWords(p.section().map(Enum::name).orElse(""),
                        p.section().map(s -> Labels.section(s.name())).orElse("Eigen tekst"), p.words())).toList());
    }

    private static Kind totaaloverzicht() {
        return new Kind(TOTAALOVERZICHT, "Totaaloverzicht", "ANY", "kwaliteitsmanager en directie",
                "Procedure 6.5: Totaaloverzicht, tabs 'Klachten' en 'Verbeterregister'",
                TOTAALOVERZICHT_SECTIONS.stream().map(ReportSection::parse).map(p -> new SectionWords(
                        p.section().map(Enum::name).orElse(""), p.section().map(s -> Labels.section(s.name()))
                        .orElse("Eigen tekst"), p.words())).toList());
    }

    /** "JAARRAPPORTAGE_KLACHTEN" reads "Jaarrapportage klachten". */
    static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
