package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.SuspensionPolicy;
import org.junit.jupiter.api.Test;

/**
 * The case rules that hold for every regulation, one policy at a time and without a database or rule engine: each
 * allows what it should and refuses with exactly the reason the handler reads.
 */
class CasePoliciesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 20);

    // --- closed is closed --------------------------------------------------------------------------------------

    @Test
    void aClosedCaseTakesNoFurtherStep() {
        assertRefused(List.of("Het dossier is gesloten; er kan niets meer aan worden toegevoegd."),
                CasePolicies.NO_STEPS_AFTER_CLOSING.check(CaseStatus.CLOSED));
    }

    @Test
    void aCaseInProgressTakesSteps() {
        assertAllowed(CasePolicies.NO_STEPS_AFTER_CLOSING.check(CaseStatus.IN_PROGRESS));
    }

    // --- acknowledgement ---------------------------------------------------------------------------------------

    @Test
    void aSecondAcknowledgementIsRefusedWithTheDayOfTheFirst() {
        Case c = new Case().event(EventType.ACKNOWLEDGED, LocalDate.of(2025, 3, 5));
        assertRefused(List.of("De ontvangst is al bevestigd op 05-03-2025."),
                new AcknowledgedOncePolicy().check(c.step(event(EventType.ACKNOWLEDGED, TODAY))));
    }

    @Test
    void theFirstAcknowledgementIsAllowed() {
        assertAllowed(new AcknowledgedOncePolicy().check(new Case().step(event(EventType.ACKNOWLEDGED, TODAY))));
    }

    // --- closing -----------------------------------------------------------------------------------------------

    @Test
    void aCaseStillInProgressIsNotClosed() {
        assertRefused(List.of("Een dossier wordt pas gesloten na een beslissing, een informele oplossing, een "
                        + "niet-ontvankelijkverklaring of een doorverwijzing naar een externe instantie die de klacht "
                        + "overneemt."),
                new ClosedOnlyAfterConclusionPolicy().check(new Case().step(event(EventType.CLOSED, TODAY))));
    }

    @Test
    void aCaseReferredToABodyThatTakesItOverMayBeClosed() {
        assertAllowed(new ClosedOnlyAfterConclusionPolicy().check(new Case().status(CaseStatus.REFERRED_EXTERNAL)
                .step(event(EventType.CLOSED, TODAY))));
    }

    @Test
    void closingWithADutyNobodyMetIsRefusedAndNamesTheDuty() {
        Case c = new Case().status(CaseStatus.DECIDED)
                .duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY.plusDays(3), null, false, "art. 4",
                        ""));
        assertRefused(List.of("Het dossier kan nog niet worden gesloten: deze plicht is nog door niemand uitgevoerd. "
                        + "Voer haar uit, of zet haar met een reden opzij (Plicht opzijzetten).",
                        "Open: " + DutyNames.of("OWN_DUTY", "") + " (uiterlijk 23-03-2025), grond: art. 4"),
                new NoDutyLapsesOnClosingPolicy().check(c.step(event(EventType.CLOSED, TODAY))));
    }

    @Test
    void aDutyWhoseTermRanOutStaysMissedAndDoesNotHoldUpClosing() {
        Case c = new Case().status(CaseStatus.DECIDED)
                .duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY.minusDays(1), null, false, "", ""));
        assertAllowed(new NoDutyLapsesOnClosingPolicy().check(c.step(event(EventType.CLOSED, TODAY))));
    }

    @Test
    void openDutiesOfACaseThatCannotBeClosedYetAreLeftToTheOtherPolicy() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, null, null, false, "", ""));
        assertAllowed(new NoDutyLapsesOnClosingPolicy().check(c.step(event(EventType.CLOSED, TODAY))));
    }

    // --- escalation, referral, external outcome ----------------------------------------------------------------

    @Test
    void escalatingToALevelNotOfferedIsRefusedWithTheLevelsThatAre() {
        Case c = new Case().escalationOptions("KLACHTENCOMMISSIE");
        assertRefused(List.of("Escaleren naar DIRECTIE is nu niet mogelijk; wel naar: KLACHTENCOMMISSIE."),
                new EscalationToAnOfferedLevelPolicy().check(c.step(escalate("DIRECTIE"))));
    }

    @Test
    void escalatingToAnOfferedLevelIsAllowed() {
        Case c = new Case().escalationOptions("KLACHTENCOMMISSIE");
        assertAllowed(new EscalationToAnOfferedLevelPolicy().check(c.step(escalate("KLACHTENCOMMISSIE"))));
    }

    @Test
    void referringToABodyTheRegulationDoesNotNameIsRefused() {
        assertRefused(List.of("Doorverwijzen naar GESCHILLENCOMMISSIE is volgens het reglement niet mogelijk."),
                new ReferralToANamedBodyPolicy().check(new Case().step(refer("GESCHILLENCOMMISSIE"))));
    }

    @Test
    void referringToANamedBodyIsAllowed() {
        Case c = new Case().externalBodies("GESCHILLENCOMMISSIE");
        assertAllowed(new ReferralToANamedBodyPolicy().check(c.step(refer("GESCHILLENCOMMISSIE"))));
    }

    @Test
    void anExternalOutcomeWithoutAReferralIsRefused() {
        assertRefused(List.of("Er is geen doorverwijzing naar een externe instantie vastgelegd; leg eerst die vast."),
                new ExternalOutcomeAfterReferralPolicy().check(new Case()
                        .step(event(EventType.EXTERNAL_OUTCOME_RECEIVED, TODAY))));
    }

    @Test
    void anExternalOutcomeAfterAReferralIsAllowed() {
        Case c = new Case().event(refer("GESCHILLENCOMMISSIE"));
        assertAllowed(new ExternalOutcomeAfterReferralPolicy().check(
                c.step(event(EventType.EXTERNAL_OUTCOME_RECEIVED, TODAY))));
    }

    // --- extensions --------------------------------------------------------------------------------------------

    @Test
    void aConcludedComplaintHasNoTermLeftToExtend() {
        assertRefused(List.of("Er valt niets meer te verlengen: de klacht is al afgerond."),
                new NoExtensionAfterConclusionPolicy().check(new Case().status(CaseStatus.DECIDED)
                        .step(extend(TODAY, 2))));
    }

    @Test
    void aComplaintInProgressMayHaveItsTermExtended() {
        assertAllowed(new NoExtensionAfterConclusionPolicy().check(new Case().step(extend(TODAY, 2))));
    }

    @Test
    void anExtensionUnderARegulationWithoutOneIsRefusedWithTheVersion() {
        assertRefused(List.of("Het klachtenreglement (versie 2025-1) kent geen verlenging van de termijn."),
                new ExtensionOnlyWhereTheRegulationProvidesPolicy().check(new Case().step(extend(TODAY, 2))));
    }

    @Test
    void aRuleRefusingTheExtensionInItsOwnWordsSpeaksInsteadOfTheGenericReason() {
        Case c = new Case().ruleReasons("Artikel 9: deze termijn wordt niet verlengd.");
        assertAllowed(new ExtensionOnlyWhereTheRegulationProvidesPolicy().check(c.step(extend(TODAY, 2))));
    }

    @Test
    void aSecondExtensionIsRefusedWithTheArticle() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true))
                .event(extend(LocalDate.of(2025, 3, 10), 2));
        assertRefused(List.of("De termijn is al één keer verlengd; het reglement staat maar één verlenging toe. Langer "
                        + "kan alleen met instemming van de klager (Wkkgz art. 17 lid 2): leg vast wie instemde, "
                        + "wanneer en hoe."),
                new NoMoreExtensionsThanAllowedPolicy().check(c.step(extend(TODAY, 2))));
    }

    @Test
    void aSecondExtensionWithTheComplainantsDocumentedConsentIsAllowed() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true))
                .event(extend(LocalDate.of(2025, 3, 10), 2));
        assertAllowed(new NoMoreExtensionsThanAllowedPolicy().check(c.step(extend(TODAY, 2)
                .withConsent("de klager", TODAY, "telefonisch"))));
    }

    @Test
    void anExtensionLongerThanTheRegulationAllowsIsRefused() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true));
        assertRefused(List.of("Een verlenging mag hoogstens 4 weken zijn; gevraagd: 6 weken."),
                new ExtensionNoLongerThanAllowedPolicy().check(c.step(extend(TODAY, 6))));
    }

    @Test
    void anExtensionWithinTheAllowedLengthIsAllowed() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 1, "MONTHS", true));
        assertAllowed(new ExtensionNoLongerThanAllowedPolicy().check(c.step(extend(TODAY, 4))));
    }

    @Test
    void consentDoesNotLengthenAnExtensionTheRegulationCapsWithoutIt() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, false));
        assertRefused(List.of("Het klachtenreglement staat geen langere verlenging toe, ook niet met instemming van de "
                        + "klager."),
                new ConsentOnlyWhereTheRegulationAllowsPolicy().check(c.step(extend(TODAY, 2)
                        .withConsent("de klager", TODAY, "per mail"))));
    }

    @Test
    void consentIsTakenWhereTheRegulationAllowsIt() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true));
        assertAllowed(new ConsentOnlyWhereTheRegulationAllowsPolicy().check(c.step(extend(TODAY, 2)
                .withConsent("de klager", TODAY, "per mail"))));
    }

    @Test
    void consentDatedInTheFutureIsRefused() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true));
        assertRefused(List.of("De instemming van de klager (21-03-2025) ligt in de toekomst."),
                new ConsentNotInTheFuturePolicy().check(c.step(extend(TODAY, 2)
                        .withConsent("de klager", TODAY.plusDays(1), "per mail"))));
    }

    @Test
    void consentGivenTodayIsAllowed() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true, true));
        assertAllowed(new ConsentNotInTheFuturePolicy().check(c.step(extend(TODAY, 2)
                .withConsent("de klager", TODAY, "per mail"))));
    }

    @Test
    void anExtensionAnnouncedAfterTheTermRanOutIsRefusedAsTooLate() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true))
                .duty(new ScheduledObligation("DECIDE", RECEIVED, LocalDate.of(2025, 3, 17), null, false, "", ""));
        assertRefused(List.of("Een verlenging moet worden aangekondigd voordat de termijn verloopt (17-03-2025); "
                        + "18-03-2025 is te laat."),
                new ExtensionAnnouncedBeforeTermEndsPolicy().check(c.step(extend(LocalDate.of(2025, 3, 18), 2))));
    }

    @Test
    void aNoticeSentAfterTheTermRanOutIsRefusedWithTheArticle() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true))
                .duty(new ScheduledObligation("DECIDE", RECEIVED, LocalDate.of(2025, 3, 17), null, false, "", ""));
        assertRefused(List.of("De aankondiging van 18-03-2025 is verstuurd nadat de termijn op 17-03-2025 verstreek; "
                        + "zo'n verlenging is niet op tijd aangekondigd (Wkkgz art. 17 lid 2)."),
                new ExtensionAnnouncedBeforeTermEndsPolicy().check(c.step(extend(LocalDate.of(2025, 3, 17), 2)
                        .withNotice(LocalDate.of(2025, 3, 18), "brief 18-03", "vergeten vast te leggen"))));
    }

    @Test
    void anExtensionRecordedLateOnTheEvidenceOfANoticeSentInTimeIsAllowed() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true))
                .duty(new ScheduledObligation("DECIDE", RECEIVED, LocalDate.of(2025, 3, 17), null, false, "", ""));
        assertAllowed(new ExtensionAnnouncedBeforeTermEndsPolicy().check(c.step(extend(LocalDate.of(2025, 3, 14), 2)
                .withNotice(LocalDate.of(2025, 3, 14), "brief 14-03", "vergeten vast te leggen"))));
    }

    // --- duties named by the event -----------------------------------------------------------------------------

    @Test
    void aDutyAlreadyMetIsNotSetAside() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY, LocalDate.of(2025, 3, 10),
                false, "", ""));
        assertRefused(List.of(DutyNames.of("OWN_DUTY", "") + " is op 20-03-2025 al uitgevoerd, vervallen of "
                        + "opzijgezet; er valt niets opzij te zetten."),
                new OnlyOpenDutiesSetAsidePolicy().check(c.step(about(EventType.DUTY_SET_ASIDE, "OWN_DUTY"))));
    }

    @Test
    void anOpenDutyMayBeSetAside() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY, null, false, "", ""));
        assertAllowed(new OnlyOpenDutiesSetAsidePolicy().check(c.step(about(EventType.DUTY_SET_ASIDE, "OWN_DUTY"))));
    }

    @Test
    void aDutyThatIsNoCheckIsNotConfirmedAsOne() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY, null, false, "", ""))
                .rule(new Obligation("OWN_DUTY", RECEIVED, 5, "DAYS", EventType.DECIDED.name()));
        assertRefused(List.of(DutyNames.of("OWN_DUTY", "") + " is geen controle die de behandelaar bevestigt."),
                new OnlyChecksAreConfirmedPolicy().check(c.step(about(EventType.CHECK_CONFIRMED, "OWN_DUTY"))));
    }

    @Test
    void aCheckIsConfirmed() {
        Case c = new Case().duty(new ScheduledObligation("OWN_CHECK", RECEIVED, TODAY, null, false, "", ""))
                .rule(new Obligation("OWN_CHECK", RECEIVED, 5, "DAYS", EventType.CHECK_CONFIRMED.name()));
        assertAllowed(new OnlyChecksAreConfirmedPolicy().check(c.step(about(EventType.CHECK_CONFIRMED, "OWN_CHECK"))));
    }

    @Test
    void aTermTheRegulationDoesNotLetBeSuspendedIsRefused() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY.plusDays(5), null, false, "",
                ""));
        assertRefused(List.of("Het klachtenreglement staat niet toe de termijn van '" + DutyNames.of("OWN_DUTY", "")
                        + "' op te schorten."),
                new SuspensionAsTheRegulationAllowsPolicy().check(c.step(about(EventType.TERM_SUSPENDED,
                        "OWN_DUTY"))));
    }

    @Test
    void aRunningTermTheRegulationLetsBeSuspendedIsSuspended() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY.plusDays(5), null, false, "",
                "")).suspension(new SuspensionPolicy("OWN_DUTY", 30, false, "art. 7"));
        assertAllowed(new SuspensionAsTheRegulationAllowsPolicy().check(c.step(about(EventType.TERM_SUSPENDED,
                "OWN_DUTY"))));
    }

    @Test
    void resumingWhenNothingIsSuspendedIsRefused() {
        assertRefused(List.of("Er is geen opgeschorte termijn om te hervatten."),
                new ResumeOnlySuspendedTermsPolicy().check(new Case().step(about(EventType.TERM_RESUMED))));
    }

    @Test
    void aSuspendedTermIsResumed() {
        Case c = new Case().duty(new ScheduledObligation("OWN_DUTY", RECEIVED, TODAY.plusDays(5), null, false, "",
                "", TODAY.plusDays(5), false, null, "", "", LocalDate.of(2025, 3, 12)));
        assertAllowed(new ResumeOnlySuspendedTermsPolicy().check(c.step(about(EventType.TERM_RESUMED))));
    }

    // --- concluding ----------------------------------------------------------------------------------------------

    @Test
    void aConcludedComplaintIsNotConcludedAgainBeforeItIsEscalated() {
        assertRefused(List.of("De klacht is al afgerond (DECIDED); escaleer eerst als de klager het er niet mee eens "
                        + "is."),
                new ConcludedOncePolicy().check(new Case().status(CaseStatus.DECIDED)
                        .step(event(EventType.RESOLVED_INFORMALLY, TODAY))));
    }

    @Test
    void aComplaintInProgressIsConcluded() {
        assertAllowed(new ConcludedOncePolicy().check(new Case().step(event(EventType.DECIDED, TODAY))));
    }

    // --- the list ------------------------------------------------------------------------------------------------

    @Test
    void theReasonsOfSeveralPoliciesComeInTheOrderOfTheList() {
        Case c = new Case().extension(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true))
                .event(extend(LocalDate.of(2025, 3, 10), 2));
        assertEquals(List.of("De termijn is al één keer verlengd; het reglement staat maar één verlenging toe.",
                        "Een verlenging mag hoogstens 4 weken zijn; gevraagd: 6 weken."),
                CasePolicies.reasons(c.step(extend(TODAY, 6))));
    }

    @Test
    void aPolicyIsAskedOnlyAboutTheEventsItAppliesTo() {
        // a second acknowledgement would be refused, but this is an escalation the regulation offers
        Case c = new Case().event(EventType.ACKNOWLEDGED, RECEIVED).escalationOptions("KLACHTENCOMMISSIE");
        assertEquals(List.of(), CasePolicies.reasons(c.step(escalate("KLACHTENCOMMISSIE"))));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void assertAllowed(CasePolicy.Verdict verdict) {
        assertInstanceOf(CasePolicy.Allowance.class, verdict, verdict::toString);
    }

    private static void assertRefused(List<String> reasons, CasePolicy.Verdict verdict) {
        CasePolicy.Refusal refusal = assertInstanceOf(CasePolicy.Refusal.class, verdict);
        assertEquals(reasons, refusal.reasons());
        assertTrue(refusal.reasons().stream().noneMatch(String::isBlank));
    }

    private static NewEvent event(EventType type, LocalDate on) {
        return NewEvent.of(type, on);
    }

    private static NewEvent extend(LocalDate on, int weeks) {
        return new NewEvent(EventType.EXTENSION_ANNOUNCED, on, weeks, null, null, null, null, null, null, null, null,
                null);
    }

    private static NewEvent escalate(String level) {
        return new NewEvent(EventType.ESCALATED, TODAY, null, level, null, null, null, null, null, null, null, null);
    }

    private static NewEvent refer(String body) {
        return new NewEvent(EventType.REFERRED_EXTERNAL, TODAY, null, null, body, null, null, null, null, null, null,
                null);
    }

    private static NewEvent about(EventType type, String... codes) {
        return NewEvent.about(type, TODAY, List.of(codes), "omdat het moet");
    }

    /** A case as it stands before the proposed step, built up as far as a policy looks at it. */
    private static final class Case {
        private CaseStatus status = CaseStatus.IN_PROGRESS;
        private final List<NewEvent> events = new ArrayList<>();
        private final List<ScheduledObligation> duties = new ArrayList<>();
        private final List<Obligation> rules = new ArrayList<>();
        private final List<ExtensionPolicy> extensions = new ArrayList<>();
        private final List<SuspensionPolicy> suspensions = new ArrayList<>();
        private List<String> escalationOptions = List.of();
        private List<String> externalBodies = List.of();
        private List<String> ruleReasons = List.of();

        Case status(CaseStatus s) {
            status = s;
            return this;
        }

        Case event(EventType type, LocalDate on) {
            return event(NewEvent.of(type, on));
        }

        Case event(NewEvent e) {
            events.add(e);
            return this;
        }

        Case duty(ScheduledObligation o) {
            duties.add(o);
            return this;
        }

        Case rule(Obligation o) {
            rules.add(o);
            return this;
        }

        Case extension(ExtensionPolicy p) {
            extensions.add(p);
            return this;
        }

        Case suspension(SuspensionPolicy p) {
            suspensions.add(p);
            return this;
        }

        Case escalationOptions(String... levels) {
            escalationOptions = List.of(levels);
            return this;
        }

        Case externalBodies(String... bodies) {
            externalBodies = List.of(bodies);
            return this;
        }

        Case ruleReasons(String... reasons) {
            ruleReasons = List.of(reasons);
            return this;
        }

        ProposedStep step(NewEvent proposed) {
            RegulationOutcome outcome = new RegulationOutcome(rules, null, extensions, null, null, null, null, null,
                    null, null, null, null, suspensions, null, null, null, 0);
            StoredOutcome stored = new StoredOutcome(null, null, null, escalationOptions, externalBodies, null, null,
                    null, null, Map.of(), null, null);
            CaseEngine.Evaluated before = new CaseEngine.Evaluated(outcome, status, "EERSTE_LIJN", duties, stored);
            StoredComplaint complaint = new StoredComplaint(1, "K-2025-001", null, "2025-1", 1, events);
            return new ProposedStep(complaint, before, proposed, "2025-1", ruleReasons, TODAY);
        }
    }
}
