package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.klachtenregie.support.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.support.Html;

/**
 * The actions on the case detail page: each action the tenant's regulation offers is recorded by the signed-in
 * user and changes the obligations as the regulation says; refused actions show the regulation's reasons (422),
 * bad input its message (400), a stale page a conflict (409) that overwrites nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseActionPagesTest extends CasePagesTestSupport {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final LocalDate TODAY = LocalDate.parse(TestDatabase.TODAY);
    /** Recent enough that every term of every regulation is still running on TODAY. */
    private static final String RECEIVED = "2026-11-02";
    private static final String ACTION_DAY = "2026-11-05";
    private static final String STAFF = "medewerker";

    /**
     * Which duty an event fulfils, as every regulation's rules state it (Obligation(code, from, amount, unit,
     * satisfiedBy) in rules/<slug>/<version>/regulation.drl).
     */
    private static final Map<String, String> FULFILS = Map.of(
            "ACKNOWLEDGED", "ACKNOWLEDGE",
            "CONTACTED", "CONTACT",
            "PROGRESS_REPORTED", "PROGRESS_UPDATE",
            "MEETING_HELD", "MEETING",
            "DECIDED", "DECIDE",
            "SOLUTION_COMMUNICATED", "COMMUNICATE_SOLUTION",
            "DECLARED_NOT_ADMISSIBLE", "NOTIFY_NOT_ADMISSIBLE",
            "REPORT_RECORDED", "RECORD_REPORT",
            "MANAGEMENT_INFORMED", "INFORM_MANAGEMENT");

    /** External bodies whose referral does not end the organisation's own duties (the seeds' rules say so). */
    private static final java.util.Set<String> SUPPORTING_BODIES = java.util.Set.of(
            "iederzijnwerk:KPZ_KLACHTENFUNCTIONARIS", "klimkoord:KPZ_KLACHTENFUNCTIONARIS");

    /** The case status an event leads to from a fresh case (the generic case lifecycle). */
    private static final Map<String, String> STATUS_AFTER = Map.of(
            "DECIDED", "DECIDED",
            "DECLARED_NOT_ADMISSIBLE", "NOT_ADMISSIBLE",
            "RESOLVED_INFORMALLY", "RESOLVED_INFORMALLY",
            "REFERRED_EXTERNAL", "REFERRED_EXTERNAL");

    private Map<String, Object> newCase(String tenant, String kind) {
        return createComplaint(tenant, complaint(kind, "LETTER", RECEIVED));
    }

    private PageSession staff(String tenant) {
        return loggedInAs(tenant + "." + STAFF);
    }

    // --- every offered action -------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyActionTheDetailPageOffersIsRecordedByTheSignedInUserAsTheRegulationSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String tenant : List.of("impuls", "klimkoord", "iederzijnwerk", "kwaliteitsprocedure-6-5")) {
            for (String kind : List.of("FORMAL", "INFORMAL")) {
                PageSession s = staff(tenant);
                Object probe = newCase(tenant, kind).get("id");
                List<String> offered = offeredActions(detail(s, tenant, probe));
                assertFalse(offered.isEmpty(), tenant + " " + kind + " offers no action on a fresh case");
                for (String type : offered) {
                    tests.add(DynamicTest.dynamicTest(tenant + " " + kind + " " + type,
                            () -> anOfferedActionIsRecorded(s, tenant, kind, type)));
                }
            }
        }
        return tests.stream();
    }

    private void anOfferedActionIsRecorded(PageSession s, String tenant, String kind, String type) {
        Map<String, Object> before = newCase(tenant, kind);
        Object id = before.get("id");
        Page beforePage = detail(s, tenant, id);
        Html.Element form = actionForm(beforePage, type);
        Map<String, String> values = fill(form, fields("on", ACTION_DAY));
        // Free text where the form asks for it (a motivation is what a declaration of inadmissibility needs).
        values.computeIfPresent("motivation", (k, v) -> "De klacht valt buiten deze procedure.");
        values.computeIfPresent("text", (k, v) -> "Vastgelegd via de pagina: " + type);
        values.computeIfPresent("reason", (k, v) -> "Reden vastgelegd via de pagina: " + type);
        // A judgement where the form offers one (procedure 6.5 asks for it also with an informal resolution)
        values.computeIfPresent("judgement", (k, v) -> v.isBlank() ? "WELL_FOUNDED" : v);

        Page r = s.postRaw(form.attr("action"), values);

        assertEquals(303, r.status(), () -> type + " answered " + r.status() + ": " + errorsOf(r));
        assertTrue(r.location().startsWith(casePath(tenant, id)), r.location());
        Page after = detail(s, tenant, id);
        List<Html.Element> entries = timeline(after, type);
        assertEquals(1, entries.size(), () -> "timeline: " + Html.select(after.body(), "ol#timeline li"));
        String entry = entries.get(0).text();
        assertTrue(entry.contains(LocalDate.parse(ACTION_DAY).format(DMY)), entry);
        assertTrue(entry.contains("(" + displayName(tenant + "." + STAFF) + ")"), () -> "recorded by: " + entry);
        assertTrue(entry.contains(label("event." + type)), entry);

        Map<String, Object> json = getCase(tenant, id, null);
        Map<String, Object> last = events(json).get(events(json).size() - 1);
        assertEquals(type, last.get("type"));
        assertEquals(displayName(tenant + "." + STAFF), last.get("recordedBy"));
        assertEquals(version(before) + 1, version(json), "an action makes a new version of the case");

        String status = STATUS_AFTER.getOrDefault(type, "IN_PROGRESS");
        if (type.equals("REFERRED_EXTERNAL") && SUPPORTING_BODIES.contains(tenant + ":" + values.get("body"))) {
            // a body that only supports the complainant: the organisation's own handling goes on
            status = "IN_PROGRESS";
        }
        assertEquals(status, caseStatus(after));

        String duty = FULFILS.get(type);
        if (duty != null) {
            for (Map<String, Object> o : obligations(before, duty)) {
                String due = (String) o.get("dueOn");
                String expected = due == null || !LocalDate.parse(ACTION_DAY).isAfter(LocalDate.parse(due))
                        ? "MET" : "MET_LATE";
                assertEquals(List.of(expected), obligationStatuses(after, duty).stream().distinct().toList(),
                        () -> type + " fulfils " + duty);
            }
        }
        if (type.equals("ESCALATED")) {
            String chosen = form.select("select[name=level] option").get(0).text();
            assertTrue(Html.one(after.body(), "hgroup").text().contains(label("case.level").replace("{0}", chosen)),
                    () -> "level shown: " + Html.one(after.body(), "hgroup").text());
        }
    }

    // --- what the regulation says about specific actions ------------------------------------------------------

    @Test
    void acknowledgingAnImpulsComplaintMeetsTheAcknowledgementDuty() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        assertEquals(List.of("OPEN"), obligationStatuses(detail(s, "impuls", id), "ACKNOWLEDGE"));

        Page r = submitAction(s, "impuls", id, "ACKNOWLEDGED", fields("on", "2026-11-03"));

        assertEquals(303, r.status());
        Page after = detail(s, "impuls", id);
        assertEquals(List.of("MET"), obligationStatuses(after, "ACKNOWLEDGE"));
        assertEquals("IN_PROGRESS", caseStatus(after));
        // the page offers an acknowledgement only once
        assertFalse(offeredActions(after).contains("ACKNOWLEDGED"));
    }

    @Test
    void obligationsShowTheirDueDateStatusAndTheRuleTheyComeFrom() {
        PageSession s = staff("impuls");
        Map<String, Object> c = newCase("impuls", "FORMAL");
        Page page = detail(s, "impuls", c.get("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> duties = (List<Map<String, Object>>) c.get("obligations");
        assertFalse(duties.isEmpty());
        for (Map<String, Object> o : duties) {
            Html.Element row = Html.select(page.body(), "table#obligations tr[data-code=" + o.get("code") + "]")
                    .get(0);
            assertEquals(o.get("status"), row.attr("data-status"));
            String text = row.text();
            assertTrue(text.contains(label("obligation." + o.get("code"))), text);
            assertTrue(text.contains(Html.unescape(String.valueOf(o.get("basis")))), () -> "basis missing: " + text);
            if (o.get("dueOn") != null) {
                assertTrue(text.contains(LocalDate.parse((String) o.get("dueOn")).format(DMY)), text);
            }
        }
    }

    @Test
    void theRegistrationDecisionAndItsReasonsAreShown() {
        PageSession s = staff("impuls");
        Map<String, Object> c = newCase("impuls", "FORMAL");
        Page page = detail(s, "impuls", c.get("id"));
        Html.Element registration = Html.one(page.body(), "#registration");
        assertEquals(String.valueOf(c.get("registrationRequired")), registration.attr("data-required"));
        List<String> reasons = strings(c, "registrationReasons");
        assertFalse(reasons.isEmpty(), "impuls registers every formal complaint");
        String section = Html.one(page.body(), "section[aria-labelledby=h-registration]").text();
        reasons.forEach(reason -> assertTrue(section.contains(reason), () -> "reason missing: " + reason));
    }

    @Test
    void anExtensionMovesTheDecisionTermByTheAnnouncedWeeksAndIsOfferedOnlyOnce() {
        PageSession s = staff("iederzijnwerk");
        Map<String, Object> before = newCase("iederzijnwerk", "FORMAL");
        Object id = before.get("id");
        LocalDate dueBefore = LocalDate.parse((String) obligation(before, "DECIDE").get("dueOn"));
        assertTrue(offeredActions(detail(s, "iederzijnwerk", id)).contains("EXTENSION_ANNOUNCED"));

        Page r = submitAction(s, "iederzijnwerk", id, "EXTENSION_ANNOUNCED",
                fields("on", ACTION_DAY, "weeks", "4", "text", "Nader onderzoek nodig"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Map<String, Object> after = getCase("iederzijnwerk", id, null);
        assertEquals(dueBefore.plusWeeks(4).toString(), obligation(after, "DECIDE").get("dueOn"));
        Page page = detail(s, "iederzijnwerk", id);
        String row = Html.one(page.body(), "table#obligations tr[data-code=DECIDE]").text();
        assertTrue(row.contains(dueBefore.plusWeeks(4).format(DMY)), row);
        assertTrue(timeline(page, "EXTENSION_ANNOUNCED").get(0).text().contains(label("field.weeks") + " 4"),
                () -> timeline(page, "EXTENSION_ANNOUNCED").get(0).text());
        assertFalse(offeredActions(page).contains("EXTENSION_ANNOUNCED"),
                "the procedure allows one extension; it has been used");
    }

    @Test
    void anImpulsCaseNeverOffersAnExtensionButAnIederZijnWerkCaseDoesUntilItsTermRunsOut() {
        PageSession impuls = staff("impuls");
        for (String kind : List.of("FORMAL", "INFORMAL")) {
            Page page = detail(impuls, "impuls", newCase("impuls", kind).get("id"));
            assertFalse(offeredActions(page).isEmpty());
            assertFalse(offeredActions(page).contains("EXTENSION_ANNOUNCED"), "impuls " + kind);
        }
        PageSession izw = staff("iederzijnwerk");
        assertTrue(offeredActions(detail(izw, "iederzijnwerk", newCase("iederzijnwerk", "FORMAL").get("id")))
                .contains("EXTENSION_ANNOUNCED"));
        // received long ago: the six weeks ran out before today, so there is nothing left to extend
        Map<String, Object> old = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-09-01"));
        assertTrue(LocalDate.parse((String) obligation(old, "DECIDE").get("dueOn")).isBefore(TODAY));
        assertFalse(offeredActions(detail(izw, "iederzijnwerk", old.get("id"))).contains("EXTENSION_ANNOUNCED"));
    }

    @Test
    void aDeclarationOfInadmissibilityWaivesTheImpulsProcedureDuties() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");

        Page r = submitAction(s, "impuls", id, "DECLARED_NOT_ADMISSIBLE",
                fields("on", ACTION_DAY, "motivation", "Klager is geen klant van Impuls."));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Page page = detail(s, "impuls", id);
        assertEquals("NOT_ADMISSIBLE", caseStatus(page));
        // "Wie kunnen klagen?: geen behandeling na niet-ontvankelijkverklaring": DECIDE, PROGRESS_UPDATE, MEETING
        assertEquals(List.of("WAIVED"), obligationStatuses(page, "DECIDE"));
        assertEquals(List.of("WAIVED"), obligationStatuses(page, "PROGRESS_UPDATE"));
        assertTrue(timeline(page, "DECLARED_NOT_ADMISSIBLE").get(0).text().contains("Klager is geen klant van Impuls."));
        // concluded: closing is now offered, deciding is not
        assertTrue(offeredActions(page).contains("CLOSED"));
        assertFalse(offeredActions(page).contains("DECIDED"));
    }

    @Test
    void aDecisionInIederZijnWerkMeetsTheTermAndAsksForTheSolutionToBeCommunicated() {
        PageSession s = staff("iederzijnwerk");
        Map<String, Object> before = newCase("iederzijnwerk", "FORMAL");
        Object id = before.get("id");
        assertNoObligation(before, "COMMUNICATE_SOLUTION");

        Page r = submitAction(s, "iederzijnwerk", id, "DECIDED", fields("on", ACTION_DAY,
                "judgement", "PARTLY_WELL_FOUNDED", "motivation", nl.klachtenregie.support.ApiTestSupport.DEFAULT_MOTIVATION,
                "measureText1", "Vaste begeleider", "measureDue1", "2026-12-01"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Page page = detail(s, "iederzijnwerk", id);
        assertEquals("DECIDED", caseStatus(page));
        assertEquals(List.of("MET"), obligationStatuses(page, "DECIDE"));
        assertEquals(List.of("OPEN"), obligationStatuses(page, "COMMUNICATE_SOLUTION"));
        String entry = timeline(page, "DECIDED").get(0).text();
        assertTrue(entry.contains(label("judgement.PARTLY_WELL_FOUNDED")), entry);
        assertTrue(entry.contains("Vaste begeleider"), entry);
        assertTrue(entry.contains("01-12-2026"), entry);
    }

    @Test
    void closingAfterTheDecisionRecordsTheSatisfactionAndEndsEveryAction() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        event("impuls", id, ev("ACKNOWLEDGED", "2026-11-03"));
        event("impuls", id, ev("DECIDED", "2026-11-04", "judgement", "UNFOUNDED"));
        assertTrue(offeredActions(detail(s, "impuls", id)).contains("CLOSED"));
        // the progress report was never sent and is moot now: set aside, by a person, with the reason
        Page aside = submitAction(s, "impuls", id, "DUTY_SET_ASIDE", fields("on", ACTION_DAY, "code",
                "PROGRESS_UPDATE", "reason", "Het besluit kwam binnen de twee weken; een voortgangsbericht is overbodig."));
        assertEquals(303, aside.status(), () -> errorsOf(aside));
        Page asidePage = detail(s, "impuls", id);
        assertEquals(List.of("SET_ASIDE"), obligationStatuses(asidePage, "PROGRESS_UPDATE"));
        assertTrue(Html.one(asidePage.body(), "table#obligations").text().contains("Niet uitgevoerd, reden: Het besluit "
                + "kwam binnen de twee weken"), () -> Html.one(asidePage.body(), "table#obligations").text());

        Page r = submitAction(s, "impuls", id, "CLOSED", fields("on", ACTION_DAY, "satisfaction", "4"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Page page = detail(s, "impuls", id);
        assertEquals("CLOSED", caseStatus(page));
        assertTrue(timeline(page, "CLOSED").get(0).text().contains("4 / 5"));
        assertEquals(List.of(), offeredActions(page));
        assertTrue(Html.one(page.body(), "section#actions").text().contains(label("case.noActions")));
        // nothing lapsed by closing: the duty set aside stays set aside, with its reason
        assertEquals(List.of("SET_ASIDE"), obligationStatuses(page, "PROGRESS_UPDATE"));
    }

    @Test
    void escalatingShowsTheNewLevelAndTheNextOptions() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        Page before = detail(s, "impuls", id);
        List<String> levels = actionForm(before, "ESCALATED").select("select[name=level] option").stream()
                .map(o -> o.attr("value")).toList();
        assertTrue(levels.contains("TEAM_LEAD"), () -> "levels offered: " + levels);

        Page r = submitAction(s, "impuls", id, "ESCALATED", fields("on", ACTION_DAY, "level", "TEAM_LEAD"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Map<String, Object> json = getCase("impuls", id, null);
        assertEquals("TEAM_LEAD", json.get("escalationLevel"));
        Page page = detail(s, "impuls", id);
        // impuls' ladder calls TEAM_LEAD "leidinggevende" (tenants/impuls/tenant.yml)
        assertTrue(Html.one(page.body(), "hgroup").text().contains(label("case.level").replace("{0}",
                "leidinggevende")));
        List<String> next = actionForm(page, "ESCALATED").select("select[name=level] option").stream()
                .map(o -> o.attr("value")).toList();
        assertEquals(strings(json, "escalationOptions"), next);
        assertFalse(next.contains("TEAM_LEAD"));
    }

    @Test
    void aConversationReportSignedByTheComplainantSaysSoInTheTimeline() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "INFORMAL").get("id");
        Page form = detail(s, "impuls", id);
        assertTrue(Html.exists(actionForm(form, "REPORT_RECORDED").inner(),
                "input[type=checkbox][name=signedByComplainant]"));

        Page r = submitAction(s, "impuls", id, "REPORT_RECORDED",
                fields("on", ACTION_DAY, "text", "Gesprek met klant, afspraken gemaakt.", "signedByComplainant",
                        "true"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        Page page = detail(s, "impuls", id);
        String entry = timeline(page, "REPORT_RECORDED").get(0).text();
        assertTrue(entry.contains(label("field.signedByComplainant") + " " + label("common.yes")), entry);
        assertEquals(Boolean.TRUE, events(getCase("impuls", id, null)).get(0).get("signedByComplainant"));
        // the informal complaint's note (RECORD_REPORT) is now done
        assertEquals(List.of("MET"), obligationStatuses(page, "RECORD_REPORT"));
    }

    @Test
    void aReportNotSignedByTheComplainantDoesNotClaimItWas() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "INFORMAL").get("id");

        Page r = submitAction(s, "impuls", id, "REPORT_RECORDED", fields("on", ACTION_DAY, "text", "Notitie"));

        assertEquals(303, r.status(), () -> errorsOf(r));
        String entry = timeline(detail(s, "impuls", id), "REPORT_RECORDED").get(0).text();
        assertFalse(entry.contains(label("field.signedByComplainant") + " " + label("common.yes")), entry);
        assertNotEquals(Boolean.TRUE, events(getCase("impuls", id, null)).get(0).get("signedByComplainant"));
    }

    // --- refused actions ------------------------------------------------------------------------------------

    /** A refusal: tenant, kind, events already on the case (via the API), the posted form, the expected reason. */
    record Refusal(String name, String tenant, String kind, String received, List<Map<String, Object>> history,
                   String type, Map<String, String> form, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("an extension where impuls' regulation knows none", "impuls", "FORMAL", RECEIVED,
                        List.of(), "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "4"),
                        "Het klachtenreglement van Impuls kent geen verlenging"),
                new Refusal("an extension of an informal complaint under procedure 6.5", "kwaliteitsprocedure-6-5",
                        "INFORMAL", RECEIVED, List.of(), "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "2"),
                        "Een informeel geuite klacht heeft in procedure 6.5 geen termijn die verlengd kan worden"),
                new Refusal("a second extension in IederZijnWerk", "iederzijnwerk", "FORMAL", RECEIVED,
                        List.of(ev("EXTENSION_ANNOUNCED", "2026-11-04", "weeks", 4)), "EXTENSION_ANNOUNCED",
                        fields("on", ACTION_DAY, "weeks", "2"), "een tweede verlenging is niet mogelijk"),
                new Refusal("a second extension under procedure 6.5 (Wkkgz art. 17 lid 4)", "kwaliteitsprocedure-6-5",
                        "FORMAL", RECEIVED, List.of(ev("EXTENSION_ANNOUNCED", "2026-11-04", "weeks", 2)),
                        "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "2"),
                        "De termijn voor het oordeel is al verlengd"),
                new Refusal("an extension longer than IederZijnWerk's four weeks", "iederzijnwerk", "FORMAL",
                        RECEIVED, List.of(), "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "6"),
                        "De klachtenprocedure staat één verlenging van 4 weken toe"),
                new Refusal("an extension after the term ran out", "iederzijnwerk", "FORMAL", "2026-09-01",
                        List.of(), "EXTENSION_ANNOUNCED", fields("on", "2026-10-01", "weeks", "4"), "verstreken"),
                new Refusal("an action dated before the complaint was received", "impuls", "FORMAL", RECEIVED,
                        List.of(), "ACKNOWLEDGED", fields("on", "2026-11-01"), "ligt vóór de ontvangst van de klacht"),
                new Refusal("an action dated in the future", "impuls", "FORMAL", RECEIVED, List.of(), "ACKNOWLEDGED",
                        fields("on", TODAY.plusDays(1).toString()), "ligt in de toekomst"),
                new Refusal("closing before a decision", "impuls", "FORMAL", RECEIVED, List.of(), "CLOSED",
                        fields("on", ACTION_DAY), "Een dossier wordt pas gesloten na een beslissing"),
                new Refusal("declaring inadmissible without the motivation IederZijnWerk requires", "iederzijnwerk",
                        "FORMAL", RECEIVED, List.of(), "DECLARED_NOT_ADMISSIBLE",
                        fields("on", ACTION_DAY, "motivation", ""), "een gedetailleerde motivatie"),
                new Refusal("a second acknowledgement", "impuls", "FORMAL", RECEIVED,
                        List.of(ev("ACKNOWLEDGED", "2026-11-03")), "ACKNOWLEDGED", fields("on", ACTION_DAY),
                        "De ontvangst is al bevestigd op 03-11-2026"),
                new Refusal("escalating to a level the ladder does not offer", "impuls", "FORMAL", RECEIVED, List.of(),
                        "ESCALATED", fields("on", ACTION_DAY, "level", "EMPLOYEE"), "Escaleren naar EMPLOYEE is nu niet"),
                new Refusal("anything on a closed case", "impuls", "FORMAL", RECEIVED,
                        List.of(ev("ACKNOWLEDGED", "2026-11-03"), ev("PROGRESS_REPORTED", "2026-11-03"),
                                ev("DECIDED", "2026-11-03", "judgement", "UNFOUNDED"), ev("CLOSED", "2026-11-04")),
                        "PROGRESS_REPORTED", fields("on", ACTION_DAY), "Het dossier is gesloten"),
                new Refusal("closing while a duty nobody met is open", "impuls", "FORMAL", RECEIVED,
                        List.of(ev("DECIDED", "2026-11-03", "judgement", "UNFOUNDED")), "CLOSED",
                        fields("on", ACTION_DAY), "Het dossier kan nog niet worden gesloten"),
                new Refusal("setting aside a duty already met", "impuls", "FORMAL", RECEIVED,
                        List.of(ev("ACKNOWLEDGED", "2026-11-03")), "DUTY_SET_ASIDE",
                        fields("on", ACTION_DAY, "code", "ACKNOWLEDGE", "reason", "dubbel"),
                        "er valt niets opzij te zetten"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedActionShowsTheRegulationsReasonAndRecordsNothing(Refusal refusal) {
        Map<String, Object> c = createComplaint(refusal.tenant(),
                complaint(refusal.kind(), "LETTER", refusal.received()));
        Object id = c.get("id");
        refusal.history().forEach(e -> event(refusal.tenant(), id, e));
        Map<String, Object> before = getCase(refusal.tenant(), id, null);
        PageSession s = staff(refusal.tenant());

        Page r = s.postRaw(casePath(refusal.tenant(), id) + "/acties", crafted(s, refusal.tenant(), id,
                refusal.type(), refusal.form()));

        assertEquals(422, r.status(), () -> refusal + " answered " + r.status() + ": " + errorsOf(r));
        Html.Element refused = Html.one(r.body(), "#action-refused");
        assertTrue(refused.text().contains(label("case.refused")), refused.text());
        List<String> reasons = refused.select("li").stream().map(Html.Element::text).toList();
        assertTrue(reasons.stream().anyMatch(x -> x.contains(refusal.reason())),
                () -> "expected '" + refusal.reason() + "' among " + reasons);
        // the page is the case itself, still usable
        assertEquals(before.get("reference"), textOf(r.body(), "case-reference"));
        Map<String, Object> after = getCase(refusal.tenant(), id, null);
        assertEquals(events(before), events(after), "a refused action records nothing");
        assertEquals(version(before), version(after));
    }

    @Test
    void anImpulsExtensionIsRefusedWithTheRegulationsOwnWordsOnly() {
        // The engine's generic "kent geen verlenging" gives way when the rules say it in their own words.
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        Page r = s.postRaw(casePath("impuls", id) + "/acties",
                crafted(s, "impuls", id, "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "4")));
        assertEquals(422, r.status());
        List<String> reasons = Html.one(r.body(), "#action-refused").select("li").stream().map(Html.Element::text)
                .toList();
        assertEquals(1, reasons.size(), () -> "reasons: " + reasons);
        assertTrue(reasons.get(0).startsWith("Het klachtenreglement van Impuls kent geen verlenging"), reasons.get(0));
    }

    // --- bad input ------------------------------------------------------------------------------------------

    /** Bad input: the posted form and the field and message the page must name. */
    record BadInput(String name, String tenant, String kind, List<Map<String, Object>> history, String type,
                    Map<String, String> form, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<BadInput> badInputs() {
        return Stream.of(
                new BadInput("a decision without judgement", "impuls", "FORMAL", List.of(), "DECIDED",
                        fields("on", ACTION_DAY, "judgement", null), "judgement", "geef het oordeel"),
                new BadInput("an unknown judgement", "impuls", "FORMAL", List.of(), "DECIDED",
                        fields("on", ACTION_DAY, "judgement", "HALF"), "judgement", "onbekende waarde 'HALF'"),
                new BadInput("weeks that are not a number", "iederzijnwerk", "FORMAL", List.of(),
                        "EXTENSION_ANNOUNCED", fields("on", ACTION_DAY, "weeks", "abc"), "weeks", "'abc'"),
                new BadInput("an extension without weeks", "iederzijnwerk", "FORMAL", List.of(), "EXTENSION_ANNOUNCED",
                        fields("on", ACTION_DAY, "weeks", ""), "weeks", "geef het aantal weken"),
                new BadInput("no date", "impuls", "FORMAL", List.of(), "ACKNOWLEDGED", fields("on", ""), "on",
                        "verplicht"),
                new BadInput("a date that is no date", "impuls", "FORMAL", List.of(), "ACKNOWLEDGED",
                        fields("on", "05-11-2026"), "on", "geen geldige datum"),
                new BadInput("an unknown action", "impuls", "FORMAL", List.of(), "REOPENED", fields("on", ACTION_DAY),
                        "type", "onbekende waarde 'REOPENED'"),
                new BadInput("escalating without a level", "impuls", "FORMAL", List.of(), "ESCALATED",
                        fields("on", ACTION_DAY, "level", ""), "level", "geef het escalatieniveau"),
                new BadInput("a satisfaction outside 1..5", "impuls", "FORMAL",
                        List.of(ev("DECIDED", "2026-11-03", "judgement", "UNFOUNDED")), "CLOSED",
                        fields("on", ACTION_DAY, "satisfaction", "9"), "satisfaction", "1 tot en met 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsA400WithTheMessageAndRecordsNothing(BadInput bad) {
        Object id = newCase(bad.tenant(), bad.kind()).get("id");
        bad.history().forEach(e -> event(bad.tenant(), id, e));
        Map<String, Object> before = getCase(bad.tenant(), id, null);
        PageSession s = staff(bad.tenant());

        Page r = s.postRaw(casePath(bad.tenant(), id) + "/acties", crafted(s, bad.tenant(), id, bad.type(),
                bad.form()));

        assertEquals(400, r.status(), () -> bad + " answered " + r.status() + ": " + errorsOf(r));
        List<String> errors = Html.one(r.body(), "#action-errors").select("li").stream().map(Html.Element::text)
                .toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(bad.field() + ":") && e.contains(bad.message())),
                () -> "expected " + bad.field() + ": ..." + bad.message() + " among " + errors);
        assertEquals(events(before), events(getCase(bad.tenant(), id, null)));
    }

    @Test
    void theFormWithTheBadInputIsOpenAgainAfterTheError() {
        PageSession s = staff("iederzijnwerk");
        Object id = newCase("iederzijnwerk", "FORMAL").get("id");

        Page r = submitAction(s, "iederzijnwerk", id, "EXTENSION_ANNOUNCED", fields("weeks", "abc"));

        assertEquals(400, r.status());
        List<Html.Element> open = Html.select(r.body(), "details[open]");
        assertEquals(1, open.size(), "exactly the form that failed is open");
        assertEquals("EXTENSION_ANNOUNCED", open.get(0).one("form.action-form").attr("data-action"));
    }

    // --- concurrent edits -----------------------------------------------------------------------------------

    @Test
    void aStaleFormIsAConflictAndOverwritesNothing() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        Page seen = detail(s, "impuls", id);
        Html.Element staleForm = actionForm(seen, "PROGRESS_REPORTED");
        // meanwhile a colleague records something
        event("impuls", id, ev("ACKNOWLEDGED", "2026-11-03"));
        Map<String, Object> meanwhile = getCase("impuls", id, null);

        Page r = s.postRaw(staleForm.attr("action"), fill(staleForm, fields("on", ACTION_DAY)));

        assertEquals(409, r.status(), () -> errorsOf(r));
        Html.Element conflict = Html.one(r.body(), "#action-conflict");
        assertTrue(conflict.text().contains(label("case.conflict")), conflict.text());
        assertTrue(conflict.text().contains((String) meanwhile.get("reference")), conflict.text());
        Map<String, Object> after = getCase("impuls", id, null);
        assertEquals(events(meanwhile), events(after), "the stale action was not recorded");
        assertEquals(version(meanwhile), version(after));
        // the page shows the new state, so that the user can try again on it
        assertEquals(1, timeline(r, "ACKNOWLEDGED").size());
        assertEquals(String.valueOf(version(after)), actionForm(r, "PROGRESS_REPORTED").formValues().get("version"));
        Page retry = s.postRaw(staleForm.attr("action"),
                fill(actionForm(r, "PROGRESS_REPORTED"), fields("on", ACTION_DAY)));
        assertEquals(303, retry.status());
        assertEquals(1, timeline(detail(s, "impuls", id), "PROGRESS_REPORTED").size());
    }

    @Test
    void anActionWithoutTheVersionItIsBasedOnIsBadInput() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        for (String version : new String[] {null, "", "oud", "-1"}) {
            Page r = s.postRaw(casePath("impuls", id) + "/acties",
                    crafted(s, "impuls", id, "ACKNOWLEDGED", fields("on", ACTION_DAY, "version", version)));
            assertEquals(400, r.status(), () -> "version " + version + ": " + errorsOf(r));
            String errors = Html.one(r.body(), "#action-errors").text();
            assertTrue(errors.contains("version"), errors);
        }
        assertEquals(List.of(), events(getCase("impuls", id, null)));
    }

    // --- who may act ----------------------------------------------------------------------------------------

    @Test
    void theQualityManagerSeesTheCaseButCannotAct() {
        Object id = newCase("impuls", "FORMAL").get("id");
        PageSession handler = staff("impuls");
        Map<String, String> form = fill(actionForm(detail(handler, "impuls", id), "ACKNOWLEDGED"),
                fields("on", ACTION_DAY));
        PageSession compliance = loggedInAs("impuls.kwaliteit");

        Page page = compliance.get(casePath("impuls", id));

        assertEquals(200, page.status());
        assertEquals(getCase("impuls", id, null).get("reference"), textOf(page.body(), "case-reference"));
        assertTrue(Html.exists(page.body(), "table#obligations"));
        assertFalse(Html.exists(page.body(), "#actions"), "no actions for the quality manager");
        assertFalse(Html.exists(page.body(), "form.action-form"));
        assertFalse(Html.exists(page.body(), "form#assign-form"));
        assertNotNull(textOf(page.body(), "handler-name"));

        form.put("csrfToken", compliance.csrfToken());
        Page r = compliance.postRaw(casePath("impuls", id) + "/acties", form);
        Page assign = compliance.post(casePath("impuls", id) + "/behandelaar",
                fields("handler", String.valueOf(userId("impuls.medewerker")), "version",
                        String.valueOf(version(getCase("impuls", id, null)))));
        Map<String, Object> after = getCase("impuls", id, null);
        assertEquals(List.of(), events(after), "nothing recorded");
        assertEquals(null, handler(after), "nobody assigned");
        assertEquals(403, r.status());
        assertEquals(403, assign.status());
    }

    @Test
    void anActionWithoutTheCsrfTokenIsRefusedAndRecordsNothing() {
        PageSession s = staff("impuls");
        Object id = newCase("impuls", "FORMAL").get("id");
        Map<String, String> form = fill(actionForm(detail(s, "impuls", id), "ACKNOWLEDGED"),
                fields("on", ACTION_DAY, "csrfToken", null));

        Page r = s.postRaw(casePath("impuls", id) + "/acties", form);

        assertEquals(List.of(), events(getCase("impuls", id, null)));
        assertEquals(403, r.status());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /**
     * A form the page does not necessarily offer, posted as a hand-made request would: the CSRF token and
     * version of the page, the given type and fields.
     */
    private static Map<String, String> crafted(PageSession s, String tenant, Object id, String type,
                                               Map<String, String> changes) {
        Page page = detail(s, tenant, id);
        Map<String, String> values = fields("csrfToken", s.csrfToken(), "type", type, "version", formVersion(page));
        changes.forEach((k, v) -> {
            if (v == null) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        return values;
    }

    private static String errorsOf(Page r) {
        return Stream.of("action-refused", "action-errors", "action-conflict")
                .map(id -> Html.first(r.body(), "#" + id).map(Html.Element::text).orElse(""))
                .filter(t -> !t.isEmpty()).findFirst().orElse(r.status() >= 300 && r.status() < 400
                        ? "" : Html.first(r.body(), "main").map(Html.Element::text).orElse(r.body()));
    }
}
