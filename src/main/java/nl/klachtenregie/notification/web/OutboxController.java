package nl.klachtenregie.notification.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.klachtenregie.notification.DeliveryState;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.TokenForm;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.web.Option;
import nl.klachtenregie.shared.Text;

/**
 * Berichten (postvak uit): every e-mail the product sent or kept for the tenant, newest first, with a filter on
 * the delivery state, one message in full, and sending a failed one again. For those who set the addresses
 * (beheerder) and those who oversee the procedure (kwaliteitsmanager, leidinggevende, directie); a handler sees the
 * messages of a case on its page. The tenant is the signed-in user's own; an id of another tenant is not found.
 */
@Controller("/t/{tenant}/berichten")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "COMPLIANCE", "MANAGER", "DIRECTOR"})
class OutboxController {

    static final int PAGE_SIZE = 50;
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    /**
     * A complainant's private status link (/klacht/&lt;slug&gt;/status/&lt;token&gt;): whoever has it sees the case, and
     * staff never need it, so its token is not shown to them.
     */
    private static final Pattern STATUS_LINK = Pattern.compile("(/klacht/[^/\\s]+/status/)[^\\s]+");

    /**
     * Messages addressed to the complainant: their address, and in the text their name and what they wrote, are the
     * complainant's personal data. Only who reads the case reads them here (need to know: the same roles as the
     * case pages); the others see that such a message exists, its state and its case number, not its content.
     */
    static final java.util.Set<MessageKind> TO_COMPLAINANT = java.util.EnumSet.of(MessageKind.ACKNOWLEDGEMENT);

    /**
     * One message as the list and the detail page show it; {@code hidden}: the complainant's data is not shown to
     * this reader (recipient null, body and error withheld).
     */
    record Row(long id, LocalDate queuedOn, MessageKind kind, @Nullable String recipient, String subject,
               DeliveryState state, int attempts, @Nullable String lastError, @Nullable String sentAt,
               @Nullable Long complaintId, boolean hidden) {
    }

    /** View model of the list. */
    record ListPage(String tenant, List<Row> messages, List<Option> states, @Nullable String status, long total,
                    int pageNumber, int pages, @Nullable String previousUrl, @Nullable String nextUrl,
                    boolean mailEnabled, long noRecipient, long failed) {
        public String nav() {
            return "berichten";
        }
    }

    /** View model of one message. */
    record MessagePage(String tenant, Row message, @Nullable String body, @Nullable String note, @Nullable String nextAttemptAt,
                       boolean retryable, boolean mailEnabled, boolean noRecipient, List<String> refused,
                       @Nullable String done) {
        public String nav() {
            return "berichten";
        }
    }

    private final TenantDirectory tenants;
    private final Outbox outbox;
    private final Messages messages;

    OutboxController(TenantDirectory tenants, Outbox outbox, Messages messages) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.messages = messages;
    }

    @Get
    ModelAndView<ListPage> list(@PathVariable String tenant, @Nullable @QueryValue String status,
                                @Nullable @QueryValue String page, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        FieldErrors errors = new FieldErrors();
        DeliveryState state = errors.optionalEnum("status", status, DeliveryState.class);
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            Object n = PageForms.number(page);
            if (n instanceof Long l && l >= 1 && l <= 100_000) {
                pageNumber = l.intValue();
            } else {
                errors.add("page", "'" + page + "' is geen paginanummer");
            }
        }
        errors.throwIfAny();
        Outbox.Page result = outbox.page(t, state, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Option> states = new ArrayList<>();
        states.add(Option.of("", state == null));
        for (DeliveryState s : DeliveryState.values()) {
            states.add(Option.of(s.name(), s == state));
        }
        // The banners count over all messages, whatever the filter shows.
        long noRecipient = state == DeliveryState.NO_RECIPIENT ? result.total()
                : outbox.page(t, DeliveryState.NO_RECIPIENT, 1, 0).total();
        long failed = state == DeliveryState.FAILED ? result.total()
                : outbox.page(t, DeliveryState.FAILED, 1, 0).total();
        return new ModelAndView<>("outbox", new ListPage(t.slug(),
                result.messages().stream().map(m -> row(m, me.readsCases())).toList(), states,
                state == null ? null : state.name(), result.total(), pageNumber, pages,
                pageNumber > 1 ? listUrl(t, state, Math.min(pageNumber - 1, pages)) : null,
                pageNumber < pages ? listUrl(t, state, pageNumber + 1) : null, result.mailEnabled(), noRecipient,
                failed));
    }

    @Get("/{id}")
    ModelAndView<MessagePage> show(@PathVariable String tenant, @PathVariable String id,
                                   @Nullable @QueryValue String gedaan, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        OutboxMessage m = outbox.get(t, messageId(id));
        return new ModelAndView<>("outbox-message", page(m, t, me, List.of(),
                "opnieuw".equals(gedaan) ? "notify.message.done.opnieuw" : null));
    }

    // The form posts only its CSRF token, which the interceptor checks before this runs.
    @Post("/{id}/opnieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(@PathVariable String tenant, @PathVariable String id, @Nullable @Body TokenForm form,
                          Authentication authentication, HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        long messageId = messageId(id);
        try {
            outbox.retry(t, messageId);
            return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/berichten/" + messageId + "?gedaan=opnieuw"));
        } catch (RefusedException e) {
            OutboxMessage now = outbox.get(t, messageId);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("outbox-message",
                    page(now, t, me, reasons(e, now, request), null)));
        }
    }

    /**
     * Why a message was not sent again, in the page's language: with e-mail off the outbox's own reason (it names
     * the setting), otherwise what the message's state now is; a page that was open a while may show a state that
     * no longer holds.
     */
    private List<String> reasons(RefusedException e, OutboxMessage now, HttpRequest<?> request) {
        if (!outbox.mailEnabled()) {
            return e.reasons(LayoutModelProcessor.locale(request));
        }
        return List.of(messages.get(LayoutModelProcessor.locale(request), "notify.retry.refused." + now.state()));
    }

    private MessagePage page(OutboxMessage m, Tenant t, CurrentUser me, List<String> refused, @Nullable String done) {
        Row row = row(m, me.readsCases());
        return new MessagePage(t.slug(), row, row.hidden() ? null : masked(m.body()),
                row.hidden() ? null : masked(m.note()),
                m.state() == DeliveryState.PENDING && m.nextAttemptAt() != null ? moment(m.nextAttemptAt()) : null,
                m.canRetry(), outbox.mailEnabled(), m.state() == DeliveryState.NO_RECIPIENT, refused, done);
    }

    private static Row row(OutboxMessage m, boolean readsCases) {
        boolean hidden = !readsCases && TO_COMPLAINANT.contains(m.kind());
        return new Row(m.id(), m.queuedOn(), m.kind(), hidden ? null : m.recipient(), masked(m.subject()), m.state(),
                m.attempts(), hidden ? null : masked(m.lastError()), m.sentAt() == null ? null : moment(m.sentAt()),
                m.complaintId(), hidden);
    }

    static String masked(String text) {
        return text == null ? null : STATUS_LINK.matcher(text).replaceAll("$1…");
    }

    private static String moment(Instant at) {
        return MOMENT.format(at.atZone(NETHERLANDS));
    }

    private static String listUrl(Tenant t, @Nullable DeliveryState state, int page) {
        StringBuilder url = new StringBuilder("/t/").append(t.slug()).append("/berichten?");
        if (state != null) {
            url.append("status=").append(URLEncoder.encode(state.name(), StandardCharsets.UTF_8)).append('&');
        }
        return url.append("page=").append(page).toString();
    }

    /** A message id from the path: anything but a positive number names no message. */
    private static long messageId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw new NotFoundException(Text.of("error.outbox.unknownMessage", String.valueOf(id)));
    }
}
