package nl.klachtenregie.letter;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.complaint.CaseAnonymised;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.SubjectAccessPart;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.tenant.Tenant;

/**
 * Brieven aan de klager: the letters of a case that were sent to the complainant, for their own copy (the status
 * page) and an inzageverzoek (AVG art. 15, a {@link SubjectAccessPart}); and, when the case is anonymised, the
 * letters' text and PDF replaced by a notice (kind, subject and date stay: they are what the reports count).
 */
@Singleton
public class ComplainantLetters implements SubjectAccessPart, ApplicationEventListener<CaseAnonymised> {

    /** The kinds addressed to the complainant: every kind so far (a later internal kind is left out here). */
    public static final Set<LetterKind> TO_COMPLAINANT = EnumSet.of(LetterKind.ACKNOWLEDGEMENT, LetterKind.PROGRESS,
            LetterKind.EXTENSION, LetterKind.DECISION, LetterKind.NOT_ADMISSIBLE);
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final LetterService letters;
    private final ComplaintService complaints;
    private final Db db;

    ComplainantLetters(LetterService letters, ComplaintService complaints, Db db) {
        this.letters = letters;
        this.complaints = complaints;
        this.db = db;
    }

    /** The case's letters sent to the complainant, oldest first, as PDFs named after the case, kind and number. */
    @Transactional
    public List<LetterPdf> sentTo(Tenant tenant, ComplaintId id) {
        List<LetterPdf> pdfs = new ArrayList<>();
        for (LetterSummary s : letters.ofCase(tenant, id)) {
            if (TO_COMPLAINANT.contains(s.kind())) {
                letters.pdf(tenant, id, s.id()).ifPresent(p -> pdfs.add(new LetterPdf(
                        p.fileName().replaceFirst("\\.pdf$", "") + "-" + s.id().value() + ".pdf", p.content())));
            }
        }
        return pdfs;
    }

    @Override
    public List<File> files(Tenant tenant, List<CaseView> cases) {
        List<File> files = new ArrayList<>();
        for (CaseView c : cases) {
            sentTo(tenant, new ComplaintId(c.id())).forEach(p -> files.add(new File("brieven/" + p.fileName(),
                    p.content())));
        }
        return files;
    }

    /** In the anonymising transaction: a letter names the complainant, so its text and PDF give way to a notice. */
    @Override
    public void onApplicationEvent(CaseAnonymised e) {
        LocalDate today = complaints.today();
        // The subject may name the complainant too (templates may use any field), so the notice leaves it out.
        List<Object[]> rows = db.query("SELECT id, issued_on FROM letter WHERE tenant_id = ? AND complaint_id = ?",
                rs -> new Object[] {rs.getLong(1), null, Db.date(rs, "issued_on")}, e.tenant().id().value(),
                e.complaintId());
        for (Object[] r : rows) {
            String xhtml = "<html><head><title>Brief</title><style>body { font-family: Helvetica, "
                    + XhtmlPdf.FALLBACK_FAMILY + "; }</style></head><body><p>Brief van "
                    + ((LocalDate) r[2]).format(DUTCH_DATE) + ", geanonimiseerd op " + today.format(DUTCH_DATE)
                    + ".</p></body></html>";
            db.update("UPDATE letter SET html = ?, pdf = ? WHERE tenant_id = ? AND id = ?", xhtml,
                    XhtmlPdf.render(xhtml, "geanonimiseerde brief"), e.tenant().id().value(), r[0]);
        }
    }
}
