package nl.klachtenregie.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.complaint.ComplaintRegister.Row;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.kpi.Dashboard;
import nl.klachtenregie.kpi.Period;
import nl.klachtenregie.regulation.ReportSection;
import nl.klachtenregie.report.MeasureSource.MeasureRow;
import nl.klachtenregie.report.Report.Column;
import nl.klachtenregie.report.Report.Column.Kind;
import nl.klachtenregie.report.Report.Figure;
import nl.klachtenregie.report.Report.Section;
import nl.klachtenregie.report.Report.Table;

/**
 * Fills the sections of one report from the period's facts: the dashboard (KPIs, breakdowns, satisfaction, trend
 * flags), the complaint register (late terms, not handled, notes) and the verbeterregister. Each section code has
 * one method; the figures a reader checks are written as figures, the cases behind them as tables.
 */
final class SectionBuilder {

    /** The facts of one report. {@code closed}: the procedures concluded or closed in the period, read on demand. */
    record Facts(Period period, Dashboard dashboard, ComplaintRegister.Register register,
                 Supplier<ComplaintRegister.Register> closed, List<MeasureRow> measures, Set<String> originKeys,
                 boolean full, Labels labels) {
    }

    /** Terms that are steps of the procedure, not its end: missing one is no late handling. */
    private static final Set<String> STEP_TERMS = Set.of("ACKNOWLEDGE", "CONTACT", "PROGRESS_UPDATE", "MEETING",
            "RECORD_REPORT", "INFORM_MANAGEMENT");

    private final Facts f;
    private final Labels labels;
    private final List<Row> rows;
    private Table register;
    private Table measures;
    private Table kpis;

    SectionBuilder(Facts facts) {
        this.f = facts;
        this.labels = facts.labels();
        this.rows = facts.register().rows();
    }

    Section build(int number, ReportSection.Part part, String authorText) {
        if (part.section().isEmpty()) {
            return new Section(number, null, "Eigen tekst", part.words(), List.of(), List.of(), List.of(), true,
                    "");
        }
        ReportSection code = part.section().get();
        Content c = switch (code) {
            case TOTALS -> totals();
            case REGISTER -> register();
            case LATE -> late();
            case NOT_HANDLED -> notHandled();
            case SATISFACTION -> satisfaction();
            case NATURE -> nature();
            case HANDLING -> handling();
            case DECISIONS -> decisions();
            case KPIS -> kpiSection();
            case TRENDS -> trends();
            case MEASURES -> measureSection("maatregelen", "Maatregelen in het verbeterregister", m -> true);
            case CORRECTIVE_MEASURES -> measureSection("maatregelen-correctief", "Correctieve maatregelen",
                    m -> "CORRECTIVE".equals(m.kind()));
            case PREVENTIVE_MEASURES -> measureSection("maatregelen-preventief", "Preventieve maatregelen",
                    m -> "PREVENTIVE".equals(m.kind()));
            case EFFECTIVENESS -> effectiveness();
            case IMPROVEMENT_PROPOSALS -> proposals();
            case BOTTLENECKS -> bottlenecks();
            case INFORMAL_NOTES -> informalNotes();
            case INTERNALLY_RESOLVED -> internallyResolved();
            case CLOSED_PROCEDURES -> closedProcedures();
            case CONCLUSIONS -> conclusions();
        };
        boolean authorSpace = code == ReportSection.CONCLUSIONS;
        return new Section(number, code.name(), Labels.section(code.name()), part.words(), c.figures, c.paragraphs,
                c.tables, authorSpace, authorSpace ? authorText : "");
    }

    /** The workbook's tabs: 'Klachten', 'Verbeterregister', 'Kengetallen'. */
    List<Table> workbook() {
        return List.of(registerTable(), measuresTable(), kpiTable());
    }

    /** Figures, paragraphs and tables of one section. */
    private static final class Content {
        final List<Figure> figures = new ArrayList<>();
        final List<String> paragraphs = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();

        Content figure(String label, Object value) {
            figures.add(new Figure(label, String.valueOf(value)));
            return this;
        }

        Content text(String p) {
            paragraphs.add(p);
            return this;
        }

        Content table(Table t) {
            tables.add(t);
            return this;
        }
    }

    // --- sections ----------------------------------------------------------------------------------------------

    private Content totals() {
        Dashboard.Breakdowns b = f.dashboard().breakdowns();
        Content c = new Content();
        c.figure("Totaal aantal klachten in " + f.period().label(), b.total());
        c.figure("Formeel", count(b.byKind(), "FORMAL"));
        c.figure("Informeel (uitingen van onvrede)", count(b.byKind(), "INFORMAL"));
        c.figure("Vorige periode (" + f.period().previous().label() + ")", b.previousTotal());
        c.table(breakdown("per-soort", "Naar soort", b.byKind(), k -> Labels.of("kind", k)));
        c.table(breakdown("per-kanaal", "Naar kanaal", b.byChannel(), k -> Labels.of("channel", k)));
        c.table(breakdown("per-categorie", "Naar categorie", b.byCategory(), labels::category));
        return c;
    }

    private Content register() {
        Content c = new Content();
        c.figure("Klachten in het register", rows.size());
        c.text("Het volledige register staat in het Totaaloverzicht (tab 'Klachten'), met alle kolommen.");
        c.table(registerTable());
        return c;
    }

    /**
     * Niet binnen de termijn afgehandeld: the cases whose handling term was missed, not every case with some term
     * missed (a late acknowledgement is no late handling). Other missed terms are listed apart.
     */
    private Content late() {
        Set<String> handling = handlingTerms();
        List<Row> late = rows.stream().filter(r -> r.lateTerms().stream().anyMatch(t -> handling.contains(t.code())))
                .toList();
        // "niet binnen de gestelde termijn": the term as the regulation set it (IederZijnWerk: 6 weeks), so a complaint
        // handled within its extension is listed too, with the extension and its explanation.
        List<Row> extendedOnly = rows.stream().filter(r -> !late.contains(r) && r.extendedTerms().stream()
                .anyMatch(t -> handling.contains(t.code()))).toList();
        List<Row> notInTerm = rows.stream().filter(r -> late.contains(r) || extendedOnly.contains(r)).toList();
        List<Row> others = rows.stream().filter(r -> r.lateTerms().stream()
                .anyMatch(t -> !handling.contains(t.code()))).toList();
        Content c = new Content();
        c.figure("Niet binnen de gestelde termijn afgehandeld", notInTerm.size() + " van " + rows.size());
        if (!extendedOnly.isEmpty()) {
            c.figure("Waarvan binnen de verlengde termijn", extendedOnly.size());
        }
        c.figure("Waarvan ook na een eventuele verlenging te laat, of niet uitgevoerd", late.size());
        Map<String, Long> byCode = new LinkedHashMap<>();
        late.forEach(r -> r.lateTerms().stream().filter(t -> handling.contains(t.code()))
                .forEach(t -> byCode.merge(t.code(), 1L, Long::sum)));
        byCode.forEach((code, n) -> c.figure("Termijn '" + Labels.obligation(code) + "' niet gehaald", n));
        long stillOpen = late.stream().filter(r -> r.lateTerms().stream()
                .anyMatch(t -> t.open() && handling.contains(t.code()))).count();
        c.figure("Waarvan nog open en over de termijn op " + Cells.date(f.register().asOf()), stillOpen);
        long extended = late.stream().filter(Row::extended).count();
        if (extended > 0) {
            c.figure("Waarvan verlengd en toch te laat", extended);
        }
        c.figure("Andere termijnen niet gehaald", others.size() + " van " + rows.size());
        Map<String, Long> otherCodes = new LinkedHashMap<>();
        others.forEach(r -> r.lateTerms().stream().filter(t -> !handling.contains(t.code()))
                .forEach(t -> otherCodes.merge(t.code(), 1L, Long::sum)));
        otherCodes.forEach((code, n) -> c.figure("Andere termijn '" + Labels.obligation(code) + "' niet gehaald",
                n));
        c.text("Afgehandeld betekent hier: binnen de termijn " + handling.stream().sorted().map(Labels::obligation)
                .map(n -> "'" + n + "'").collect(Collectors.joining(" of ")) + " zoals het reglement die stelt, "
                + "zonder verlenging; een klacht die binnen de verlengde termijn is afgehandeld staat er dus ook in, "
                + "met de verlenging. Een termijn telt als niet gehaald als hij na de vervaldag is vervuld, op "
                + Cells.date(f.register().asOf()) + " nog open en verstreken was, of met een reden opzij is gezet "
                + "(niet uitgevoerd). De toelichting is die van de behandelaar (motivering van de verlenging, of de "
                + "laatste notitie in het dossier).");
        c.table(new Table("te-laat", "Klachten die niet binnen de gestelde termijn zijn afgehandeld", List.of(
                col("Kenmerk"), date("Ontvangen"), col("Soort"), col("Termijn(en) niet gehaald"), col("Verlengd"),
                col("Status"), col("Toelichting")),
                notInTerm.stream().map(r -> cells(r.reference(), r.receivedOn(), Labels.of("kind", r.kind()),
                        notInTermText(r, handling::contains), Labels.yesNo(r.extended()),
                        Labels.of("status", r.status()), explanation(r))).toList(), ""));
        c.table(new Table("andere-termijnen", "Andere termijnen niet gehaald", List.of(col("Kenmerk"),
                date("Ontvangen"), col("Soort"), col("Termijn(en) niet gehaald"), col("Status")),
                others.stream().map(r -> cells(r.reference(), r.receivedOn(), Labels.of("kind", r.kind()),
                        lateText(r, code -> !handling.contains(code)), Labels.of("status", r.status()))).toList(),
                ""));
        List<Row> withSetAside = rows.stream().filter(r -> !r.setAside().isEmpty()).toList();
        if (!withSetAside.isEmpty()) {
            c.table(new Table("niet-uitgevoerd", "Plichten die niet zijn uitgevoerd", List.of(col("Kenmerk"),
                    date("Ontvangen"), col("Plicht"), date("Opzijgezet op"), col("Reden")),
                    withSetAside.stream().flatMap(r -> r.setAside().stream().map(d -> cells(r.reference(),
                            r.receivedOn(), Labels.obligation(d.code()), d.on(), "niet uitgevoerd, reden: "
                                    + d.reason()))).toList(), ""));
        }
        return c;
    }

    /** The handling terms not met within the term as set: late ones, and those met only thanks to an extension. */
    private static String notInTermText(Row r, Predicate<String> which) {
        List<String> parts = new java.util.ArrayList<>();
        String late = lateText(r, which);
        if (!late.isEmpty()) {
            parts.add(late);
        }
        r.extendedTerms().stream().filter(t -> which.test(t.code())).forEach(t -> parts.add(
                Labels.obligation(t.code()) + ": gestelde termijn " + Cells.date(t.baseDueOn()) + ", verlengd tot "
                        + Cells.date(t.dueOn()) + (t.metOn() == null ? ", nog open binnen de verlenging"
                        : ", gedaan " + Cells.date(t.metOn()) + " (binnen de verlengde termijn)")));
        return String.join("; ", parts);
    }

    /**
     * The handling terms: the terms of the ON_TIME KPIs with a target in the rules (e.g. ON_TIME:DECIDE), less
     * the steps on the way that never end the handling (acknowledging, contacting, reporting progress, a meeting
     * and its report, informing management), which some rules measure too; DECIDE when none remains.
     */
    private Set<String> handlingTerms() {
        Set<String> codes = f.dashboard().kpis().stream().filter(k -> k.comparator() != null)
                .map(Dashboard.KpiValue::obligation).filter(java.util.Objects::nonNull)
                .filter(code -> !STEP_TERMS.contains(code)).collect(Collectors.toCollection(java.util.TreeSet::new));
        return codes.isEmpty() ? Set.of("DECIDE") : codes;
    }

    private Content notHandled() {
        List<Row> nh = rows.stream().filter(Row::notHandled).toList();
        Content c = new Content();
        c.figure("Ingediend maar niet behandeld", nh.size() + " van " + rows.size());
        c.figure("Niet-ontvankelijk verklaard",
                nh.stream().filter(r -> r.conclusion() == EventType.DECLARED_NOT_ADMISSIBLE || !r.admissible())
                        .count());
        c.figure("Afgesloten zonder behandeling (bijvoorbeeld ingetrokken)",
                nh.stream().filter(r -> r.conclusion() == null).count());
        c.table(new Table("niet-behandeld", "Ingediende, maar niet behandelde klachten", List.of(col("Kenmerk"),
                date("Ontvangen"), col("Soort"), col("Reden"), date("Datum"), col("Toelichting")),
                nh.stream().map(r -> cells(r.reference(), r.receivedOn(), Labels.of("kind", r.kind()),
                        r.conclusion() != null ? Labels.of("event", r.conclusion()) : Labels.of("status", r.status()),
                        (r.concludedOn() != null ? r.concludedOn() : r.closedOn()), explanation(r))).toList(),
                ""));
        return c;
    }

    private Content satisfaction() {
        Dashboard.Satisfaction s = f.dashboard().satisfaction();
        Content c = new Content();
        c.figure("Reacties", s.responses() + " van " + s.concluded() + " afgeronde klachten");
        c.figure("Gemiddelde tevredenheid (1-5)", s.average() == null ? "–" : Cells.decimal(s.average()));
        List<List<Object>> dist = new ArrayList<>();
        for (int i = 0; i < s.distribution().size(); i++) {
            long n = s.distribution().get(i);
            dist.add(cells((long) (i + 1), n, s.responses() == 0 ? "" : (Object) ((double) n / s.responses())));
        }
        c.table(new Table("tevredenheid", "Tevredenheid over de afhandeling (1 = zeer ontevreden, 5 = zeer tevreden)",
                List.of(num("Score"), num("Aantal"), new Column("Aandeel", Kind.PERCENT, true)), dist, ""));
        if (s.responses() == 0) {
            c.text("Over deze periode is geen tevredenheid vastgelegd.");
        }
        return c;
    }

    private Content nature() {
        Dashboard.Breakdowns b = f.dashboard().breakdowns();
        Content c = new Content();
        c.figure("Over ongewenst gedrag", rows.stream().filter(Row::unwantedBehaviour).count());
        c.figure("Over een medewerker", rows.stream().filter(r -> r.concernsEmployee() != null).count());
        c.table(breakdown("per-categorie", "Naar categorie", b.byCategory(), labels::category));
        c.table(breakdown("per-dienst", "Naar dienst", b.byServiceLine(), labels::serviceLine));
        if (f.full()) {
            c.table(new Table("inhoud", "Inhoud van de klachten", List.of(col("Kenmerk"), col("Categorie"),
                    col("Samenvatting")), rows.stream().map(r -> cells(r.reference(),
                    labels.category(r.category()), r.summary() == null ? "" : r.summary())).toList(), ""));
        } else {
            c.text("De inhoud (de samenvatting in de woorden van de klager) staat alleen in het volledige register: "
                    + "vrije tekst kan namen bevatten.");
        }
        return c;
    }

    private Content handling() {
        Dashboard.Breakdowns b = f.dashboard().breakdowns();
        Content c = new Content();
        c.figure("Informeel opgelost", rows.stream().filter(r -> r.conclusion() == EventType.RESOLVED_INFORMALLY)
                .count());
        c.figure("Met een besluit afgerond", rows.stream().filter(r -> r.conclusion() == EventType.DECIDED).count());
        c.figure("Termijn verlengd", rows.stream().filter(Row::extended).count());
        c.figure("Verwezen naar een externe instantie", rows.stream().filter(Row::referredExternal).count());
        c.figure("Nog niet afgerond op " + Cells.date(f.register().asOf()),
                rows.stream().filter(r -> r.conclusion() == null && r.closedOn() == null).count());
        c.table(breakdown("per-niveau", "Naar hoogste escalatieniveau", b.byLevel(), labels::level));
        c.table(breakdown("per-status", "Naar status", b.byStatus(), k -> Labels.of("status", k)));
        Map<String, long[]> byKind = new LinkedHashMap<>();
        for (ComplaintKind k : ComplaintKind.values()) {
            byKind.put(Labels.of("kind", k), new long[5]);
        }
        for (Row r : rows) {
            long[] n = byKind.get(Labels.of("kind", r.kind()));
            int i = r.conclusion() == null ? 4 : switch (r.conclusion()) {
                case RESOLVED_INFORMALLY -> 0;
                case DECIDED -> 1;
                case DECLARED_NOT_ADMISSIBLE -> 2;
                default -> 3;
            };
            n[r.conclusion() == null && r.closedOn() != null ? 3 : i]++;
        }
        c.table(new Table("afhandeling", "Afhandeling naar soort", List.of(col("Soort"), num("Informeel opgelost"),
                num("Besluit"), num("Niet-ontvankelijk"), num("Afgesloten zonder afronding"), num("Nog open")),
                byKind.entrySet().stream().map(e -> cells(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList(), ""));
        return c;
    }

    private Content decisions() {
        List<Row> decided = rows.stream().filter(r -> r.conclusion() == EventType.DECIDED).toList();
        Content c = new Content();
        c.figure("Besluiten", decided.size());
        for (Judgement j : Judgement.values()) {
            c.figure(Labels.of("judgement", j), decided.stream().filter(r -> r.judgement() == j).count());
        }
        c.table(new Table("besluiten", "Besluiten", List.of(col("Kenmerk"), col("Soort"), date("Besloten op"),
                col("Oordeel"), col("Maatregel")), decided.stream().map(r -> cells(r.reference(),
                Labels.of("kind", r.kind()), (r.concludedOn()), Labels.of("judgement", r.judgement()),
                measuresOf(r))).toList(), ""));
        return c;
    }

    private Content kpiSection() {
        Content c = new Content();
        List<Dashboard.KpiValue> targets = f.dashboard().kpis().stream().filter(k -> k.target() != null).toList();
        c.figure("Kengetallen met een norm gehaald", targets.stream().filter(k -> Boolean.TRUE.equals(k.met())).count()
                + " van " + targets.size());
        c.table(kpiTable());
        return c;
    }

    private Content trends() {
        Dashboard d = f.dashboard();
        Content c = new Content();
        c.figure("Signalen", d.flags().size());
        c.table(flagTable());
        List<List<Object>> verloop = new ArrayList<>();
        for (int i = 0; i < d.trendPeriods().size(); i++) {
            verloop.add(cells(d.trendPeriods().get(i).label(), at(d.formalTrend(), i), at(d.informalTrend(), i)));
        }
        c.table(new Table("verloop", "Verloop over de perioden", List.of(col("Periode"), num("Formeel"),
                num("Informeel")), verloop, ""));
        return c;
    }

    private Content measureSection(String name, String title, Predicate<MeasureRow> which) {
        List<MeasureRow> ms = f.measures().stream().filter(which).toList();
        Content c = new Content();
        c.figure("Maatregelen", ms.size());
        c.figure("Uitgevoerd", ms.stream().filter(m -> "DONE".equals(m.status())).count());
        c.figure("Open", ms.stream().filter(m -> "OPEN".equals(m.status()) || "PROPOSED".equals(m.status())).count());
        c.table(measureTable(name, title, ms));
        return c;
    }

    private Content effectiveness() {
        List<MeasureRow> done = f.measures().stream().filter(m -> "DONE".equals(m.status())).toList();
        List<MeasureRow> reviewed = f.measures().stream().filter(m -> m.reviewedOn() != null).toList();
        Content c = new Content();
        c.figure("Beoordeeld op effectiviteit", reviewed.size());
        c.figure("Effectief", reviewed.stream().filter(m -> "EFFECTIVE".equals(m.effective())).count());
        c.figure("Deels effectief", reviewed.stream().filter(m -> "PARTLY".equals(m.effective())).count());
        c.figure("Niet effectief", reviewed.stream().filter(m -> "NOT_EFFECTIVE".equals(m.effective())).count());
        long unreviewed = done.stream().filter(m -> m.reviewedOn() == null).count();
        c.figure("Uitgevoerd maar nog niet beoordeeld", unreviewed);
        c.table(new Table("effectiviteit", "Beoordeling van de maatregelen", List.of(col("Nummer"), col("Titel"),
                col("Soort"), date("Uitgevoerd op"), date("Beoordeeld op"), col("Oordeel"), col("Toelichting")),
                reviewed.stream().map(m -> cells(m.number(), title(m), Labels.measureKind(m.kind()),
                        (m.completedOn()), (m.reviewedOn()), Labels.effectiveness(m.effective()),
                        text(m.reviewNotes()))).toList(), ""));
        return c;
    }

    private Content proposals() {
        Content c = new Content();
        List<MeasureRow> proposed = f.measures().stream().filter(m -> "PROPOSED".equals(m.status())).toList();
        List<List<Object>> open = new ArrayList<>();
        for (Dashboard.KpiValue k : f.dashboard().kpis()) {
            if (k.breached() && !f.originKeys().contains(k.originKey(f.period()))) {
                open.add(cells("Kengetal niet gehaald", k.label() + ": " + kpiValue(k) + " (norm "
                        + norm(k) + ")"));
            }
        }
        for (Dashboard.TrendFlag t : f.dashboard().flags()) {
            if (!f.originKeys().contains(t.originKey(f.period()))) {
                open.add(cells(Labels.trend(t.type()), flagSubject(t) + ": " + t.count() + " (vorige periode "
                        + t.previous() + ")"));
            }
        }
        c.figure("Voorgestelde maatregelen", proposed.size());
        c.figure("Signalen zonder maatregel", open.size());
        c.table(measureTable("verbetervoorstellen", "Voorgestelde maatregelen", proposed));
        c.table(new Table("signalen-zonder-maatregel", "Signalen waarop nog geen maatregel is genomen",
                List.of(col("Signaal"), col("Cijfers")), open, ""));
        return c;
    }

    private Content bottlenecks() {
        Content c = new Content();
        List<List<Object>> found = new ArrayList<>();
        for (Dashboard.KpiValue k : f.dashboard().kpis()) {
            if (k.breached()) {
                found.add(cells("Kengetal niet gehaald", k.label(), kpiValue(k) + " (norm " + norm(k) + "; "
                        + k.numerator() + " van " + k.denominator() + ")"));
            }
        }
        Map<String, Long> byCode = new LinkedHashMap<>();
        rows.forEach(r -> r.lateTerms().forEach(t -> byCode.merge(t.code(), 1L, Long::sum)));
        byCode.forEach((code, n) -> found.add(cells("Termijn niet gehaald", Labels.obligation(code),
                n + " van " + rows.size() + " klachten")));
        for (Dashboard.TrendFlag t : f.dashboard().flags()) {
            found.add(cells(Labels.trend(t.type()), flagSubject(t), t.count() + " in " + f.period().label()
                    + " (vorige periode " + t.previous() + ")"));
        }
        long overdue = f.dashboard().attention().stream().filter(Dashboard.AttentionCase::overdue).count();
        if (overdue > 0) {
            found.add(cells("Open klachten over de termijn", "op " + Cells.date(f.dashboard().asOf()),
                    String.valueOf(overdue)));
        }
        long notHandled = rows.stream().filter(Row::notHandled).count();
        if (notHandled > 0) {
            found.add(cells("Ingediend maar niet behandeld", "", notHandled + " van " + rows.size()));
        }
        c.figure("Mogelijke knelpunten", found.size());
        if (found.isEmpty()) {
            c.text("Uit de cijfers van deze periode blijken geen knelpunten: alle kengetallen met een norm zijn "
                    + "gehaald, alle termijnen zijn gehaald en er zijn geen trends gesignaleerd.");
        } else {
            c.text("Afgeleid uit de cijfers: kengetallen die hun norm niet haalden, termijnen die niet werden "
                    + "gehaald, en trends. Het advies zelf is aan de opsteller.");
        }
        c.table(new Table("knelpunten", "Mogelijke knelpunten", List.of(col("Knelpunt"), col("Betreft"),
                col("Cijfers")), found, ""));
        return c;
    }

    private Content informalNotes() {
        List<Row> informal = rows.stream().filter(r -> r.conclusion() == EventType.RESOLVED_INFORMALLY
                || (r.kind() == ComplaintKind.INFORMAL && r.conclusion() != null)).toList();
        Content c = new Content();
        c.figure("Informeel opgeloste opmerkingen en klachten", informal.size());
        c.figure("Met een aantekening", informal.stream().filter(r -> !r.notes().isEmpty()).count());
        c.table(new Table("aantekeningen", "Aantekeningen van opgeloste opmerkingen", List.of(col("Kenmerk"),
                date("Ontvangen"), col("Categorie"), col("Betreft medewerker"), date("Opgelost op"),
                col("Aantekening(en)")), informal.stream().map(r -> cells(r.reference(), r.receivedOn(),
                labels.category(r.category()), text(r.concernsEmployee()), (r.concludedOn()),
                notes(r, null))).toList(), ""));
        return c;
    }

    private Content internallyResolved() {
        List<Row> internal = rows.stream().filter(r -> !r.referredExternal()
                && (r.conclusion() == EventType.DECIDED || r.conclusion() == EventType.RESOLVED_INFORMALLY)).toList();
        Content c = new Content();
        c.figure("Intern opgelost", internal.size());
        c.figure("Met een gespreksverslag", internal.stream().filter(r -> r.notes().stream()
                .anyMatch(n -> n.type() == EventType.REPORT_RECORDED)).count());
        c.table(new Table("intern-opgelost", "Binnen het team intern opgeloste klachten", List.of(col("Kenmerk"),
                col("Soort"), col("Niveau"), date("Afgerond op"), col("Afronding"), col("Oordeel"),
                col("Verslagen")), internal.stream().map(r -> cells(r.reference(),
                Labels.of("kind", r.kind()), labels.level(r.escalationLevel()), (r.concludedOn()),
                Labels.of("event", r.conclusion()), Labels.of("judgement", r.judgement()),
                notes(r, EventType.REPORT_RECORDED))).toList(), ""));
        return c;
    }

    private Content closedProcedures() {
        List<Row> closed = f.closed().get().rows();
        Content c = new Content();
        c.figure("Afgeronde klachtenprocedures in " + f.period().label(), closed.size());
        c.figure("Intern opgelost", closed.stream().filter(r -> !r.referredExternal()).count());
        c.figure("Extern (via een externe instantie)", closed.stream().filter(Row::referredExternal).count());
        c.text("Afgerond: in de periode besloten, informeel opgelost, niet-ontvankelijk verklaard of afgesloten, "
                + "ongeacht wanneer de klacht binnenkwam.");
        c.table(new Table("afgeronde-procedures", "Afgeronde klachtenprocedures", List.of(col("Kenmerk"),
                date("Ontvangen"), col("Soort"), col("Intern/extern"), col("Niveau"), col("Afronding"),
                date("Afgerond op"), col("Oordeel"), date("Gesloten op"), col("Termijnen gehaald")),
                closed.stream().map(r -> cells(r.reference(), r.receivedOn(), Labels.of("kind", r.kind()),
                        r.referredExternal() ? "extern" : "intern", labels.level(r.escalationLevel()),
                        r.conclusion() == null ? "" : Labels.of("event", r.conclusion()), (r.concludedOn()),
                        Labels.of("judgement", r.judgement()), (r.closedOn()),
                        r.late() ? "nee: " + lateText(r) : "ja")).toList(), ""));
        return c;
    }

    private Content conclusions() {
        Dashboard d = f.dashboard();
        Content c = new Content();
        c.figure("Klachten ontvangen", d.breakdowns().total());
        c.figure("Formeel / informeel", count(d.breakdowns().byKind(), "FORMAL") + " / "
                + count(d.breakdowns().byKind(), "INFORMAL"));
        Set<String> handling = handlingTerms();
        c.figure("Niet binnen de termijn afgehandeld", rows.stream().filter(r -> r.lateTerms().stream()
                .anyMatch(t -> handling.contains(t.code()))).count());
        c.figure("Ingediend maar niet behandeld", rows.stream().filter(Row::notHandled).count());
        c.figure("Gemiddelde tevredenheid (1-5)", d.satisfaction().average() == null ? "–"
                : Cells.decimal(d.satisfaction().average()) + " (" + d.satisfaction().responses() + " reacties)");
        List<Dashboard.KpiValue> targets = d.kpis().stream().filter(k -> k.target() != null).toList();
        c.figure("Kengetallen gehaald", targets.stream().filter(k -> Boolean.TRUE.equals(k.met())).count() + " van "
                + targets.size());
        c.figure("Signalen (trends)", d.flags().size());
        return c;
    }

    // --- the workbook's tables ---------------------------------------------------------------------------------

    Table registerTable() {
        if (register != null) {
            return register;
        }
        List<Column> cols = new ArrayList<>(List.of(col("Kenmerk"), date("Ontvangen"), col("Soort"),
                hidden("Kanaal"), col("Categorie"), hidden("Dienst"), hidden("Escalatieniveau"), col("Status"),
                hidden("Registratieplichtig"), hidden("Ontvankelijk"), col("Afronding"), date("Afgerond op"),
                new Column("Beslissing verzonden op", Kind.DATE, true), col("Oordeel"), new Column("Tevredenheid (1-5)", Kind.NUMBER, true), hidden("Verlengd"),
                hidden("Extern verwezen"), new Column("Gesloten op", Kind.DATE, false), hidden("Ongewenst gedrag"),
                hidden("Betreft medewerker"), new Column("Termijnen niet gehaald", Kind.NUMBER, true),
                hidden("Termijnen niet gehaald (code, termijn, gedaan)"), hidden("Toelichting"),
                hidden("Achteraf vastgelegd")));
        if (f.full()) {
            cols.addAll(List.of(col("Klager"), hidden("Rol klager"), hidden("E-mail"), hidden("Telefoon"),
                    hidden("Adres"), hidden("Woonplaats"), hidden("Samenvatting"), hidden("Interne notities")));
        }
        List<List<Object>> data = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(Arrays.asList(r.reference(), r.receivedOn(),
                    Labels.of("kind", r.kind()), Labels.of("channel", r.channel()), labels.category(r.category()),
                    labels.serviceLine(r.serviceLine()), labels.level(r.escalationLevel()),
                    Labels.of("status", r.status()), Labels.yesNo(r.registrationRequired()),
                    Labels.yesNo(r.admissible()), r.conclusion() == null ? "" : Labels.of("event", r.conclusion()),
                    r.concludedOn(), r.decisionSentOn(), Labels.of("judgement", r.judgement()),
                    r.satisfaction() == null ? null : (Object) (long) r.satisfaction(), Labels.yesNo(r.extended()),
                    Labels.yesNo(r.referredExternal()), r.closedOn(), Labels.yesNo(r.unwantedBehaviour()),
                    text(r.concernsEmployee()), (long) r.lateTerms().size(), lateText(r),
                    r.late() || r.notHandled() ? explanation(r) : "", recordedLateText(r)));
            if (f.full()) {
                ComplaintRegister.Person p = r.complainant();
                cells.addAll(Arrays.asList(text(p.name()), Labels.of("role", p.role()), text(p.email()),
                        text(p.phone()), text(p.address()), text(p.place()), text(r.summary()), internalNotes(r)));
            }
            data.add(cells);
        }
        register = new Table("klachten", "Klachten", cols, data, rows.size() > Table.SHOWN_ROWS
                ? "Hier staan de eerste " + Table.SHOWN_ROWS + " van " + rows.size() + " klachten; het "
                + "Totaaloverzicht (XLSX) en de CSV bevatten ze alle." : "");
        return register;
    }

    /** "Besluit 12-05-2026, vastgelegd 20-05-2026; ..." for the events written down late. */
    private static String recordedLateText(Row r) {
        return String.join("; ", r.recordedLate().stream().map(l -> Labels.of("event", l.type()) + " "
                + l.on().format(Cells.DMY) + ", vastgelegd " + l.recordedOn().format(Cells.DMY)).toList());
    }

    Table measuresTable() {
        if (measures == null) {
            measures = measureTable("verbeterregister", "Verbeterregister", f.measures());
        }
        return measures;
    }

    Table kpiTable() {
        if (kpis != null) {
            return kpis;
        }
        kpis = new Table("kengetallen", "Kengetallen", List.of(col("Kengetal"), col("Norm"), col("Waarde"),
                col("Gehaald"), num("Teller"), num("Noemer"), new Column("Op tijd door verlenging", Kind.NUMBER,
                        false), hidden("Code"), hidden("Reglement"), hidden("Grondslag")),
                f.dashboard().kpis().stream().map(k -> cells(k.label(), norm(k), kpiValue(k),
                        k.met() == null ? "–" : Labels.yesNo(k.met()), k.numerator(), k.denominator(),
                        k.onTimeByExtension(), k.code(), text(k.regulation()), text(k.basis()))).toList(),
                "Een aandeel 'op tijd' telt de termijnen die in de periode zijn vervuld of al verstreken waren.");
        return kpis;
    }

    private Table measureTable(String name, String title, List<MeasureRow> ms) {
        return new Table(name, title, List.of(col("Nummer"), col("Titel"), hidden("Omschrijving"), col("Soort"),
                col("Niveau"), hidden("Herkomst"), hidden("Klachten"), col("Eigenaar"), date("Streefdatum"),
                col("Status"), date("Uitgevoerd op"), hidden("Beoordeeld op"), hidden("Effectief"),
                hidden("Toelichting beoordeling"), hidden("Aangemaakt op")),
                ms.stream().map(m -> cells(text(m.number()), title(m), description(m),
                        Labels.measureKind(m.kind()), Labels.measureLevel(m.level()),
                        Labels.origin(m.originType()) + (m.originDescription() == null ? ""
                                : ": " + m.originDescription()), String.join(", ", m.complaintReferences()),
                        text(m.owner()), (m.dueOn()), Labels.measureStatus(m.status()),
                        (m.completedOn()), (m.reviewedOn()), Labels.effectiveness(m.effective()),
                        text(m.reviewNotes()), (m.createdOn()))).toList(), "");
    }

    private Table flagTable() {
        return new Table("signalen", "Gesignaleerde trends", List.of(col("Signaal"), col("Betreft"),
                num("Aantal"), num("Vorige periode")), f.dashboard().flags().stream().map(t -> cells(
                Labels.trend(t.type()), flagSubject(t), t.count(), t.previous())).toList(), "");
    }

    /**
     * A breakdown with the previous period beside it. {@code name} names the codes where the dashboard left them
     * unnamed (kinds, channels, statuses are codes there; the report says them in Dutch).
     */
    private Table breakdown(String name, String title, List<Dashboard.Count> counts,
                            java.util.function.Function<String, String> namer) {
        String dimension = title.replace("Naar ", "");
        return new Table(name, title, List.of(col(Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1)),
                num(f.period().label()), num(f.period().previous().label())), counts.stream().map(c -> cells(
                label(c, namer), c.count(), c.previous())).toList(), "");
    }

    private static String label(Dashboard.Count c, java.util.function.Function<String, String> namer) {
        if (c.code() == null || c.code().isEmpty()) {
            return "(geen)";
        }
        if (c.label() == null || c.label().isBlank() || c.label().equals(c.code())) {
            String named = namer.apply(c.code());
            return named == null || named.isBlank() ? c.code() : named;
        }
        return c.label();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A client-level measure's title may name the client (an apology to him): only in the full register. */
    private String title(MeasureRow m) {
        if (!f.full() && "CLIENT".equals(m.level())) {
            return AnonymisedMeasures.CLIENT_TITLE;
        }
        return text(m.title());
    }

    /** A client-level measure's description may name the client: only in the full register. */
    private String description(MeasureRow m) {
        if (!f.full() && "CLIENT".equals(m.level())) {
            return AnonymisedMeasures.CLIENT_DESCRIPTION;
        }
        return text(m.description());
    }

    private String flagSubject(Dashboard.TrendFlag t) {
        if ("REPEATED_PERSON".equals(t.type())) {
            return f.register().alias(t.key());
        }
        return t.label() == null || t.label().isBlank() ? t.key() : t.label();
    }

    private static String lateText(Row r) {
        return lateText(r, code -> true);
    }

    private static String lateText(Row r, Predicate<String> which) {
        return r.lateTerms().stream().filter(t -> which.test(t.code())).map(t -> Labels.obligation(t.code()) + ": termijn " + Cells.date(t.dueOn())
                + (t.setAside() ? ", niet uitgevoerd, reden: " + t.setAsideReason()
                : t.open() ? ", nog open (" + t.daysLate() + " dagen over de termijn)"
                : ", gedaan " + Cells.date(t.metOn()) + " (" + t.daysLate() + " dagen te laat)"))
                .collect(Collectors.joining("; "));
    }

    private static String explanation(Row r) {
        return r.explanation() == null ? "(geen toelichting vastgelegd)" : r.explanation();
    }

    /** "12-05-2026 (J. Jansen): text | ..." - the case's internal notes (full register only; issue 16). */
    private String internalNotes(Row r) {
        return text(String.join(" | ", r.internalNotes().stream().map(n -> Cells.date(n.on())
                + (n.author() == null ? "" : " (" + n.author() + ")") + ": " + n.text()).toList()));
    }

    private static String measuresOf(Row r) {
        return r.notes().stream().filter(n -> n.type() == EventType.DECIDED).map(ComplaintRegister.Note::text)
                .reduce((a, b) -> b).orElse("");
    }

    private static String notes(Row r, EventType only) {
        return r.notes().stream().filter(n -> only == null || n.type() == only)
                .map(n -> Cells.date(n.on()) + " " + Labels.of("event", n.type()) + ": " + n.text())
                .collect(Collectors.joining(" | "));
    }

    private static long count(List<Dashboard.Count> counts, String code) {
        return counts.stream().filter(c -> code.equals(c.code())).mapToLong(Dashboard.Count::count).sum();
    }

    private static Object at(List<Long> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    static String norm(Dashboard.KpiValue k) {
        if (k.target() == null) {
            return "geen norm";
        }
        return Labels.comparator(k.comparator()) + " " + amount(k, k.target());
    }

    static String kpiValue(Dashboard.KpiValue k) {
        return k.value() == null ? "–" : amount(k, k.value());
    }

    private static String amount(Dashboard.KpiValue k, double v) {
        if (k.obligation() != null) {
            return Cells.percent(v);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : Cells.decimal(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Column col(String h) {
        return new Column(h, Kind.TEXT, true);
    }

    private static Column hidden(String h) {
        return new Column(h, Kind.TEXT, false);
    }

    private static Column num(String h) {
        return new Column(h, Kind.NUMBER, true);
    }

    private static Column date(String h) {
        return new Column(h, Kind.DATE, true);
    }

    private static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }
}
