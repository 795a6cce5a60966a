package nl.klachtenregie.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.regulation.VersionStatus;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.PostedForm;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Het zesde reglement: a new thuiszorg organisation under the Wkkgz, created by the platform administrator, whose
 * beheerder writes its klachtenreglement through the pages alone (the form, no DRL): a callback track for informal
 * complaints (CONTACT within 3 working days, "terugbelverzoek") and a track at the klachtenfunctionaris (rung KF; she
 * contacts the complainant within 10 working days of the escalation to her, or of receipt when the complaint is made to
 * her directly), the statutory six weeks for a formal complaint (Wkkgz art. 17 lid 1) with one extension of four weeks
 * and longer only with the complainant's consent (lid 2), a geschilleninstantie that takes the complaint over and a
 * cliëntvertrouwenspersoon who only supports, suspension of own terms for at most 14 days, one code CONTACT with
 * different terms for the two kinds, and a check within a month of the judgement. The version is activated through its
 * confirmation, and complaints then walk their timelines through the JSON API as a handler the beheerder created.
 * Today is 22-11-2026.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SixthRegulationThroughThePagesTest extends PageTestSupport {

    private static final String SLUG = "thuiszorg-de-zes";
    private static final String ADMIN = "zes.beheerder";
    private static final String HANDLER = "zes.medewerker";
    private static final String REGULATION = "/t/" + SLUG + "/beheer/reglement";
    private static final String API = "/api/tenants/" + SLUG + "/complaints";

    @Inject
    TenantDirectory tenants;
    @Inject
    RegulationAdministration administration;

    @Test
    void aThuiszorgOrganisationWritesItsRegulationWithTheFormAndItsComplaintsFollowIt() {
        onboard();
        writeAndActivateTheRegulation();

        // A complaint made directly to the klachtenfunctionaris: her term runs from receipt.
        Map<String, Object> direct = create("INFORMAL", "2026-11-12", "KF");
        Map<String, Object> kf = obligation(direct, "KF_CONTACT");
        assertEquals(List.of("2026-11-12", "2026-11-26", "OPEN"), List.of(kf.get("fromOn"), kf.get("dueOn"),
                kf.get("status")), "10 working days from receipt at KF: " + kf);
        assertEquals("neemt de klachtenfunctionaris contact met u op", kf.get("label"));
        assertEquals("neemt een medewerker telefonisch contact met u op", obligation(direct, "CONTACT").get("label"));
        // Referred to the geschilleninstantie (at KF): it takes the complaint over.
        Map<String, Object> referred = event(SLUG, direct.get("id"), Map.of("type", "REFERRED_EXTERNAL",
                "on", "2026-11-13", "body", "GI"));
        assertEquals("REFERRED_EXTERNAL", referred.get("status"));

        // An informal callback complaint escalated to KF; one contact, late for the callback, on time for KF.
        Map<String, Object> callback = create("INFORMAL", "2026-10-05", null);
        assertEquals("2026-10-08", obligation(callback, "CONTACT").get("dueOn"), "3 working days: " + callback);
        assertEquals(List.of("KF"), callback.get("escalationOptions"), "the next rung");
        Map<String, Object> escalated = event(SLUG, callback.get("id"), Map.of("type", "ESCALATED",
                "on", "2026-10-07", "level", "KF"));
        Map<String, Object> kfTerm = obligation(escalated, "KF_CONTACT");
        assertEquals(List.of("2026-10-07", "2026-10-21"), List.of(kfTerm.get("fromOn"), kfTerm.get("dueOn")));
        Map<String, Object> contacted = event(SLUG, callback.get("id"), Map.of("type", "CONTACTED",
                "on", "2026-10-12"));
        assertEquals("MET_LATE", obligation(contacted, "CONTACT").get("status"), "late for the callback");
        assertEquals("MET", obligation(contacted, "KF_CONTACT").get("status"), "on time for the klachtenfunctionaris");
        // Referred to the cliëntvertrouwenspersoon, who only supports: the case stays in progress.
        Map<String, Object> supported = event(SLUG, callback.get("id"), Map.of("type", "REFERRED_EXTERNAL",
                "on", "2026-10-13", "body", "CVP"));
        assertEquals("IN_PROGRESS", supported.get("status"), "the organisation's handling runs on");

        // A formal complaint: 10 working days to contact, the statutory six weeks to decide.
        Map<String, Object> formal = create("FORMAL", "2026-11-02", null);
        assertEquals("2026-11-16", obligation(formal, "CONTACT").get("dueOn"), "the formal row of CONTACT");
        Map<String, Object> decide = obligation(formal, "DECIDE");
        assertEquals(List.of("2026-12-14", "Wkkgz art. 17 lid 1"), List.of(decide.get("dueOn"),
                decide.get("statute")));
        // Six weeks more is beyond the four the regulation allows: refused without the complainant's consent ...
        Map<String, Object> refused = refusedEvent(SLUG, formal.get("id"), Map.of("type", "EXTENSION_ANNOUNCED",
                "on", "2026-11-20", "weeks", 6));
        assertTrue(String.valueOf(refused).contains("instemming van de klager"), refused::toString);
        // ... and accepted with it, documented.
        Map<String, Object> extension = new LinkedHashMap<>(Map.of("type", "EXTENSION_ANNOUNCED", "on", "2026-11-20",
                "weeks", 6, "consentBy", "J. de Klager", "consentOn", "2026-11-19",
                "consentHow", "telefonisch, bevestigd per e-mail"));
        Map<String, Object> extended = event(SLUG, formal.get("id"), extension);
        assertEquals("2027-01-25", obligation(extended, "DECIDE").get("dueOn"), "14-12-2026 plus six weeks");
        // Decided: the check of the measures within a month, confirmed by the handler.
        Map<String, Object> decided = event(SLUG, formal.get("id"), Map.of("type", "DECIDED", "on", "2026-11-21",
                "judgement", "WELL_FOUNDED", "measures", "Vaste contactpersoon", "measuresDueOn", "2026-12-15",
                "motivation", nl.klachtenregie.support.ApiTestSupport.DEFAULT_MOTIVATION));
        Map<String, Object> check = obligation(decided, "NAZORG");
        assertEquals(List.of("2026-11-21", "2026-12-21", "OPEN"), List.of(check.get("fromOn"), check.get("dueOn"),
                check.get("status")), "a month term: " + check);
        Map<String, Object> checked = event(SLUG, formal.get("id"), Map.of("type", "CHECK_CONFIRMED",
                "on", "2026-11-22", "codes", List.of("NAZORG")));
        assertEquals("MET", obligation(checked, "NAZORG").get("status"));
    }

    // --- through the pages ------------------------------------------------------------------------------------

    private void onboard() {
        PageSession platform = loggedInAs("platform.beheerder");
        platform.get("/platform");
        Map<String, String> tenant = new LinkedHashMap<>();
        tenant.put("slug", SLUG);
        tenant.put("name", "Thuiszorg De Zes");
        tenant.put("username", ADMIN);
        tenant.put("displayName", "Zes Beheer");
        tenant.put("password", DEMO_PASSWORD);
        tenant.put("passwordConfirmation", DEMO_PASSWORD);
        assertEquals(303, platform.post("/platform/organisaties", tenant).status());

        PageSession admin = loggedInAs(ADMIN);
        String profilePath = "/t/" + SLUG + "/beheer/profiel";
        PostedForm profile = PostedForm.of(admin.get(profilePath).body(), "profile-form");
        assertEquals("EMPLOYEE", profile.get("ladder-0-code"));
        profile.set("ladder-0-position", "1").set("ladder-1-position", "3").set("ladder-2-position", "4")
                .set("ladder-3-position", "2").set("ladder-3-code", "KF").set("ladder-3-role", "klachtenfunctionaris")
                .set("ladder-3-holder", "mevrouw K. Functionaris")
                .set("bodies-0-code", "GI").set("bodies-0-kind", "geschilleninstantie")
                .set("bodies-0-name", "Geschilleninstantie Zorg").set("bodies-0-address", "Postbus 1, 1000 AA Zorgstad")
                .set("bodies-1-code", "CVP").set("bodies-1-kind", "cliëntvertrouwenspersoon")
                .set("bodies-1-name", "Cliëntvertrouwenspersoon Thuiszorg");
        Page saved = admin.post(profilePath, profile.asMap());
        assertEquals(303, saved.status(), saved.body());
        assertEquals(List.of("EMPLOYEE", "KF", "TEAM_LEAD", "DIRECTOR"), tenants.resolve(SLUG).profile().levelCodes());

        admin.get("/t/" + SLUG + "/gebruikers");
        Map<String, String> user = new LinkedHashMap<>();
        user.put("username", HANDLER);
        user.put("displayName", "Mila Medewerker");
        user.put("password", DEMO_PASSWORD);
        user.put("passwordConfirmation", DEMO_PASSWORD);
        user.put("roles", "STAFF");
        assertEquals(303, admin.post("/t/" + SLUG + "/gebruikers", user).status());
    }

    private void writeAndActivateTheRegulation() {
        PageSession admin = loggedInAs(ADMIN);
        Page list = admin.get(REGULATION);
        PostedForm create = PostedForm.of(list.body(), "new-version-form");
        assertEquals("form", create.get("kind"), "no version yet: the model is the start");
        create.set("version", "2026-01").set("effectiveFrom", "2026-01-01")
                .set("title", "Klachtenregeling Thuiszorg De Zes");
        Page created = admin.post(REGULATION + "/nieuw", create.asMap());
        assertEquals(303, created.status(), created.body());
        String path = REGULATION + "/2026-01";

        // The model's two terms become the callback (informal) and the statutory decision; two rows are added.
        PostedForm form = PostedForm.of(admin.get(path).body(), "version-form");
        assertEquals("ACKNOWLEDGE", form.get("terms[0].code"));
        form.set("terms[0].code", "CONTACT").set("terms[0].appliesTo", "INFORMAL").set("terms[0].amount", "3")
                .set("terms[0].unit", "WORKING_DAYS").set("terms[0].satisfiedBy", "CONTACTED")
                .set("terms[0].label", "neemt een medewerker telefonisch contact met u op")
                .set("terms[0].quote", "Artikel 3.1 (terugbelverzoek): 'Wij bellen u binnen drie werkdagen terug.'")
                .set("terms[1].quote", "Artikel 5.2: 'U ontvangt binnen zes weken ons schriftelijk oordeel' (Wkkgz "
                        + "artikel 17 lid 1).")
                .set("terms[2].code", "CONTACT").set("terms[2].appliesTo", "FORMAL").set("terms[2].startsAt", "RECEIVED")
                .set("terms[2].amount", "10").set("terms[2].unit", "WORKING_DAYS")
                .set("terms[2].satisfiedBy", "CONTACTED")
                .set("terms[2].quote", "Artikel 5.1: 'Binnen tien werkdagen neemt de behandelaar contact met u op.'")
                .set("terms[3].code", "KF_CONTACT").set("terms[3].appliesTo", "ALL").set("terms[3].startsAt", "ESCALATED")
                .set("terms[3].startLevel", "KF").set("terms[3].amount", "10").set("terms[3].unit", "WORKING_DAYS")
                .set("terms[3].satisfiedBy", "CONTACTED")
                .set("terms[3].label", "neemt de klachtenfunctionaris contact met u op")
                .set("terms[3].quote", "Artikel 4.2: 'Binnen 10 werkdagen neemt de klachtenfunctionaris contact met u "
                        + "op.'")
                .set("extensions[0].beyondWithConsent", "on")
                .set("extensions[0].quote", "Artikel 5.3: 'eenmaal met ten hoogste vier weken; langer alleen met uw "
                        + "instemming' (Wkkgz artikel 17 lid 2)")
                .set("registration.quote", "Artikel 8: 'Formele klachten worden geregistreerd.'")
                .set("kpis[0].target", "")
                .set("kpis[0].quote", "Artikel 9: 'Elke formele klacht wordt binnen de wettelijke termijn beoordeeld.'")
                .set("kpis[1].code", "TERUGBELLEN_OP_TIJD").set("kpis[1].label", "Terugbelverzoeken op tijd")
                .set("kpis[1].measure", "ON_TIME:CONTACT").set("kpis[1].comparator", "GE").set("kpis[1].target", "0.9")
                .set("kpis[1].quote", "Artikel 9: '90% van de terugbelverzoeken op tijd'")
                .set("reports[0].quote", "Artikel 10: 'Jaarlijks verslag aan de raad van bestuur.'")
                .set("escalation.quote", "Artikel 4.1: 'Bent u niet tevreden, dan kunt u naar de "
                        + "klachtenfunctionaris.'")
                .set("externalBodies[0].body", "GI").set("externalBodies[0].appliesTo", "ALL")
                .set("externalBodies[0].atLevel", "KF").set("externalBodies[0].endsOwnDuty", "on")
                .set("externalBodies[0].quote", "Artikel 6: 'daarna kunt u naar de geschilleninstantie, die de klacht "
                        + "overneemt'")
                .set("suspensions[0].term", "*").set("suspensions[0].maxDays", "14")
                .set("suspensions[0].quote", "Artikel 7: 'wachten wij op u, dan staat de termijn stil, hoogstens twee "
                        + "weken'")
                .set("rollOverQuote", "Artikel 11: 'eindigt een termijn in het weekend, dan op de werkdag erna'");
        Page saved = admin.post(path, form.asMap());
        assertEquals(303, saved.status(), saved.body());

        // The month term after the judgement, and the cliëntvertrouwenspersoon, in the new spare rows.
        PostedForm more = PostedForm.of(admin.get(path).body(), "version-form");
        assertEquals("KF_CONTACT", more.get("terms[3].code"));
        more.set("terms[4].code", "NAZORG").set("terms[4].appliesTo", "FORMAL").set("terms[4].startsAt", "DECIDED")
                .set("terms[4].amount", "1").set("terms[4].unit", "MONTHS").set("terms[4].satisfiedBy", "CHECK_CONFIRMED")
                .set("terms[4].quote", "Artikel 5.4: 'Binnen een maand na het oordeel gaan wij na of de afspraken zijn "
                        + "nagekomen.'")
                .set("externalBodies[1].body", "CVP").set("externalBodies[1].appliesTo", "ALL")
                .set("externalBodies[1].quote", "Artikel 6.1: 'de cliëntvertrouwenspersoon staat u bij'");
        Page again = admin.post(path, more.asMap());
        assertEquals(303, again.status(), again.body());

        Page draft = admin.get(path);
        assertNotNull(textOf(draft.body(), "check-ok"), () -> textOf(draft.body(), "check-problems") + " / "
                + textOf(draft.body(), "check-placeholders"));
        StoredVersion stored = administration.version(tenants.resolve(SLUG), "2026-01");
        assertEquals(1.0, stored.parameters().kpis().get(0).target(), "a statutory term's norm is 100%");
        assertEquals(List.of("regulation.drl"), List.copyOf(stored.version().ruleSet().sources().keySet()),
                "the form alone, no DRL typed");

        Page summary = admin.get(path + "/vaststellen");
        assertEquals(200, summary.status(), summary.body());
        assertNotNull(textOf(summary.body(), "confirm-first"), "the first version of this organisation");
        String words = summary.body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(words.contains("10 werkdagen na escalatie naar klachtenfunctionaris (of na ontvangst als de klacht "
                + "daar binnenkomt)"), words);
        Page done = admin.post(path + "/vaststellen", PostedForm.of(summary.body(), "confirm-form").asMap());
        assertEquals(303, done.status(), done.body());
        assertEquals(VersionStatus.ACTIVE, administration.version(tenants.resolve(SLUG), "2026-01").status());
    }

    // --- through the API, as the handler ------------------------------------------------------------------------

    private Map<String, Object> create(String kind, String receivedOn, String level) {
        Map<String, Object> body = complaint(kind, "PHONE", receivedOn);
        body.put("category", "OVERIG");
        body.put("summary", "Terugbelverzoek: niemand belde terug over de thuiszorg.");
        if (level != null) {
            body.put("escalationLevel", level);
        }
        Response r = sendAs(HANDLER, HttpRequest.POST(API, body));
        assertEquals(201, r.status(), () -> "create: " + r.body());
        return r.body();
    }

    @Override
    protected Response send(HttpRequest<?> request) {
        return sendAs(HANDLER, request);
    }
}
