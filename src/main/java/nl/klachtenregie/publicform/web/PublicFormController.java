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
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.complaint.TermPreview;
import nl.klachtenregie.publicform.FormTokens;
import nl.klachtenregie.publicform.PublicIntake;
import nl.klachtenregie.publicform.StatusLinks;
import nl.klachtenregie.publicform.SubmissionLimit;
import nl.klachtenregie.publicform.WallClock;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
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
    private final SubmissionLimit limit;
    private final StatusLinks links;
    private final TenantDirectory tenants;
    private final PublicFormPages pages;
    private final Messages messages;
    private final WallClock clock;
    private final ClientAddress clientAddress;

    PublicFormController(PublicIntake intake, FormTokens tokens, SubmissionLimit limit, StatusLinks links,
                         TenantDirectory tenants, PublicFormPages pages, Messages messages, WallClock clock,
                         ClientAddress clientAddress) {
        this.intake = intake;
        this.tokens = tokens;
        this.limit = limit;
        this.links = links;
        this.tenants = tenants;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
        this.clientAddress = clientAddress;
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
        PublicFormInput input = PublicFormInput.from(posted);
        if (input.honeypotFilled()) {
            // Neutral on purpose: a robot learns nothing about what gave it away. Nothing is stored or counted.
            return again(HttpStatus.BAD_REQUEST, tenant, input.withToken(tokens.issue(tenant.id())), locale, Map.of(),
                    text(locale, "publicform.notice.notSent"));
        }
        FormTokens.Check token = tokens.check(tenant.id(), input.formToken());
        PublicFormInput.Checked checked = input.check(tenant.profile(), PublicIntake.kindOf(tenant), intake.today());
        switch (token.verdict()) {
            case MISSING, FORGED, OTHER_TENANT -> {
                return again(HttpStatus.BAD_REQUEST, tenant, input.withToken(tokens.issue(tenant.id())), locale,
                        checked.problems(), text(locale, "publicform.notice.tokenInvalid"));
            }
            case EXPIRED -> {
                return again(HttpStatus.BAD_REQUEST, tenant, input.withToken(tokens.issue(tenant.id())), locale,
                        checked.problems(), text(locale, "publicform.notice.tokenExpired"));
            }
            case TOO_FAST -> {
                // The same token: a person who reads the message and sends again is past the minimum by then.
                return again(HttpStatus.BAD_REQUEST, tenant, input, locale, checked.problems(),
                        text(locale, "publicform.notice.tooFast"));
            }
            case VALID -> {
                // checked below
            }
        }
        if (!checked.ok()) {
            return again(HttpStatus.BAD_REQUEST, tenant, input, locale, checked.problems(), null);
        }
        // A second post of a form that was stored (a double click, a reload) is no new submission: it neither counts
        // against the limit nor may the limit hide its receipt.
        Optional<String> earlier = intake.submittedAs(tenant, token.submissionId());
        if (earlier.isPresent() && !intake.sameAsSubmitted(tenant, token.submissionId(), checked.complaint())) {
            // The same form sent again with other content (Back, edit, send): a new complaint needs a new form.
            return again(HttpStatus.CONFLICT, tenant, input.withToken(tokens.issue(tenant.id())), locale, Map.of(),
                    text(locale, "publicform.notice.alreadySent", earlier.get()));
        }
        SubmissionLimit.Admission admission = earlier.isPresent() ? SubmissionLimit.Admission.ADMITTED
                : limit.admit(tenant.id(), senderAddress(request));
        if (!admission.admitted()) {
            String at = admission.retryAt().atZone(NETHERLANDS).format(HOUR_MINUTE);
            String contact = pages.contactLine(tenant, locale);
            String notice = text(locale, "publicform.notice.tooMany", limit.maxPerHour(), at)
                    + (contact.isEmpty() ? "" : " " + text(locale, "publicform.notice.orContact", contact));
            long seconds = Math.max(1, Duration.between(clock.now(), admission.retryAt()).toSeconds());
            return again(HttpStatus.TOO_MANY_REQUESTS, tenant, input, locale, Map.of(), notice)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        try {
            PublicIntake.Receipt receipt = intake.submit(tenant, checked.complaint(), token.submissionId());
            return privateResponse(HttpStatus.OK, new ModelAndView<>("public-receipt", pages.receipt(tenant, receipt)));
        } catch (RefusedException e) {
            return formResponse(HttpStatus.UNPROCESSABLE_ENTITY, tenant, input, promisesOrNone(tenant), locale,
                    Map.of(), text(locale, "publicform.notice.refused"), e.reasons());
        } catch (InvalidInputException e) {
            Map<String, PublicFormInput.Problem> problems = new LinkedHashMap<>();
            List<String> others = new java.util.ArrayList<>();
            e.fieldErrors().forEach((field, message) -> {
                String name = field.startsWith("complainant.") ? field.substring("complainant.".length()) : field;
                if (PublicFormInput.FIELDS.contains(name)) {
                    problems.put(name, new PublicFormInput.Problem("publicform.error.service", message));
                } else {
                    others.add(message);
                }
            });
            return formResponse(HttpStatus.BAD_REQUEST, tenant, input, promisesOrNone(tenant), locale, problems,
                    null, others);
        } catch (RuntimeException e) {
            // Rules that cannot run, a lock that timed out, a database that went away: the complainant keeps what
            // they wrote and is told to try again; nothing half-stored (the submission is one transaction).
            LOG.error("Public form of {}: the complaint could not be registered", slug, e);
            return again(HttpStatus.SERVICE_UNAVAILABLE, tenant, input, locale, Map.of(),
                    text(locale, "publicform.notice.unavailable"));
        }
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
     * The sender's address for the rate limit, counted as the login lock-out counts it ({@link ClientAddress}): behind
     * a proxy the header {@code micronaut.server.client-address-header} names, else the connection's own address.
     */
    private String senderAddress(HttpRequest<?> request) {
        return clientAddress.of(request);
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
