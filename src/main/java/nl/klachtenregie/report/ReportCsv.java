package nl.klachtenregie.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One table as CSV the way Dutch Excel opens it: UTF-8 with a byte order mark (else Excel reads ANSI and breaks
 * accents), ';' between fields (Excel's separator where the decimal sign is a comma), CRLF between records, every
 * field with a quote, separator or line break quoted. A text that starts with '=', '+', '-', '@' (or a tab or
 * carriage return) is prefixed with a quote ('), so that a spreadsheet never runs it as a formula.
 */
final class ReportCsv {

    static final char SEPARATOR = ';';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    static byte[] write(Report.Table t) {
        StringBuilder sb = new StringBuilder(256 + t.rows().size() * 128);
        line(sb, t.columns().stream().map(Report.Column::header).toList());
        for (List<Object> row : t.rows()) {
            List<String> cells = new java.util.ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                cells.add(v instanceof String s ? neutralise(s) : Cells.text(v, t.columns().get(i).kind()));
            }
            line(sb, cells);
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    /** A text a spreadsheet would take for a formula gets a leading quote. */
    static String neutralise(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            field(sb, cells.get(i));
        }
        sb.append("\r\n");
    }

    private static void field(StringBuilder sb, String s) {
        boolean quote = s.indexOf(SEPARATOR) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0 || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
