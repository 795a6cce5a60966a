package nl.klachtenregie.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The Totaaloverzicht workbook (procedure 6.5): tabs 'Klachten' and 'Verbeterregister', and 'Kengetallen' with the
 * KPIs and breakdowns. Streamed (SXSSF, 200 rows in memory), so a register of 20,000 cases costs little heap.
 * Text is always written as text, never as a formula.
 */
final class ReportWorkbook {

    static final String COMPLAINTS = "Klachten";
    static final String MEASURES = "Verbeterregister";
    static final String FIGURES = "Kengetallen";

    private ReportWorkbook() {
    }

    static byte[] write(Report r) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb);
            sheet(wb, styles, COMPLAINTS, r, r.workbook().get(0));
            sheet(wb, styles, MEASURES, r, r.workbook().get(1));
            Sheet figures = wb.createSheet(FIGURES);
            int row = heading(figures, styles, r, FIGURES);
            row = block(figures, styles, r.workbook().get(2), row, false);
            for (Report.Table t : r.tables()) {
                if (t.name().startsWith("per-") || t.name().equals("tevredenheid") || t.name().equals("signalen")) {
                    row = block(figures, styles, t, row + 1, true);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Totaaloverzicht could not be written", e);
        }
    }

    private static void sheet(SXSSFWorkbook wb, Styles styles, String name, Report r, Report.Table t) {
        Sheet sheet = wb.createSheet(name);
        int first = heading(sheet, styles, r, t.title());
        int last = block(sheet, styles, t, first, false);
        sheet.createFreezePane(0, first + 1);
        if (!t.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(first, last - 1, 0, t.columns().size() - 1));
        }
    }

    /** Two lines above the table: what this is, and whether it names complainants. Returns the next row. */
    private static int heading(Sheet sheet, Styles styles, Report r, String what) {
        Cell c = sheet.createRow(0).createCell(0);
        c.setCellValue(r.organisation() + " - " + what + " - " + r.period().label());
        c.setCellStyle(styles.title);
        sheet.createRow(1).createCell(0).setCellValue((r.full()
                ? "Volledig register met namen en contactgegevens van klagers: vertrouwelijk."
                : "Geanonimiseerd: zonder namen en contactgegevens van klagers.") + " Cijfers van "
                + Cells.date(r.asOf()) + ".");
        return 3;
    }

    /** Writes a table from row {@code at} on; returns the row after it. */
    private static int block(Sheet sheet, Styles styles, Report.Table t, int at, boolean titled) {
        int r = at;
        if (titled) {
            Cell c = sheet.createRow(r++).createCell(0);
            c.setCellValue(t.title());
            c.setCellStyle(styles.bold);
        }
        Row header = sheet.createRow(r++);
        List<Report.Column> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(cols.get(i).header());
            c.setCellStyle(styles.header);
            if (!titled || sheet.getColumnWidth(i) < width(cols.get(i)) * 256) {
                sheet.setColumnWidth(i, width(cols.get(i)) * 256);
            }
        }
        for (List<Object> cells : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                Cell c = row.createCell(i);
                if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(styles.date);
                } else if (v instanceof Long n) {
                    c.setCellValue(n);
                } else if (v instanceof Double d) {
                    c.setCellValue(d);
                    c.setCellStyle(cols.get(i).kind() == Report.Column.Kind.PERCENT ? styles.percent : styles.decimal);
                } else {
                    String s = v.toString();
                    // Excel's cell limit; longer text is cut with a mark rather than failing the workbook
                    c.setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) + " [...]" : s);
                }
            }
        }
        return r;
    }

    private static int width(Report.Column c) {
        String h = c.header().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("toelichting") || h.startsWith("samenvatting") || h.startsWith("omschrijving")
                || h.startsWith("termijnen niet gehaald (")) {
            return 50;
        }
        return switch (c.kind()) {
            case DATE -> 12;
            case NUMBER, DECIMAL, PERCENT -> Math.max(10, Math.min(24, h.length() + 2));
            case TEXT -> Math.max(14, Math.min(30, h.length() + 4));
        };
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle bold;
        final CellStyle date;
        final CellStyle decimal;
        final CellStyle percent;

        Styles(SXSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = wb.createCellStyle();
            title.setFont(big);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        }
    }
}
