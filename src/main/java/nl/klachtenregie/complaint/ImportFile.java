package nl.klachtenregie.complaint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import nl.klachtenregie.shared.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Een ingelezen bestand: the table of an uploaded CSV or XLSX, as header names and rows of text, each row with the
 * number a spreadsheet shows for it (the header of a CSV is row 1). The kind of file is told by its content, not by
 * its name: an XLSX is a zip with a workbook, a CSV is text (UTF-8, or Windows-1252 as older Excel writes it).
 * Dates in an XLSX cell become {@code yyyy-mm-dd}; a formula counts by its cached value, never evaluated.
 */
public final class ImportFile {

    /** The largest file read in (the server's multipart limit is 8 MB as well). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 20_000;
    /** The header is looked for in this many first rows (the Totaaloverzicht has two lines of title above it). */
    private static final int HEADER_SEARCH = 10;

    /** Why a file cannot be read at all: not a table (415), too large (413), or unreadable (400). */
    public enum Problem { UNSUPPORTED, TOO_LARGE, UNREADABLE }

    /** The whole file is refused, before any row is looked at. */
    public static final class Unreadable extends RuntimeException implements Text.Carrier {
        private final Problem problem;
        private final transient Text text;

        Unreadable(Problem problem, Text text) {
            super(text.dutch());
            this.problem = problem;
            this.text = text;
        }

        public Problem problem() {
            return problem;
        }

        @Override
        public Text text() {
            return text;
        }
    }

    /** One data row: its number as the spreadsheet shows it and its cells in header order ("" when empty). */
    public record Line(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    private final String format;
    private final List<String> headers;
    private final List<Line> lines;

    private ImportFile(String format, List<String> headers, List<Line> lines) {
        this.format = format;
        this.headers = List.copyOf(headers);
        this.lines = List.copyOf(lines);
    }

    /** "CSV" or "XLSX". */
    public String format() {
        return format;
    }

    public List<String> headers() {
        return headers;
    }

    public List<Line> lines() {
        return lines;
    }

    /**
     * Reads the table of a file.
     *
     * @param isHeader tells the header row among the first rows (it names at least the columns the caller needs)
     * @throws Unreadable when the file is neither CSV nor XLSX, too large, or has no header row
     */
    static ImportFile read(byte[] bytes, Predicate<List<String>> isHeader) {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable(Problem.UNREADABLE, Text.of("pastImport.file.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(Problem.TOO_LARGE, Text.of("pastImport.file.tooLarge",
                    String.valueOf(MAX_BYTES / (1024 * 1024))));
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return xlsx(bytes, isHeader);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new Unreadable(Problem.UNSUPPORTED, Text.of("pastImport.file.oldExcel"));
        }
        String text = text(bytes);
        return csv(text, isHeader);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file as text, or 415 when it is binary (a PDF, an image, a document). */
    private static String text(byte[] bytes) {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 || (b < 0x09) || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                throw new Unreadable(Problem.UNSUPPORTED, Text.of("pastImport.file.unsupported"));
            }
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new Unreadable(Problem.UNSUPPORTED, Text.of("pastImport.file.unsupported"));
        }
        int from = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            // Excel's "CSV (gescheiden door lijstscheidingsteken)" without UTF-8 writes Windows-1252.
            return new String(bytes, from, bytes.length - from, Charset.forName("windows-1252"));
        }
    }

    // --- CSV (RFC 4180, with ';', ',' or tab between fields) ----------------------------------------------------

    private static ImportFile csv(String text, Predicate<List<String>> isHeader) {
        char separator = separator(text);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
                if (records.size() > MAX_ROWS + HEADER_SEARCH) {
                    throw new Unreadable(Problem.TOO_LARGE, Text.of("pastImport.file.tooManyRows",
                            String.valueOf(MAX_ROWS)));
                }
            } else {
                field.append(c);
                any = true;
            }
            i++;
        }
        if (quoted) {
            throw new Unreadable(Problem.UNREADABLE, Text.of("pastImport.file.openQuote", String.valueOf(records.size() + 1)));
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        List<List<String>> cleaned = records.stream().map(r -> r.stream().map(ImportFile::unneutralise).toList())
                .toList();
        return table("CSV", cleaned, null, isHeader);
    }

    /** The separator of the first line: the most frequent of ';', ',' and tab outside quotes. */
    private static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ';') {
                    semicolons++;
                } else if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    /** The product's CSV puts a quote before a text a spreadsheet would run as a formula; reading, it comes off. */
    private static String unneutralise(String s) {
        if (s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0) {
            return s.substring(1);
        }
        return s;
    }

    // --- XLSX ------------------------------------------------------------------------------------------------

    private static ImportFile xlsx(byte[] bytes, Predicate<List<String>> isHeader) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            // The Totaaloverzicht's tab 'Klachten' when there is one, else the first sheet.
            Sheet sheet = wb.getSheet("Klachten");
            if (sheet == null) {
                sheet = wb.getSheetAt(0);
            }
            if (sheet.getLastRowNum() > MAX_ROWS + HEADER_SEARCH) {
                throw new Unreadable(Problem.TOO_LARGE, Text.of("pastImport.file.tooManyRows", String.valueOf(MAX_ROWS)));
            }
            List<List<String>> records = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(cell(row.getCell(c)));
                    }
                }
                records.add(cells);
                numbers.add(r + 1);
            }
            return table("XLSX", records, numbers, isHeader);
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a workbook (another zip, a damaged file): a file of a kind that is not read here.
            throw new Unreadable(Problem.UNSUPPORTED, Text.of("pastImport.file.unsupported"));
        }
    }

    private static String cell(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "ja" : "nee";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDate d = cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
                    yield d.toString();
                }
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                        : String.format(Locale.ROOT, "%s", v);
            }
            default -> "";
        };
    }

    // --- both ------------------------------------------------------------------------------------------------

    private static ImportFile table(String format, List<List<String>> records, List<Integer> numbers,
                                    Predicate<List<String>> isHeader) {
        int header = -1;
        for (int r = 0; r < Math.min(HEADER_SEARCH, records.size()); r++) {
            if (isHeader.test(records.get(r))) {
                header = r;
                break;
            }
        }
        if (header < 0) {
            throw new Unreadable(Problem.UNREADABLE, Text.of("pastImport.file.noHeader"));
        }
        List<String> headers = records.get(header).stream().map(String::strip).toList();
        List<Line> lines = new ArrayList<>();
        for (int r = header + 1; r < records.size(); r++) {
            List<String> cells = records.get(r).stream().map(String::strip).toList();
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            lines.add(new Line(numbers == null ? r + 1 : numbers.get(r), cells));
        }
        if (lines.size() > MAX_ROWS) {
            throw new Unreadable(Problem.TOO_LARGE, Text.of("pastImport.file.tooManyRows", String.valueOf(MAX_ROWS)));
        }
        return new ImportFile(format, headers, lines);
    }
}
