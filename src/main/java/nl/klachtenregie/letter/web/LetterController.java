package nl.klachtenregie.letter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.letter.LetterId;
import nl.klachtenregie.letter.LetterKind;
import nl.klachtenregie.letter.LetterPdf;
import nl.klachtenregie.letter.LetterService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.shared.Text;

/**
 * Brieven bij een klacht: issuing a letter from the case page, and downloading one as PDF. The tenant in the path
 * is the user's own (TenantAccessRule); the case and the letter are looked up within it.
 */
@Controller("/t/{tenant}/klachten/{id}/brieven")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
// Rendering the PDF and JDBC block: keep them off the Netty event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
class LetterController {

    private static final String PDF_SUFFIX = ".pdf";

    private final TenantDirectory tenants;
    private final LetterService letters;
    private final nl.klachtenregie.complaint.CaseVisibility visibility;

    LetterController(TenantDirectory tenants, LetterService letters,
                     nl.klachtenregie.complaint.CaseVisibility visibility) {
        this.tenants = tenants;
        this.letters = letters;
        this.visibility = visibility;
    }

    /** Issues a letter of the posted {@code kind} and returns to the letters on the case page. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"STAFF", "MANAGER"})
    HttpResponse<?> issue(@PathVariable String tenant, @PathVariable String id,
                          @Nullable @Body Map<String, String> form, Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        ComplaintId complaint = ComplaintId.parse(id);
        LetterKind kind = kind(form == null ? null : form.get("kind"));
        CurrentUser me = CurrentUser.of(authentication);
        letters.issue(t, visibility.viewer(t, me), complaint, kind, me.id());
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/klachten/" + complaint.value() + "#letters"));
    }

    /** The letter as issued; {@code file} is {@code <letterId>.pdf}. */
    @Get("/{file}")
    @Produces({"application/pdf", MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Secured({"STAFF", "MANAGER", "COMPLIANCE"})
    HttpResponse<byte[]> download(@PathVariable String tenant, @PathVariable String id, @PathVariable String file,
                                  Authentication authentication) {
        Tenant t = tenants.resolve(tenant);
        ComplaintId complaint = ComplaintId.parse(id);
        if (!file.endsWith(PDF_SUFFIX)) {
            throw new NotFoundException(Text.of("error.letter.notOfCase"));
        }
        LetterId letterId = new LetterId(positive(file.substring(0, file.length() - PDF_SUFFIX.length()), "letter"));
        LetterPdf pdf = letters.pdf(t, visibility.viewer(t, CurrentUser.of(authentication)), complaint, letterId)
                .orElseThrow(() -> new NotFoundException(Text.of("error.letter.notOfCase")));
        return HttpResponse.ok(pdf.content()).contentType(MediaType.of("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pdf.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static long positive(String value, String field) {
        try {
            long v = Long.parseLong(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of(field, "'" + value + "' is geen geldig nummer");
    }

    private static LetterKind kind(String value) {
        if (value != null) {
            for (LetterKind k : LetterKind.values()) {
                if (k.name().equals(value)) {
                    return k;
                }
            }
        }
        throw InvalidInputException.of("kind", "kies een soort brief: " + Arrays.toString(LetterKind.values()));
    }
}
