package nl.klachtenregie.publicform;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.letter.ComplainantLetters;
import nl.klachtenregie.letter.LetterPdf;
import nl.klachtenregie.letter.XhtmlPdf;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Kopie voor de klager (AVG art. 15 lid 3): one PDF with the complaint as it was registered (what the complainant
 * submitted, with the organisation's category and service line names) followed by every letter sent to them, exactly
 * as issued. Reached through the status link, which is the complainant's own key to the case.
 */
@Singleton
public class ComplainantCopy {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ComplaintService complaints;
    private final ComplainantLetters letters;
    private final Messages messages;

    ComplainantCopy(ComplaintService complaints, ComplainantLetters letters, Messages messages) {
        this.complaints = complaints;
        this.letters = letters;
        this.messages = messages;
    }

    /** The copy: its file name and the PDF. */
    public record Copy(String fileName, byte[] pdf) {
    }

    /** The copy of the tenant's case, in the reader's language. */
    @Transactional
    public Copy of(Tenant tenant, long complaintId, Locale locale) {
        LocalDate today = complaints.today();
        CaseView c = complaints.get(tenant, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(complaintId),
                today);
        List<LetterPdf> sent = letters.sentTo(tenant, new ComplaintId(complaintId));
        byte[] intake = XhtmlPdf.render(intake(tenant.profile(), c, sent.size(), today, locale), "kopie klager");
        return new Copy(c.reference() + "-kopie.pdf", merge(intake, sent));
    }

    private String intake(TenantProfile profile, CaseView c, int letterCount, LocalDate today, Locale locale) {
        Complainant who = c.complainant();
        StringBuilder x = new StringBuilder("<html><head><title>").append(esc(c.reference()))
                .append("</title><style>body { font-family: Helvetica, ").append(XhtmlPdf.FALLBACK_FAMILY)
                .append("; font-size: 11pt; } th { text-align: left; vertical-align: top; padding-right: 12pt; "
                        + "width: 35%; } td { vertical-align: top; } p.summary { white-space: pre-wrap; }"
                        + "</style></head><body>");
        x.append("<h1>").append(t(locale, "publicform.copy.heading")).append("</h1>");
        x.append("<p>").append(t(locale, "publicform.copy.intro", profile.name())).append("</p><table>");
        row(x, t(locale, "publicform.receipt.reference"), c.reference(), locale);
        row(x, t(locale, "publicform.receipt.receivedOn"), c.receivedOn().format(DATE), locale);
        row(x, t(locale, "publicform.field.name"), who.name(), locale);
        row(x, t(locale, "publicform.field.role"), who.role() == null ? null
                : t(locale, "publicform.role." + who.role().name()), locale);
        row(x, t(locale, "publicform.field.email"), who.email(), locale);
        row(x, t(locale, "publicform.field.phone"), who.phone(), locale);
        row(x, t(locale, "publicform.field.address"), who.address(), locale);
        row(x, t(locale, "publicform.field.place"), who.place(), locale);
        row(x, t(locale, "publicform.field.category"), profile.categories().stream()
                .filter(k -> k.code().equals(c.category())).map(TenantProfile.Category::name).findFirst()
                .orElse(c.category()), locale);
        row(x, t(locale, "publicform.field.serviceLine"), c.serviceLine() == null ? null : profile.serviceLines()
                .stream().filter(s -> s.code().equals(c.serviceLine())).map(TenantProfile.ServiceLine::name)
                .findFirst().orElse(c.serviceLine()), locale);
        row(x, t(locale, "publicform.field.incidentOn"), c.incidentOn() == null ? null : c.incidentOn().format(DATE),
                locale);
        row(x, t(locale, "publicform.field.concernsEmployee"), c.concernsEmployee(), locale);
        x.append("</table><h2>").append(t(locale, "publicform.field.summary")).append("</h2><p class=\"summary\">")
                .append(esc(c.summary())).append("</p>");
        x.append("<p>").append(t(locale, "publicform.copy.letters", letterCount)).append("<br/>")
                .append(t(locale, "publicform.copy.made", today.format(DATE))).append("</p></body></html>");
        return x.toString();
    }

    private void row(StringBuilder x, String label, String value, Locale locale) {
        x.append("<tr><th>").append(label).append("</th><td>")
                .append(value == null || value.isBlank() ? t(locale, "publicform.copy.none") : esc(value))
                .append("</td></tr>");
    }

    private String t(Locale locale, String key, Object... args) {
        return esc(messages.get(locale, key, args));
    }

    private static byte[] merge(byte[] first, List<LetterPdf> rest) {
        if (rest.isEmpty()) {
            return first;
        }
        try (PDDocument target = Loader.loadPDF(first)) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (LetterPdf letter : rest) {
                try (PDDocument source = Loader.loadPDF(new RandomAccessReadBuffer(letter.content()))) {
                    merger.appendDocument(target, source);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XHTML text: the stored words exactly, never markup. */
    private static String esc(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
