package nl.klachtenregie.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klachtenregie.complaint.CaseVisibility;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.StaffDirectory;
import nl.klachtenregie.complaint.Viewer;
import nl.klachtenregie.notification.DeadlineWatch;
import nl.klachtenregie.notification.Outbox;
import nl.klachtenregie.notification.OutboxMessage;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.support.Html;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Need-to-know (issue 16; AVG art. 5 lid 1 f, NEN 7510): a confidential case is seen only by its handler, the
 * leidinggevende, the kwaliteitsmanager and users added by name; the person a complaint is about never sees it,
 * cannot handle it and gets none of its reminders. Checked on the pages, the API, the lists and search, the
 * dashboard's attention list, letters and the registers exports are made of.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowAccessTest extends PageTestSupport {

    private static final String T = "iederzijnwerk";
    private static final String HANDLER = "iederzijnwerk.medewerker";
    private static final String COLLEAGUE = "iederzijnwerk.collega";
    private static final String CONCERNED = "iederzijnwerk.betrokkene";
    private static final String NAMED = "iederzijnwerk.toegang";
    private static final String MANAGER = "iederzijnwerk.leidinggevende";
    private static final String COMPLIANCE = "iederzijnwerk.kwaliteit";

    @Inject
    UserDirectory users;
    @Inject
    TenantDirectory tenants;
    @Inject
    StaffDirectory staff;
    @Inject
    ComplaintService complaints;
    @Inject
    CaseVisibility visibility;
    @Inject
    ComplaintRegister registers;
    @Inject
    DeadlineWatch watch;
    @Inject
    Outbox outbox;
    @Inject
    ProfileService profiles;
    @Inject
    MovableClock clock;

    private long concernedStaffId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    @BeforeAll
    void people() {
        clock.set("2026-11-02");
        Tenant t = tenants.resolve(T);
        users.create(t.id(), COLLEAGUE, "Cor Collega", DEMO_PASSWORD, Set.of(Role.STAFF));
        UserAccount concerned = users.create(t.id(), CONCERNED, "Bea Betrokken", DEMO_PASSWORD,
                Set.of(Role.STAFF, Role.MANAGER));
        users.setEmail(t.id(), concerned.id(), "bea@iederzijnwerk.example");
        users.create(t.id(), NAMED, "Toos Toegang", DEMO_PASSWORD, Set.of(Role.STAFF));
        concernedStaffId = staff.create(t, new StaffDirectory.Entry("Bea Betrokken", "Ambulant team Zwolle",
                concerned.id().value(), true), "test").id();
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().id().value();
    }

    private long newCase(boolean confidential, Long concernsStaffId, String handler) {
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-11-02");
        body.put("confidential", confidential);
        if (concernsStaffId != null) {
            body.put("concernsStaffId", concernsStaffId);
        }
        long caseId = ((Number) createComplaint(T, body).get("id")).longValue();
        if (handler != null) {
            complaints.assign(tenants.resolve(T), new ComplaintId(caseId), new UserId(id(handler)), null);
        }
        return caseId;
    }

    private String reference(long caseId) {
        return complaints.get(tenants.resolve(T), Viewer.SYSTEM, new ComplaintId(caseId), null).reference();
    }

    private int pageStatus(String user, long caseId) {
        return as(user).get("/t/" + T + "/klachten/" + caseId).status();
    }

    private int apiStatus(String user, long caseId) {
        return sendAs(user, HttpRequest.GET("/api/tenants/" + T + "/complaints/" + caseId)).status();
    }

    private final Map<String, PageSession> sessions = new HashMap<>();

    /** One signed-in session per user for the whole class: logging in is the slow part. */
    private PageSession as(String user) {
        return sessions.computeIfAbsent(user, this::loggedInAs);
    }

    private String apiList(String user) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/tenants/" + T + "/complaints?limit=500")
                .basicAuth(user, DEMO_PASSWORD), String.class);
    }

    private boolean listed(String user, long caseId) {
        // The reference itself, not the start of a longer one (IEDE-2026-0001 is not IEDE-2026-0010).
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(reference(caseId))
                + "(?!\\d)");
        PageSession s = as(user);
        // The table only: the search box repeats what was searched for.
        boolean inList = ref.matcher(Html.first(s.get("/t/" + T + "/klachten").body(), "#case-list")
                .map(Html.Element::inner).orElse("")).find();
        boolean inSearch = ref.matcher(Html.first(s.get("/t/" + T + "/klachten?q=" + enc(reference(caseId))).body(),
                "#case-list").map(Html.Element::inner).orElse("")).find();
        boolean inWork = ref.matcher(s.get("/t/" + T + "/werk").body()).find();
        boolean inApi = ref.matcher(apiList(user)).find();
        return inList || inSearch || inApi || inWork;
    }

    @Test
    void aConfidentialCaseDoesNotExistForAnotherMedewerker() {
        long c = newCase(true, null, HANDLER);
        assertEquals(404, pageStatus(COLLEAGUE, c), "case page");
        assertEquals(404, apiStatus(COLLEAGUE, c), "API");
        assertFalse(listed(COLLEAGUE, c), "list, search and API list");
        // The count does not give it away either: the colleague's list counts only what it shows.
        Page list = as(COLLEAGUE).get("/t/" + T + "/klachten?q=" + enc(reference(c)));
        assertTrue(Html.one(list.body(), "#case-count").text().startsWith("0"), list.body());
        // Writing to it is the same 404.
        assertEquals(404, sendAs(COLLEAGUE, HttpRequest.POST("/api/tenants/" + T + "/complaints/" + c + "/events",
                ev("ACKNOWLEDGED", "2026-11-02"))).status());
    }

    @Test
    void aConfidentialCaseIsSeenByItsHandlerTheManagerTheQualityManagerAndWhoeverIsAddedByName() {
        long c = newCase(true, null, HANDLER);
        assertEquals(200, pageStatus(HANDLER, c));
        assertEquals(200, apiStatus(HANDLER, c));
        assertTrue(listed(HANDLER, c));
        assertEquals(200, pageStatus(MANAGER, c));
        assertEquals(200, pageStatus(COMPLIANCE, c));
        assertEquals(200, apiStatus(COMPLIANCE, c));
        assertEquals(404, pageStatus(NAMED, c), "not yet added");

        // The handler adds Toos by name on the case page.
        PageSession handler = as(HANDLER);
        Page page = handler.get("/t/" + T + "/klachten/" + c);
        Html.Element add = Html.one(page.body(), "form#access-add");
        Map<String, String> values = new java.util.LinkedHashMap<>(add.formValues());
        values.put("user", String.valueOf(id(NAMED)));
        Page added = handler.postRaw(add.attr("action"), values);
        assertEquals(303, added.status(), added.body());
        assertEquals(200, pageStatus(NAMED, c));
        assertTrue(listed(NAMED, c));
        assertTrue(handler.get("/t/" + T + "/klachten/" + c).body().contains("Toos Toegang"));
        assertEquals(404, pageStatus(COLLEAGUE, c), "the others still do not see it");

        // And removes her again.
        Html.Element remove = Html.one(handler.get("/t/" + T + "/klachten/" + c).body(),
                "#access-granted form");
        assertEquals(303, handler.postRaw(remove.attr("action"), remove.formValues()).status());
        assertEquals(404, pageStatus(NAMED, c));
    }

    @Test
    void aColleagueCannotGiveAccessToACaseTheyDoNotHandle() {
        long c = newCase(true, null, HANDLER);
        PageSession colleague = as(COLLEAGUE);
        colleague.get("/t/" + T + "/klachten");
        Page p = colleague.post("/t/" + T + "/klachten/" + c + "/toegang", Map.of("user", String.valueOf(id(COLLEAGUE))));
        assertEquals(404, p.status());
        assertEquals(404, pageStatus(COLLEAGUE, c));
    }

    @Test
    void thePersonComplainedAboutGets404EverywhereWhateverTheirRole() {
        long c = newCase(false, concernedStaffId, HANDLER);
        assertEquals(404, pageStatus(CONCERNED, c), "case page");
        assertEquals(404, apiStatus(CONCERNED, c), "API");
        assertFalse(listed(CONCERNED, c), "list, search and API list");
        // Others see it, with the directory's name.
        assertEquals(200, pageStatus(COLLEAGUE, c));
        Page seen = as(MANAGER).get("/t/" + T + "/klachten/" + c);
        assertEquals("Bea Betrokken", Html.one(seen.body(), "#concerns-employee").text());
        assertTrue(Html.select(seen.body(), "#not-in-directory").isEmpty());
    }

    @Test
    void thePersonComplainedAboutDoesNotSeeTheCaseInTheDashboardsAttentionList() {
        long c = newCase(false, concernedStaffId, HANDLER);
        String ref = reference(c);
        String other = as(MANAGER).get("/t/" + T + "/dashboard").body();
        assertTrue(other.contains(ref), "the other manager's attention list shows the case");
        String own = as(CONCERNED).get("/t/" + T + "/dashboard").body();
        assertFalse(own.contains(ref), "the person concerned's does not");
    }

    @Test
    void lettersOfAHiddenCaseAre404() {
        long c = newCase(true, concernedStaffId, HANDLER);
        PageSession handler = as(HANDLER);
        Page page = handler.get("/t/" + T + "/klachten/" + c);
        Html.Element form = Html.one(page.body(), "form.letter-form[data-kind=ACKNOWLEDGEMENT]");
        assertEquals(303, handler.postRaw(form.attr("action"), form.formValues()).status());
        String pdf = Html.one(handler.get("/t/" + T + "/klachten/" + c).body(), "a.letter-pdf").attr("href");
        assertEquals(200, handler.download(pdf).statusCode());
        assertEquals(404, as(COLLEAGUE).get(pdf).status(), "confidential: another medewerker");
        assertEquals(404, as(CONCERNED).get(pdf).status(), "the person complained about");
        // Nor can they make one.
        PageSession colleague = as(COLLEAGUE);
        colleague.get("/t/" + T + "/klachten");
        assertEquals(404, colleague.post("/t/" + T + "/klachten/" + c + "/brieven",
                Map.of("kind", "ACKNOWLEDGEMENT")).status());
    }

    @Test
    void registersForExportsLeaveOutWhatTheViewerMayNotSee() {
        long confidential = newCase(true, null, HANDLER);
        long aboutBea = newCase(false, concernedStaffId, HANDLER);
        Tenant t = tenants.resolve(T);
        java.util.function.Function<String, List<Long>> rows = user -> {
            UserAccount u = users.findByUsername(user).orElseThrow();
            Viewer v = visibility.viewer(t, new CurrentUser(u.id(), u.username(), u.displayName(), T, u.roles()));
            return registers.register(t.id(), v, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                    LocalDate.parse("2026-11-02"), ComplaintRegister.Variant.FULL,
                    ComplaintRegister.Selection.RECEIVED).rows().stream().map(ComplaintRegister.Row::id).toList();
        };
        assertTrue(rows.apply(COMPLIANCE).containsAll(List.of(confidential, aboutBea)));
        assertFalse(rows.apply(CONCERNED).contains(aboutBea));
        assertTrue(rows.apply(CONCERNED).contains(confidential), "a manager sees confidential cases");
        assertFalse(rows.apply(COLLEAGUE).contains(confidential));
        assertTrue(rows.apply(COLLEAGUE).contains(aboutBea));
    }

    @Test
    void thePersonComplainedAboutCannotBeAssignedAsHandlerForImpartiality() {
        long c = newCase(false, concernedStaffId, null);
        Tenant t = tenants.resolve(T);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> complaints.assign(t,
                new ComplaintId(c), new UserId(id(CONCERNED)), null));
        assertTrue(e.fieldErrors().get("handler").contains("onpartijdig"), e.fieldErrors().toString());
        // Not offered on the page either, and a post of it is refused with the reason.
        PageSession manager = as(MANAGER);
        Page page = manager.get("/t/" + T + "/klachten/" + c);
        Html.Element assign = Html.one(page.body(), "form#assign-form");
        assertFalse(assign.inner().contains("Bea Betrokken"), "not offered as handler");
        Map<String, String> values = new java.util.LinkedHashMap<>(assign.formValues());
        values.put("handler", String.valueOf(id(CONCERNED)));
        Page refused = manager.postRaw(assign.attr("action"), values);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("onpartijdig"), refused.body());
        // Registering it with her as handler is refused the same way.
        Map<String, Object> body = complaint("FORMAL", "LETTER", "2026-11-02");
        body.put("concernsStaffId", concernedStaffId);
        assertThrows(InvalidInputException.class, () -> complaints.create(t, new nl.klachtenregie.complaint.NewComplaint(
                nl.klachtenregie.complaint.ComplaintKind.FORMAL, nl.klachtenregie.complaint.Channel.LETTER,
                LocalDate.parse("2026-11-02"), null, new nl.klachtenregie.complaint.Complainant("K. Lager",
                nl.klachtenregie.complaint.ComplainantRole.CLIENT, "k@example.org", null, null, null),
                "Zij was onvriendelijk.", "BEJEGENING", null, null, false, false, false, null, concernedStaffId),
                new UserId(id(CONCERNED))));
    }

    @Test
    void thePersonComplainedAboutIsNotSentTheCasesReminders() {
        Tenant t = tenants.resolve(T);
        TenantProfile.Notifications n = new TenantProfile.Notifications("servicedesk@iederzijnwerk.example",
                "directie@iederzijnwerk.example", Map.of(), List.of(3));
        profiles.update(t, t.profile().withNotifications(n), "test");
        // Assigned to Bea before the directory linked her to the employee the complaint is about.
        long other = staff.create(tenants.resolve(T), new StaffDirectory.Entry("B. Betrokken", null, null, true),
                "test").id();
        clock.set("2026-11-02");
        long c = newCase(false, other, CONCERNED);
        staff.update(tenants.resolve(T), other, new StaffDirectory.Entry("B. Betrokken", null, id(CONCERNED), true),
                "test");
        clock.set("2026-11-06");
        watch.run();
        List<OutboxMessage> reminders = outbox.ofComplaint(tenants.resolve(T), c).stream()
                .filter(m -> m.kind().name().equals("REMINDER")).toList();
        assertFalse(reminders.isEmpty(), "a reminder is due three days before the acknowledgement");
        reminders.forEach(m -> assertNotEquals("bea@iederzijnwerk.example", m.recipient()));
        clock.set("2026-11-02");
    }
}
