package nl.klachtenregie.audit.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.audit.CaseReads;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.web.Option;
import nl.klachtenregie.web.OwnTenant;

/**
 * Inzagelog (NEN 7513) for the kwaliteitsmanager: who read which case, when and how, for one user or one case over a
 * period. Names and case references only; no internal ids, no ISO timestamps on the page.
 */
@Controller("/t/{tenant}/inzagelog")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"COMPLIANCE"})
class AccessLogController {

    /** Reads shown at most; narrow the period or pick a user or case for more. */
    static final int LIMIT = 500;

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    /** One read as people read it. */
    record Row(String at, @Nullable String who, @Nullable String reference, @Nullable String caseUrl, String what) {
    }

    /** The page: the filter as asked, its errors, and the reads found. */
    record AccessLogPage(String tenant, List<Option> users, String caseRef, String from, String to, String fromText,
                         String toText, Map<String, String> errors, List<Row> reads, int count, boolean truncated,
                         boolean asked) {
        public String nav() {
            return "inzagelog";
        }
    }

    private final CaseReads reads;
    private final TenantDirectory tenants;
    private final UserDirectory users;

    private final java.time.Clock clock;

    AccessLogController(CaseReads reads, TenantDirectory tenants, UserDirectory users, java.time.Clock clock) {
        this.clock = clock;
        this.reads = reads;
        this.tenants = tenants;
        this.users = users;
    }

    @Get
    ModelAndView<AccessLogPage> show(@PathVariable String tenant, @Nullable @QueryValue String user,
                                     @Nullable @QueryValue("case") String caseRef, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        LocalDate today = clock.instant().atZone(NETHERLANDS).toLocalDate();
        FieldErrors errors = new FieldErrors();
        LocalDate fromDay = errors.optionalDate("from", from);
        LocalDate toDay = errors.optionalDate("to", to);
        fromDay = fromDay == null ? today.minusDays(30) : fromDay;
        toDay = toDay == null ? today : toDay;
        Map<String, String> problems = new LinkedHashMap<>();
        if (toDay.isBefore(fromDay)) {
            problems.put("to", "to");
        }
        List<UserAccount> accounts = users.ofTenant(t.id());
        Long userId = null;
        if (user != null && !user.isBlank()) {
            userId = accounts.stream().filter(u -> String.valueOf(u.id().value()).equals(user.strip())
                    || u.username().equalsIgnoreCase(user.strip())).map(u -> u.id().value()).findFirst().orElse(null);
            if (userId == null) {
                problems.put("user", "user");
            }
        }
        Long caseId = null;
        String ref = caseRef == null ? "" : caseRef.strip();
        if (!ref.isEmpty()) {
            caseId = reads.caseByReference(t.id(), ref).orElse(null);
            if (caseId == null) {
                problems.put("case", "case");
            }
        }
        try {
            errors.throwIfAny();
        } catch (nl.klachtenregie.shared.InvalidInputException e) {
            e.fieldErrors().keySet().forEach(k -> problems.put(k, "date"));
        }
        List<Row> rows = new ArrayList<>();
        boolean truncated = false;
        if (problems.isEmpty()) {
            List<CaseReads.Read> found = reads.reads(t.id(), userId, caseId, fromDay, toDay, LIMIT + 1);
            truncated = found.size() > LIMIT;
            found.stream().limit(LIMIT).forEach(r -> rows.add(new Row(r.at().atZone(NETHERLANDS).format(MOMENT),
                    r.userName(), r.reference(), r.reference() == null ? null
                    : "/t/" + t.slug() + "/klachten/" + r.complaintId(), r.what().name())));
        }
        Long chosen = userId;
        List<Option> userOptions = new ArrayList<>();
        userOptions.add(new Option("", "", chosen == null));
        accounts.forEach(u -> userOptions.add(new Option(u.username(), u.displayName(),
                chosen != null && chosen == u.id().value())));
        return new ModelAndView<>("access-log", new AccessLogPage(t.slug(), userOptions, ref, fromDay.toString(),
                toDay.toString(), fromDay.format(DAY), toDay.format(DAY), problems.isEmpty() ? null : problems, rows, rows.size(),
                truncated, user != null || caseRef != null || from != null || to != null));
    }
}
