package nl.klachtenregie.complaint;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.klachtenregie.audit.AuditLog;
import nl.klachtenregie.tenant.Tenant;

/**
 * Inzageverzoek (AVG art. 15): everything the tenant stores about one complainant across the cases the privacy
 * officer selected, as one zip: {@code dossiers.json} (each case as the API shows it, with its timeline, obligations
 * and the corrections recorded on it, and whether it was anonymised or is held), and the files of every
 * {@link SubjectAccessPart} (the letters as PDFs; notes and attachments where those features add a part). Logged,
 * without personal data.
 */
@Singleton
public class SubjectAccess {

    private final Retention retention;
    private final ComplaintService complaints;
    private final List<SubjectAccessPart> parts;
    private final AuditLog audit;
    private final JsonMapper json;

    SubjectAccess(Retention retention, ComplaintService complaints, List<SubjectAccessPart> parts, AuditLog audit,
                  JsonMapper json) {
        this.retention = retention;
        this.complaints = complaints;
        this.parts = parts;
        this.audit = audit;
        this.json = json;
    }

    /** The export: its file name and the zip. */
    public record Export(String fileName, byte[] zip, int cases) {
    }

    /**
     * Exports the given cases (404 when one is not the tenant's, 400 when none is given).
     *
     * @param actor the user name of the privacy officer, for the logboek
     */
    @Transactional
    public Export export(Tenant tenant, Viewer viewer, List<Long> ids, String actor) {
        List<Retention.SubjectCase> selected = retention.cases(tenant, ids);
        LocalDate today = complaints.today();
        List<CaseView> cases = new ArrayList<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Retention.SubjectCase s : selected) {
            // need-to-know holds for the export too: the person complained about exports nothing of that case
            CaseView c = complaints.get(tenant, viewer, new ComplaintId(s.id()), today);
            cases.add(c);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dossier", c);
            entry.put("bewaring", retention.state(tenant, new ComplaintId(s.id())));
            entries.add(entry);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, names, "LEESMIJ.txt", readme(tenant, today, cases.size()).getBytes(StandardCharsets.UTF_8));
            put(zip, names, "dossiers.json", json.writeValueAsBytes(entries));
            for (SubjectAccessPart part : parts) {
                for (SubjectAccessPart.File f : part.files(tenant, cases)) {
                    put(zip, names, f.path(), f.content());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(tenant.id(), actor, "SUBJECT_ACCESS_EXPORTED", cases.size() + " dossier(s)",
                "Inzageverzoek (AVG art. 15): export van " + String.join(", ",
                        cases.stream().map(CaseView::reference).toList()) + " (" + bytes.size() + " bytes)");
        return new Export(tenant.profile().slug() + "-inzage-" + today + ".zip", bytes.toByteArray(), cases.size());
    }

    private static void put(ZipOutputStream zip, Set<String> names, String path, byte[] content) throws IOException {
        // Two parts naming the same file: the second gets a number, nothing is lost.
        String name = path;
        for (int i = 2; !names.add(name); i++) {
            int dot = path.lastIndexOf('.');
            name = dot > 0 ? path.substring(0, dot) + "-" + i + path.substring(dot) : path + "-" + i;
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(Tenant tenant, LocalDate today, int count) {
        return "Inzage in persoonsgegevens (AVG artikel 15)\n"
                + "Organisatie: " + tenant.profile().name() + "\n"
                + "Samengesteld op: " + today + "\n"
                + "Aantal dossiers: " + count + "\n\n"
                + "dossiers.json: elk dossier zoals het is vastgelegd: de klacht bij ontvangst, de stappen (tijdlijn),\n"
                + "de termijnen en verplichtingen, en of het dossier is geanonimiseerd of juridisch geblokkeerd.\n"
                + "brieven/: de brieven die aan de klager zijn verstuurd, als PDF.\n";
    }
}
