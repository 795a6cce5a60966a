package nl.klachtenregie.publicform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import nl.klachtenregie.security.ClientAddress;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.complaint.TermPreview;
import nl.klachtenregie.publicform.ComplainantCopy;
import nl.klachtenregie.publicform.FormTokens;
import nl.klachtenregie.publicform.PublicFormInput;
import nl.klachtenregie.publicform.PublicIntake;
import nl.klachtenregie.publicform.PublicSubmission;
import nl.klachtenregie.publicform.SenderAddress;
import nl.klachtenregie.publicform.StatusLinks;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.shared.Messages;

/**
 * Het klachtformulier en de statuslink: the only pages anyone can use without logging in. The path variable is the
 * {@code slug}, not {@code tenant}, on purpose: these pages belong to no user's tenant, so the tenant isolation rule
 * must not apply to them. The post carries no CSRF token (there is no session to ride on); the signed form token
 * stands in for it.
 */
@Controller("/klacht/{slug}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicFormController {

    private static final Logger LOG = LoggerFactory.getLogger(PublicFormController.class);
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final PublicIntake intake;
    private final FormTokens tokens;
    private final PublicSubmission submission;
    private final StatusLinks links;
    private final TenantDirectory tenants;
    private final PublicFormPages pages;
    private final Messages messages;
    private final ClientAddress clientAddress;
    private final ComplainantCopy copies;

    PublicFormController(PublicIntake intake, FormTokens tokens, PublicSubmission submission, StatusLinks links,
                         TenantDirectory tenants, PublicFormPages pages, Messages messages,
                         ClientAddress clientAddress, ComplainantCopy copies) {
        this.intake = intake;
        this.tokens = tokens;
        this.submission = submission;
        this.links = links;
        this.tenants = tenants;
        this.pages = pages;
        this.messages = messages;
        this.clientAddress = clientAddress;
        this.copies = copies;
    }

    @Get
    HttpResponse<?> form(@PathVariable String slug, HttpRequest<?> request) {
        Optional<Tenant> open = intake.openForm(slug);
        if (open.isEmpty()) {
            throw formNotFound();
        }
        Tenant tenant = open.get();
        List<TermPreview> promises;
        try {
            promises = intake.promises(tenant);
        } catch (NoRegulationInForceException e) {
            // Without a regulation in force no complaint can be registered: the form is not in use yet.
            throw formNotFound();
        } catch (RuleEvaluationException e) {
            LOG.error("Public form of {}: the regulation could not be evaluated", slug, e);
            throw new PublicPages.Refusal(HttpStatus.SERVICE_UNAVAILABLE, tenant, "publicform.unavailable.title",
                    "publicform.unavailable.text");
        }
        PublicFormInput empty = PublicFormInput.empty().withToken(tokens.issue(tenant.id()));
        return formResponse(HttpStatus.OK, tenant, empty, promises, locale(request), Map.of(), null, List.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@PathVariable String slug, @Nullable @Body Map<String, String> posted,
                           HttpRequest<?> request) {
        Optional<Tenant> open = intake.openForm(slug);
        if (open.isEmpty()) {
            throw formNotFound();
        }
        Tenant tenant = open.get();
        Locale locale = locale(request);
        // The sender as the login lock-out counts it (ClientAddress): behind a proxy the header
        // micronaut.server.client-address-header names, else the connection's own address.
        PublicSubmission.Outcome outcome = submission.submit(tenant, posted, new SenderAddress(clientAddress.of(request)));
        // Java 17 has no pattern switch: one instanceof per outcome of the sealed set, in its declared order.
        if (outcome instanceof PublicSubmission.Receipt r) {
            return privateResponse(HttpStatus.OK, new ModelAndView<>("public-receipt", pages.receipt(tenant, r.receipt())));
        }
        if (outcome instanceof PublicSubmission.NotSent n) {
            return again(HttpStatus.BAD_REQUEST, tenant, n.input(), locale, Map.of(),
                    text(locale, "publicform.notice.notSent"));
        }
        if (outcome instanceof PublicSubmission.Invalid i) {
            return formResponse(HttpStatus.BAD_REQUEST, tenant, i.input(), promisesOrNone(tenant), locale, i.problems(),
                    null, i.others());
        }
        if (outcome instanceof PublicSubmission.TokenProblem p) {
            String notice = switch (p.kind()) {
                case INVALID -> "publicform.notice.tokenInvalid";
                case EXPIRED -> "publicform.notice.tokenExpired";
                case TOO_FAST -> "publicform.notice.tooFast";
            };
            return again(HttpStatus.BAD_REQUEST, tenant, p.input(), locale, p.problems(), text(locale, notice));
        }
        if (outcome instanceof PublicSubmission.AlreadySent a) {
            return again(HttpStatus.CONFLICT, tenant, a.input(), locale, Map.of(),
                    text(locale, "publicform.notice.alreadySent", a.reference()));
        }
        if (outcome instanceof PublicSubmission.TooMany t) {
            String at = t.retryAt().atZone(NETHERLANDS).format(HOUR_MINUTE);
            String contact = pages.contactLine(tenant, locale);
            String notice = text(locale, "publicform.notice.tooMany", t.maxPerHour(), at)
                    + (contact.isEmpty() ? "" : " " + text(locale, "publicform.notice.orContact", contact));
            return again(HttpStatus.TOO_MANY_REQUESTS, tenant, t.input(), locale, Map.of(), notice)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds()));
        }
        if (outcome instanceof PublicSubmission.Refused r) {
            return formResponse(HttpStatus.UNPROCESSABLE_ENTITY, tenant, r.input(), promisesOrNone(tenant), locale,
                    Map.of(), text(locale, "publicform.notice.refused"), r.reasons());
        }
        if (outcome instanceof PublicSubmission.Unavailable u) {
            return again(HttpStatus.SERVICE_UNAVAILABLE, tenant, u.input(), locale, Map.of(),
                    text(locale, "publicform.notice.unavailable"));
        }
        throw new IllegalStateException("Unmapped outcome of the public form: " + outcome);
    }

    @Get("/status/{token}")
    HttpResponse<?> status(@PathVariable String slug, @PathVariable String token, HttpRequest<?> request) {
        // The link keeps working when the form itself is closed later: it belongs to a complaint already made.
        Optional<Tenant> found = TenantProfile.isValidSlug(slug) ? tenants.find(slug) : Optional.empty();
        if (found.isEmpty()) {
            throw new PublicPages.Refusal(HttpStatus.NOT_FOUND, null, "publicform.link.unknown.title",
                    "publicform.link.unknown.text");
        }
        Tenant tenant = found.get();
        StatusLinks.Opened opened = links.open(tenant, token);
        return switch (opened.state()) {
            case UNKNOWN -> throw new PublicPages.Refusal(HttpStatus.NOT_FOUND, tenant, "publicform.link.unknown.title",
                    "publicform.link.unknown.text");
            case EXPIRED -> throw new PublicPages.Refusal(HttpStatus.GONE, tenant, "publicform.link.expired.title",
                    "publicform.link.expired.text");
            case VALID -> privateResponse(HttpStatus.OK, new ModelAndView<>("public-status",
                    pages.status(tenant, opened.status(), opened.expiresOn(), request.getPath())));
        };
    }

    /**
     * Kopie voor de klager: the complaint as registered and the letters sent, as one PDF (AVG art. 15), in the page's
     * language. The same link rules as the status page: an unknown link 404, an expired one 410.
     */
    @Get("/status/{token}/kopie.pdf")
    @Produces("application/pdf")
    HttpResponse<?> copy(@PathVariable String slug, @PathVariable String token, HttpRequest<?> request) {
        Optional<Tenant> found = TenantProfile.isValidSlug(slug) ? tenants.find(slug) : Optional.empty();
        if (found.isEmpty()) {
            throw new PublicPages.Refusal(HttpStatus.NOT_FOUND, null, "publicform.link.unknown.title",
                    "publicform.link.unknown.text");
        }
        Tenant tenant = found.get();
        StatusLinks.Lookup link = links.find(tenant, token);
        return switch (link.state()) {
            case UNKNOWN -> throw new PublicPages.Refusal(HttpStatus.NOT_FOUND, tenant, "publicform.link.unknown.title",
                    "publicform.link.unknown.text");
            case EXPIRED -> throw new PublicPages.Refusal(HttpStatus.GONE, tenant, "publicform.link.expired.title",
                    "publicform.link.expired.text");
            case VALID -> {
                ComplainantCopy.Copy copy = copies.of(tenant, link.complaintId(), locale(request));
                yield PublicPages.asPrivate(HttpResponse.ok(copy.pdf()).contentType("application/pdf")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + copy.fileName() + "\"")
                        .header("X-Content-Type-Options", "nosniff"));
            }
        };
    }

    private MutableHttpResponse<?> again(HttpStatus status, Tenant tenant, PublicFormInput input, Locale locale,
                                         Map<String, PublicFormInput.Problem> problems, String notice) {
        return formResponse(status, tenant, input, promisesOrNone(tenant), locale, problems, notice, List.of());
    }

    private MutableHttpResponse<?> formResponse(HttpStatus status, Tenant tenant, PublicFormInput input,
                                                List<TermPreview> promises, Locale locale,
                                                Map<String, PublicFormInput.Problem> problems, String notice,
                                                List<String> refused) {
        // Never stored by a browser or proxy: the page carries a form token, and a token shared between two people
        // would make their complaints one submission.
        return HttpResponse.status(status).body(new ModelAndView<>("public-form", pages.form(tenant, input, promises,
                        intake.today(), locale, problems, notice, refused)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private List<TermPreview> promisesOrNone(Tenant tenant) {
        try {
            return intake.promises(tenant);
        } catch (NoRegulationInForceException | RuleEvaluationException e) {
            return List.of();
        }
    }

    /** The receipt and the status pages show a private link: not stored, not passed on, not indexed. */
    private static MutableHttpResponse<?> privateResponse(HttpStatus status, ModelAndView<?> view) {
        return PublicPages.asPrivate(HttpResponse.status(status).body(view));
    }

    /** Unknown and closed forms look the same: the answer names no tenant. */
    private static PublicPages.Refusal formNotFound() {
        return new PublicPages.Refusal(HttpStatus.NOT_FOUND, null, "publicform.unknown.title",
                "publicform.unknown.text");
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    private static Locale locale(HttpRequest<?> request) {
        return LayoutModelProcessor.locale(request);
    }
}
