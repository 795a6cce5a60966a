package nl.klachtenregie.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.klachtenregie.kpi.Period;

/**
 * Rapportage: a report the regulation requires (or the generic Totaaloverzicht) for one period, its sections in
 * the order and words of the regulation, filled with the period's figures.
 *
 * @param code the report duty's code, or {@link ReportService#TOTAALOVERZICHT}
 * @param title e.g. "Jaarrapportage klachten"
 * @param audience who receives it, in the regulation's words (e.g. "directie")
 * @param basis the rule that requires it, quoting the regulation ('' for the Totaaloverzicht)
 * @param asOf the day the figures were measured (today, or the period's last day when it is over)
 * @param full true when it names complainants (the full register); false: anonymised
 * @param madeBy the display name of who made it
 * @param sections the sections the regulation lists
 * @param workbook the tables of the Totaaloverzicht workbook: 'Klachten', 'Verbeterregister' and 'Kengetallen'
 * @param notices what a reader must know about the figures (anonymisation, missing parts)
 * @param authorText the author's own conclusions and advice ('' for none)
 * @param caseIds the cases the register of the report lists, for the inzagelog (never shown)
 */
public record Report(String tenant, String organisation, String code, String title, String audience, String basis,
                     Period period, LocalDate asOf, boolean full, LocalDate madeOn, String madeBy,
                     List<Section> sections, List<Table> workbook, List<String> notices, String authorText,
                     List<Long> caseIds) {

    /** A report without the cases it lists (nothing to log in the inzagelog). */
    public Report(String tenant, String organisation, String code, String title, String audience, String basis,
                  Period period, LocalDate asOf, boolean full, LocalDate madeOn, String madeBy,
                  List<Section> sections, List<Table> workbook, List<String> notices, String authorText) {
        this(tenant, organisation, code, title, audience, basis, period, asOf, full, madeOn, madeBy, sections,
                workbook, notices, authorText, List.of());
    }

    public Report {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(period, "period");
        sections = List.copyOf(sections);
        workbook = List.copyOf(workbook);
        notices = List.copyOf(notices);
        authorText = authorText == null ? "" : authorText;
    }

    /** Every table of the report, once each by name: the workbook's first, then the sections'. */
    public List<Table> tables() {
        Map<String, Table> byName = new LinkedHashMap<>();
        workbook.forEach(t -> byName.putIfAbsent(t.name(), t));
        sections.forEach(s -> s.tables().forEach(t -> byName.putIfAbsent(t.name(), t)));
        return new ArrayList<>(byName.values());
    }

    public Optional<Table> table(String name) {
        return tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The base of the file names: {@code jaarrapportage-klachten-iederzijnwerk-2026}. */
    public String fileBase() {
        return code.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + tenant + "-"
                + period.code().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasAuthorText() {
        return !authorText.isBlank();
    }

    /**
     * Onderdeel: one section.
     *
     * @param code the {@code ReportSection} it was filled from; null for the organisation's own text
     * @param label what the product calls that content (e.g. "Niet binnen de termijn afgehandeld")
     * @param words the regulation's words, quoted as the heading
     * @param authorSpace true when the section leaves room for the author's text
     */
    public record Section(int number, String code, String label, String words, List<Figure> figures,
                          List<String> paragraphs, List<Table> tables, boolean authorSpace, String authorText) {
        public Section {
            figures = List.copyOf(figures);
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
            authorText = authorText == null ? "" : authorText;
        }

        public boolean hasAuthorText() {
            return !authorText.isBlank();
        }
    }

    /** Kengetal: a labelled figure, already written as a person reads it ("83%", "4 van 12"). */
    public record Figure(String label, String value) {
    }

    /**
     * Tabel. Cells are {@code String}, {@code Long}, {@code Double} (a share is a {@code Double} in a
     * {@link Kind#PERCENT} column), {@code LocalDate} or null.
     *
     * @param name the file name of its CSV (e.g. {@code klachten}), unique in the report
     * @param note said under the table (e.g. that the PDF shows only the first rows)
     */
    public record Table(String name, String title, List<Column> columns, List<List<Object>> rows, String note) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
            note = note == null ? "" : note;
            for (List<Object> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + name + ": row of " + r.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
        }

        /** The columns shown on a page and in the PDF (all go to the workbook and the CSV). */
        public List<Column> shownColumns() {
            return columns.stream().filter(Column::shown).toList();
        }

        /** The cells of the shown columns as text, at most {@code max} rows. */
        public List<List<String>> shownRows(int max) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).shown()) {
                    idx.add(i);
                }
            }
            return rows.stream().limit(max)
                    .map(r -> idx.stream().map(i -> Cells.text(r.get(i), columns.get(i).kind())).toList()).toList();
        }

        /** The most rows a page or the PDF shows; the workbook and the CSV carry all. */
        public static final int SHOWN_ROWS = 500;

        /** The shown cells of the first {@link #SHOWN_ROWS} rows, for a page. */
        public List<List<String>> pageRows() {
            return shownRows(SHOWN_ROWS);
        }

        /** True when the page and the PDF leave rows out. */
        public boolean cut() {
            return rows.size() > SHOWN_ROWS;
        }

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** Kolom. {@code shown}: on the page and in the PDF, not only in the workbook and the CSV. */
    public record Column(String header, Kind kind, boolean shown) {
        public enum Kind { TEXT, NUMBER, DECIMAL, PERCENT, DATE }
    }
}
