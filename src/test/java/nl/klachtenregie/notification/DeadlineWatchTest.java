package nl.klachtenregie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.profile.ProfileService;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.MovableClock;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.support.TestMail;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The clock moves and the product acts: IederZijnWerk Ambulant's procedure sends the handler a reminder before the
 * ontvangstbevestiging is due (5 werkdagen), tells the next rung when the term was missed, and tells the directie of
 * every complaint ("De directie ... wordt door de medewerkers op de hoogte gesteld van elke ingediende klacht"). The
 * mails are received by a real SMTP server; the clock is the product's own, moved by the test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineWatchTest implements TestPropertyProvider {

    private static final String HANDLER_MAIL = "iederzijnwerk.medewerker@example.org";
    private static final String DIRECTIE = "directie@iederzijnwerk.example";
    private static final String TEAM_LEAD = "coordinator@iederzijnwerk.example";
    private static final String SERVICEDESK = "servicedesk@iederzijnwerk.example";

    private final TestMail mail = new TestMail();

    @Inject
    DeadlineWatch watch;
    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    Outbox outbox;
    @Inject
    ComplaintService complaints;
    @Inject
    TenantDirectory tenants;
    @Inject
    ProfileService profiles;
    @Inject
    UserDirectory users;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.freshSchemaProperties());
        props.putAll(mail.properties());
        props.put(MovableClock.PROPERTY, "true");
        return props;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeEach
    void configureTenant() {
        mail.purge();
        Tenant t = tenants.resolve("iederzijnwerk");
        TenantProfile.Notifications n = new TenantProfile.Notifications(SERVICEDESK, DIRECTIE,
                Map.of("TEAM_LEAD", TEAM_LEAD), List.of(3));
        if (!t.profile().notifications().equals(n)) {
            profiles.update(t, t.profile().withNotifications(n), "test");
        }
    }

    private Tenant tenant() {
        return tenants.resolve("iederzijnwerk");
    }

    private CaseView fileLetter(String receivedOn) {
        clock.set(receivedOn);
        Tenant t = tenant();
        long handler = users.findByUsername("iederzijnwerk.medewerker").orElseThrow().id().value();
        return complaints.create(t, new NewComplaint(ComplaintKind.FORMAL, Channel.LETTER, LocalDate.parse(receivedOn),
                null, new Complainant("P. de Vries", ComplainantRole.CLIENT, "p.devries@example.org", "0612345678",
                        "Dorpsstraat 1", "Zwolle"),
                "Mijn begeleider kwam drie keer niet opdagen.", "BEJEGENING", "AMBULANT", null, false, false),
                new nl.klachtenregie.security.UserId(handler));
    }

    private List<TestMail.Received> runOn(String day) {
        clock.set(day);
        watch.run();
        dispatcher.dispatch();
        return mail.received();
    }

    @Test
    void handlerIsRemindedThreeDaysBeforeTheAcknowledgementIsDueAndOnlyOnce() {
        CaseView c = fileLetter("2026-11-02");
        // 5 werkdagen after Monday 2 November: Monday 9 November.
        assertEquals(LocalDate.parse("2026-11-09"), due(c, "ACKNOWLEDGE"));

        assertTrue(runOn("2026-11-05").stream().noneMatch(m -> m.subject().startsWith("Herinnering")
                && m.subject().contains(c.reference())), "4 days before: no reminder yet");
        List<TestMail.Received> reminders = runOn("2026-11-06").stream()
                .filter(m -> m.subject().startsWith("Herinnering") && m.subject().contains(c.reference())).toList();
        assertEquals(1, reminders.size(), "3 days before: one reminder");
        TestMail.Received r = reminders.get(0);
        assertEquals(HANDLER_MAIL, r.to());
        assertEquals("Herinnering: Ontvangst van de klacht bevestigen voor " + c.reference() + " uiterlijk 9 november 2026",
                r.subject());
        assertTrue(r.body().contains("loopt af op 9 november 2026 (nog 3 dagen)"), r.body());
        assertTrue(r.body().contains("/t/iederzijnwerk/klachten/" + c.id()), r.body());

        // The watch runs every few minutes, on every instance: the reminder is not sent again, not the next day either.
        runOn("2026-11-06");
        runOn("2026-11-07");
        assertEquals(1, mail.received().stream()
                .filter(m -> m.subject().startsWith("Herinnering") && m.subject().contains(c.reference())).count());
    }

    @Test
    void aMissedTermIsAnnouncedToTheNextRungOfTheLadder() {
        CaseView c = fileLetter("2026-11-02");
        runOn("2026-11-09");
        assertTrue(mail.received().stream().noneMatch(m -> m.subject().startsWith("Termijn verstreken")
                && m.subject().contains(c.reference())), "due today is not missed yet");

        List<TestMail.Received> missed = runOn("2026-11-10").stream()
                .filter(m -> m.subject().startsWith("Termijn verstreken") && m.subject().contains(c.reference()))
                .toList();
        assertEquals(1, missed.size());
        // The case is at the employee; the rung above (leidinggevende/coördinator) has its own address.
        assertEquals(TEAM_LEAD, missed.get(0).to());
        assertTrue(missed.get(0).body().contains("op 9 november 2026 verstreken"), missed.get(0).body());
        assertTrue(missed.get(0).body().contains("Behandelaar: "), missed.get(0).body());
        assertEquals(ObligationStatus.OVERDUE, complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null).obligations()
                .stream().filter(o -> o.code().equals("ACKNOWLEDGE")).findFirst().orElseThrow().status());

        runOn("2026-11-11");
        assertEquals(1, mail.received().stream()
                .filter(m -> m.subject().startsWith("Termijn verstreken") && m.subject().contains(c.reference()))
                .count(), "announced once");
    }

    @Test
    void aMissedTermNoticeStaysOnRecordMarkedSupersededWhenAnExtensionAnnouncedInTimeIsRecordedLate() {
        // Judgement: 6 weeks after Tue 01-12-2026 = Tue 12-01-2027. Announced in writing on 08-01, recorded on 15-01.
        CaseView c = fileLetter("2026-12-01");
        assertEquals(LocalDate.parse("2027-01-12"), due(c, "DECIDE"));
        List<TestMail.Received> missed = runOn("2027-01-13").stream()
                .filter(m -> m.subject().startsWith("Termijn verstreken") && m.subject().contains(c.reference())
                        && m.subject().contains("Besluit")).toList();
        assertEquals(1, missed.size(), () -> mail.received().toString());

        clock.set("2027-01-15");
        complaints.recordEvent(tenant(), new ComplaintId(c.id()), new NewEvent(EventType.EXTENSION_ANNOUNCED,
                LocalDate.parse("2027-01-08"), 4, null, null, null, null, null, null, null, null, null)
                .withNotice(LocalDate.parse("2027-01-08"), "brief 08-01-2027, kenmerk IZW-17",
                        "De behandelaar legde de verlenging pas na haar vakantie vast."));
        OutboxMessage notice = outbox.ofComplaint(tenant(), c.id()).stream()
                .filter(m -> m.kind() == MessageKind.MISSED_TERM && m.subject().contains("Besluit")).findFirst()
                .orElseThrow();
        assertEquals(DeliveryState.SENT, notice.state(), "it was sent and stays on record");
        assertTrue(notice.note() != null && notice.note().startsWith("Vervangen: de verlenging was op tijd "
                + "schriftelijk aangekondigd"), () -> String.valueOf(notice.note()));
        assertTrue(notice.note().contains("09-02-2027"), notice.note());
        assertEquals(LocalDate.parse("2027-02-09"), due(complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null),
                "DECIDE"));
    }

    @Test
    void aMissedTermNoticeNotYetSentIsNotSentOnceAnExtensionAnnouncedInTimeIsRecordedLate() {
        CaseView c = fileLetter("2026-12-01");
        clock.set("2027-01-13");
        watch.run();
        OutboxMessage queued = outbox.ofComplaint(tenant(), c.id()).stream()
                .filter(m -> m.kind() == MessageKind.MISSED_TERM && m.subject().contains("Besluit")).findFirst()
                .orElseThrow();
        assertEquals(DeliveryState.PENDING, queued.state());

        clock.set("2027-01-15");
        complaints.recordEvent(tenant(), new ComplaintId(c.id()), new NewEvent(EventType.EXTENSION_ANNOUNCED,
                LocalDate.parse("2027-01-08"), 4, null, null, null, null, null, null, null, null, null)
                .withNotice(LocalDate.parse("2027-01-08"), "brief 08-01-2027, kenmerk IZW-18",
                        "Vastgelegd na de vakantie van de behandelaar."));
        dispatcher.dispatch();
        OutboxMessage kept = outbox.ofComplaint(tenant(), c.id()).stream()
                .filter(m -> m.id() == queued.id()).findFirst().orElseThrow();
        assertEquals(DeliveryState.NOT_SENT, kept.state(), "the term was not missed: the notice does not go out");
        assertTrue(kept.note() != null && kept.note().startsWith("Vervangen:"), () -> String.valueOf(kept.note()));
        assertTrue(mail.received().stream().noneMatch(m -> m.subject().startsWith("Termijn verstreken")
                && m.subject().contains(c.reference()) && m.subject().contains("Besluit")),
                () -> mail.received().toString());
    }

    @Test
    void directieHearsOfEveryComplaintAndTheDutyIsRecordedOnTheTimeline() {
        CaseView c = fileLetter("2026-11-03");
        List<TestMail.Received> notices = runOn("2026-11-03").stream()
                .filter(m -> m.subject().equals("Melding aan de leiding: klacht " + c.reference())).toList();
        assertEquals(1, notices.size());
        assertEquals(DIRECTIE, notices.get(0).to());
        assertTrue(notices.get(0).body().contains("op de hoogte gesteld van elke ingediende klacht"),
                "the rule quoting the regulation is the basis: " + notices.get(0).body());

        CaseView after = complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(c.id()), null);
        assertTrue(after.events().stream().anyMatch(e -> e.type() == EventType.MANAGEMENT_INFORMED
                && e.on().equals(LocalDate.parse("2026-11-03"))), "recorded on the timeline");
        assertEquals(ObligationStatus.MET, after.obligations().stream()
                .filter(o -> o.code().equals("INFORM_MANAGEMENT")).findFirst().orElseThrow().status());
        assertTrue(!after.nextActions().contains("MANAGEMENT_INFORMED"), "not offered again once done");
        OutboxMessage sent = outbox.ofComplaint(tenant(), c.id()).stream()
                .filter(m -> m.kind() == MessageKind.MANAGEMENT_NOTICE).findFirst().orElseThrow();
        assertEquals(DeliveryState.SENT, sent.state());
        assertTrue(sent.note().startsWith("Leiding geïnformeerd op de tijdlijn vastgelegd"), sent.note());
    }

    @Test
    void aFailedSendIsRetriedAndNeverLost() {
        CaseView c = fileLetter("2026-11-04");
        clock.set("2026-11-04");
        watch.run();
        mail.stop();
        try {
            dispatcher.dispatch();
            OutboxMessage m = notice(c);
            assertEquals(DeliveryState.PENDING, m.state(), "back in the queue after a failure");
            assertEquals(1, m.attempts());
            assertTrue(m.lastError() != null && !m.lastError().isBlank());
            dispatcher.dispatch();
            dispatcher.dispatch();
            m = notice(c);
            assertEquals(DeliveryState.FAILED, m.state(), "after the last attempt: failed, and kept");
            assertEquals(3, m.attempts());
        } finally {
            mail.start();
        }
        outbox.retry(tenant(), notice(c).id());
        dispatcher.dispatch();
        assertEquals(DeliveryState.SENT, notice(c).state());
        assertEquals(1, mail.received().stream()
                .filter(r -> r.subject().equals("Melding aan de leiding: klacht " + c.reference())).count());
    }

    @Test
    void theDateMovingReevaluatesOpenCasesOncePerDay() {
        fileLetter("2026-11-05");
        clock.set("2026-11-05");
        DeadlineWatch.Result first = watch.run();
        assertTrue(first.reevaluated() >= 1, "open cases are evaluated again: " + first);
        DeadlineWatch.Result again = watch.run();
        assertEquals(0, again.reevaluated(), "once per case per day, however often the watch runs");
        clock.set("2026-11-06");
        assertTrue(watch.run().reevaluated() >= 1, "and again the next day");
    }

    @Test
    void anEarlierComplaintRegisteredLaterMakesTheLaterOneARepeatedComplaintAtTheNextRun() {
        // Klimkoord 6.1: an informal complaint is registered when "er wordt herhaaldelijk over ... dezelfde persoon
        // geklaagd". The second complaint about J. Jansen is registered first; the first arrives by post later.
        Tenant klimkoord = tenants.resolve("klimkoord");
        clock.set("2026-11-10");
        CaseView later = complaints.create(klimkoord, informal("2026-11-10", "J. Jansen"));
        assertTrue(!later.registrationRequired(), "alone, an informal complaint needs no registration");
        clock.set("2026-11-12");
        complaints.create(klimkoord, informal("2026-11-05", "j. jansen"));
        assertTrue(!complaints.get(klimkoord, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(later.id()), null).registrationRequired(),
                "nothing happened in the later case itself");

        watch.run();

        CaseView now = complaints.get(klimkoord, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(later.id()), null);
        assertTrue(now.registrationRequired(), "the daily re-evaluation sees the earlier complaint");
        assertTrue(now.registrationReasons().stream().anyMatch(r -> r.contains("dezelfde persoon")),
                now.registrationReasons().toString());
        assertTrue(now.obligations().stream().anyMatch(o -> o.code().equals("INFORM_MANAGEMENT")),
                "and the Kwaliteitsmanager must now hear of it");
    }

    @Test
    void remindersGoAsManyDaysBeforeTheDueDateAsTheTenantSays() {
        Tenant t = tenant();
        profiles.update(t, t.profile().withNotifications(new TenantProfile.Notifications(SERVICEDESK, DIRECTIE,
                Map.of("TEAM_LEAD", TEAM_LEAD), List.of(5, 1))), "test");
        // Received Monday 5 October: the decision is due 6 weeks later, Monday 16 November.
        CaseView c = fileLetter("2026-10-05");
        assertEquals(LocalDate.parse("2026-11-16"), due(c, "DECIDE"));
        for (String day : List.of("2026-11-10", "2026-11-11", "2026-11-12", "2026-11-14", "2026-11-15", "2026-11-16")) {
            runOn(day);
        }
        List<TestMail.Received> decide = mail.received().stream().filter(m -> m.subject().equals(
                "Herinnering: Besluit nemen en schriftelijk meedelen voor " + c.reference() + " uiterlijk 16 november 2026"))
                .toList();
        assertEquals(2, decide.size(), "one 5 days before, one 1 day before");
        assertTrue(decide.get(0).body().contains("(nog 5 dagen)"), decide.get(0).body());
        assertTrue(decide.get(1).body().contains("(nog 1 dag)."), decide.get(1).body());
    }

    @Test
    void anExtensionMovesTheDueDateAndTheReminderFollowsIt() {
        CaseView c = fileLetter("2026-10-05");
        runOn("2026-11-13");
        // IederZijnWerk: "binnen die tijd om een verlenging van 4 weken vragen".
        complaints.recordEvent(tenant(), new ComplaintId(c.id()), new NewEvent(EventType.EXTENSION_ANNOUNCED,
                LocalDate.parse("2026-11-13"), 4, null, null, null, null, null, null, "Hoor en wederhoor", null, null));
        runOn("2026-12-11");
        List<String> subjects = mail.received().stream().map(TestMail.Received::subject)
                .filter(x -> x.startsWith("Herinnering: Besluit nemen") && x.contains(c.reference())).toList();
        assertEquals(List.of(
                "Herinnering: Besluit nemen en schriftelijk meedelen voor " + c.reference() + " uiterlijk 16 november 2026",
                "Herinnering: Besluit nemen en schriftelijk meedelen voor " + c.reference() + " uiterlijk 14 december 2026"),
                subjects);
        assertTrue(mail.received().stream().noneMatch(m -> m.subject().startsWith("Termijn verstreken: Besluit")
                && m.subject().contains(c.reference())), "the extended term was not missed");
    }

    @Test
    void aCaseWithoutAHandlerIsRemindedThroughTheIntakeAddress() {
        clock.set("2026-11-02");
        CaseView c = complaints.create(tenant(), new NewComplaint(ComplaintKind.FORMAL, Channel.EMAIL,
                LocalDate.parse("2026-11-02"), null, new Complainant("Q. Klaas", ComplainantRole.CLIENT,
                "q@example.org", null, null), "Niemand belde terug.", "BEJEGENING", "AMBULANT", null, false, false));
        List<TestMail.Received> reminders = runOn("2026-11-06").stream()
                .filter(m -> m.subject().startsWith("Herinnering") && m.subject().contains(c.reference())).toList();
        assertEquals(1, reminders.size());
        assertEquals(SERVICEDESK, reminders.get(0).to());
        assertTrue(reminders.get(0).body().contains("geen behandelaar met een e-mailadres"), reminders.get(0).body());
    }

    @Test
    void withNobodyToTellTheMessageIsKeptAsNoRecipient() {
        // Procedure 6.5 step 1: an informal complaint is reported to the directie; this tenant set no address.
        Tenant t = tenants.resolve("kwaliteitsprocedure-6-5");
        clock.set("2026-11-09");
        CaseView c = complaints.create(t, new NewComplaint(ComplaintKind.INFORMAL, Channel.PHONE,
                LocalDate.parse("2026-11-09"), null, new Complainant("R. Smit", ComplainantRole.CLIENT, null, "0611111111",
                null), "De planning klopte niet.", t.profile().categories().get(0).code(), null, null, false, false));
        runOn("2026-11-09");
        OutboxMessage m = outbox.ofComplaint(t, c.id()).stream().filter(x -> x.kind() == MessageKind.MANAGEMENT_NOTICE)
                .findFirst().orElseThrow();
        assertEquals(DeliveryState.NO_RECIPIENT, m.state());
        assertEquals(null, m.recipient());
        assertTrue(mail.received().stream().noneMatch(r -> r.subject().contains(c.reference())));
    }

    @Test
    void termsThatRanOutLongBeforeTheWatchStartedAreMarkedNotAnnounced() {
        runOn("2026-11-02");
        CaseView old = fileLetter("2026-09-01");
        runOn("2026-11-20");
        assertTrue(outbox.ofComplaint(tenant(), old.id()).isEmpty(),
                "switching the product on over old cases sends no flood: " + outbox.ofComplaint(tenant(), old.id()));
        assertEquals(ObligationStatus.OVERDUE, complaints.get(tenant(), nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(old.id()), null).obligations()
                .stream().filter(o -> o.code().equals("ACKNOWLEDGE")).findFirst().orElseThrow().status());
    }

    @Test
    void anotherTenantsMessagesAreOutOfReach() {
        CaseView c = fileLetter("2026-11-03");
        runOn("2026-11-03");
        OutboxMessage m = outbox.ofComplaint(tenant(), c.id()).get(0);
        Tenant impuls = tenants.resolve("impuls");
        assertTrue(outbox.ofComplaint(impuls, c.id()).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(nl.klachtenregie.shared.NotFoundException.class,
                () -> outbox.get(impuls, m.id()));
        assertTrue(outbox.page(impuls, null, 200, 0).messages().stream().noneMatch(x -> x.id() == m.id()));
    }

    private static NewComplaint informal(String receivedOn, String employee) {
        return new NewComplaint(ComplaintKind.INFORMAL, Channel.WEB_FORM, LocalDate.parse(receivedOn), null,
                new Complainant("M. Bos", ComplainantRole.CLIENT, "m.bos@example.org", null, null),
                "De training begon steeds te laat.", "TRAININGSAANBOD", null, employee, false, false);
    }

    private OutboxMessage notice(CaseView c) {
        return outbox.ofComplaint(tenant(), c.id()).stream().filter(m -> m.kind() == MessageKind.MANAGEMENT_NOTICE)
                .findFirst().orElseThrow();
    }

    private static LocalDate due(CaseView c, String code) {
        return c.obligations().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().dueOn();
    }
}
