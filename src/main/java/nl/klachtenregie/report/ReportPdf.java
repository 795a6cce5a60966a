package nl.klachtenregie.report;

import java.util.List;
import nl.klachtenregie.letter.XhtmlPdf;

/**
 * The report as a PDF for the board: XHTML written here (every value escaped), rendered by the letters' renderer.
 * A4, page numbers at the foot, each section headed by the regulation's words.
 */
final class ReportPdf {

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{2}-\\d{2}-\\d{4}");

    private ReportPdf() {
    }

    static byte[] render(Report r) {
        return XhtmlPdf.render(xhtml(r), r.title());
    }

    static String xhtml(Report r) {
        String font = "Helvetica, " + XhtmlPdf.FALLBACK_FAMILY;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\"><head><title>").append(esc(r.title()))
                .append("</title><style>")
                .append("@page { size: A4; margin: 18mm 15mm 20mm 15mm; @bottom-right { content: \"pagina \" "
                        + "counter(page) \" van \" counter(pages); font-family: ").append(font)
                .append("; font-size: 8pt; color: #555555; } @bottom-left { content: \"").append(esc(css(
                        r.organisation() + " - " + r.title() + " " + r.period().label()
                                + (r.full() ? " - VERTROUWELIJK" : ""))))
                .append("\"; font-family: ").append(font).append("; font-size: 8pt; color: #555555; } }")
                .append("body { font-family: ").append(font).append("; font-size: 9.5pt; line-height: 1.3; }")
                .append("h1 { font-size: 17pt; margin: 0 0 2mm 0; } h2 { font-size: 12.5pt; margin: 7mm 0 1mm 0; "
                        + "page-break-after: avoid; } h3 { font-size: 10pt; margin: 3mm 0 1mm 0; "
                        + "page-break-after: avoid; }")
                .append(".label { color: #555555; font-size: 8.5pt; margin: 0 0 2mm 0; }")
                .append("table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm 0; "
                        + "-fs-table-paginate: paginate; }")
                .append("th, td { border: 0.5pt solid #999999; padding: 1mm 1.5mm; font-size: 7.5pt; "
                        + "vertical-align: top; text-align: left; }")
                .append("th { background-color: #eeeeee; } thead { display: table-header-group; }")
                .append("td.nw, span.nw { white-space: nowrap; }")
                .append("table.figures td { border: none; border-bottom: 0.5pt solid #dddddd; font-size: 9pt; }")
                .append("table.figures td.v { text-align: right; font-weight: bold; width: 35%; }")
                .append(".notice { border: 0.5pt solid #999999; background-color: #f6f6f6; padding: 2mm; "
                        + "font-size: 8.5pt; margin: 2mm 0; }")
                .append(".space { border: 0.5pt solid #999999; height: 45mm; margin: 2mm 0; }")
                .append(".author { border-left: 2pt solid #333333; padding-left: 3mm; white-space: pre-wrap; }")
                .append(".meta td { border: none; padding: 0.5mm 2mm 0.5mm 0; font-size: 9pt; }")
                .append(".note { font-size: 8pt; color: #555555; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(r.title())).append(" ").append(esc(r.period().label())).append("</h1>");
        h.append("<table class=\"meta\"><tbody>");
        meta(h, "Organisatie", r.organisation());
        meta(h, "Periode", r.period().label() + " (" + Cells.date(r.period().from()) + " t/m "
                + Cells.date(r.period().to()) + ")");
        meta(h, "Voor", r.audience());
        if (!r.basis().isBlank()) {
            meta(h, "Grondslag", r.basis());
        }
        meta(h, "Cijfers van", Cells.date(r.asOf()));
        meta(h, "Opgesteld", Cells.date(r.madeOn()) + " door " + r.madeBy());
        meta(h, "Variant", r.full() ? "volledig register (vertrouwelijk)" : "geanonimiseerd");
        h.append("</tbody></table>");
        for (String n : r.notices()) {
            h.append("<div class=\"notice\">").append(esc(n)).append("</div>");
        }
        for (Report.Section s : r.sections()) {
            h.append("<h2>").append(s.number()).append(". ").append(esc(capital(s.words()))).append("</h2>");
            h.append("<p class=\"label\">").append(esc(s.label())).append("</p>");
            if (!s.figures().isEmpty()) {
                h.append("<table class=\"figures\"><tbody>");
                for (Report.Figure f : s.figures()) {
                    h.append("<tr><td>").append(esc(f.label())).append("</td><td class=\"v\">")
                            .append(esc(f.value())).append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
            for (String p : s.paragraphs()) {
                h.append("<p>").append(esc(p)).append("</p>");
            }
            for (Report.Table t : s.tables()) {
                table(h, t);
            }
            if (s.hasAuthorText()) {
                h.append("<div class=\"author\">").append(esc(s.authorText())).append("</div>");
            } else if (s.authorSpace()) {
                h.append("<p class=\"note\">Ruimte voor de tekst van de opsteller:</p><div class=\"space\"></div>");
            }
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void meta(StringBuilder h, String label, String value) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    private static void table(StringBuilder h, Report.Table t) {
        h.append("<h3>").append(esc(t.title())).append("</h3>");
        if (t.empty()) {
            h.append("<p class=\"note\">Geen.</p>");
            return;
        }
        h.append("<table><thead><tr>");
        for (Report.Column c : t.shownColumns()) {
            h.append("<th>").append(esc(c.header())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        List<Report.Column> cols = t.shownColumns();
        for (List<String> row : t.pageRows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // dates, numbers and references (IEDE-2026-0001) are never broken at their hyphens
                boolean whole = cols.get(i).kind() != Report.Column.Kind.TEXT
                        || (cell.length() <= 20 && cell.indexOf(' ') < 0);
                h.append(whole ? "<td class=\"nw\">" : "<td>")
                        .append(whole ? esc(cell) : DATE.matcher(esc(cell)).replaceAll("<span class=\"nw\">$0</span>"))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (!t.note().isBlank()) {
            h.append("<p class=\"note\">").append(esc(t.note())).append("</p>");
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Text inside a CSS string: no quotes or backslashes to break out of it. */
    private static String css(String s) {
        return s.replace("\\", "").replace("\"", "'").replaceAll("[\\r\\n]", " ");
    }

    /** XML-escapes text and drops the control characters XML 1.0 does not allow. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    } else if (c == '\r') {
                        // dropped: \n carries the line break
                        continue;
                    }
                }
            }
        }
        return b.toString();
    }
}
