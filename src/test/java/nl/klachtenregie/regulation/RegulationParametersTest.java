package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.regulation.RegulationParameters.Escalation;
import nl.klachtenregie.regulation.RegulationParameters.Extension;
import nl.klachtenregie.regulation.RegulationParameters.Kpi;
import nl.klachtenregie.regulation.RegulationParameters.Referral;
import nl.klachtenregie.regulation.RegulationParameters.RegistrationPolicy;
import nl.klachtenregie.regulation.RegulationParameters.Report;
import nl.klachtenregie.regulation.RegulationParameters.Suspension;
import nl.klachtenregie.regulation.RegulationParameters.Term;
import nl.klachtenregie.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The form of parameters: a sensible default, every error named by its field, stored as JSON unchanged. */
class RegulationParametersTest {

    private static final RegulationParameters DEFAULTS = RegulationParameters.defaults("Klachtenregeling Nieuw 2026");

    @Test
    void theEventTypeNamesAreExactlyThoseOfTheComplaintFeature() {
        assertEquals(Arrays.stream(EventType.values()).map(Enum::name).toList(), RegulationParameters.EVENT_TYPES);
    }

    @Test
    void theModelRegulationIsValidWkkgzLikeAndSaysItIsAModel() {
        RegulationParameters d = assertDoesNotThrow(() -> RegulationParameters.defaults("Reglement X"));
        assertEquals("Reglement X", d.name());
        Term ack = d.term("ACKNOWLEDGE").orElseThrow();
        assertEquals(List.of("ALL", "RECEIVED", 5, "WORKING_DAYS", "ACKNOWLEDGED"),
                List.of(ack.appliesTo(), ack.startsAt(), ack.amount(), ack.unit(), ack.satisfiedBy()));
        Term decide = d.term("DECIDE").orElseThrow();
        assertEquals(List.of("FORMAL", "RECEIVED", 6, "WEEKS", "DECIDED", "Wkkgz art. 17 lid 1"),
                List.of(decide.appliesTo(), decide.startsAt(), decide.amount(), decide.unit(), decide.satisfiedBy(),
                        decide.statute()));
        assertEquals("", ack.statute(), "the acknowledgement is the regulation's own term");
        assertEquals(List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, d.extensions().get(0).quote())),
                d.extensions());
        RegistrationPolicy r = d.registration();
        assertTrue(r.formal() && !r.informal() && r.repeatedAboutSamePerson() && r.repeatedAboutSameSubject()
                && r.unwantedBehaviour());
        assertEquals("ON_TIME:DECIDE", d.kpis().get(0).measure());
        assertEquals("GE", d.kpis().get(0).comparator());
        assertEquals(1.0, d.kpis().get(0).target(), "a statutory term is met in every case: the norm is 100%");
        assertEquals("YEAR", d.reports().get(0).period());
        assertTrue(d.escalation().offerNext() && !d.escalation().maySkip());
        assertTrue(d.rollOverOwnTerms());
        List<String> quotes = new ArrayList<>();
        d.terms().forEach(t -> quotes.add(t.quote()));
        d.extensions().forEach(x -> quotes.add(x.quote()));
        quotes.add(r.quote());
        d.kpis().forEach(k -> quotes.add(k.quote()));
        d.reports().forEach(x -> quotes.add(x.quote()));
        quotes.add(d.escalation().quote());
        quotes.add(d.rollOverQuote());
        assertTrue(quotes.stream().allMatch(q -> q.startsWith("Standaardwaarde, nog aan te passen")), quotes::toString);
    }

    @Test
    void theModelCitesWkkgzArticle17ForTheSixWeeksAndTheExtensionNotArticle18() {
        RegulationParameters d = RegulationParameters.defaults("R");
        assertTrue(d.term("DECIDE").orElseThrow().quote().contains("Wkkgz artikel 17 lid 1"));
        assertTrue(d.extensions().get(0).quote().contains("Wkkgz artikel 17 lid 2"));
        assertFalse(d.term("DECIDE").orElseThrow().quote().contains("18")
                || d.extensions().get(0).quote().contains("18"));
        assertTrue(d.statutory("DECIDE") && !d.statutory("ACKNOWLEDGE"));
    }

    @Test
    void everyRowOfTheModelIsAPlaceholderNamedAsTheFormLabelsItUntilItsQuoteIsReplaced() {
        assertEquals(List.of("Termijnen, rij 1 (ACKNOWLEDGE)", "Termijnen, rij 2 (DECIDE)",
                        "Verlenging, rij 1 (termijn DECIDE)", "Registratie",
                        "Prestatie-indicatoren (KPI's), rij 1 (BESLIST_BINNEN_TERMIJN)",
                        "Rapportages, rij 1 (JAARVERSLAG_KLACHTEN)", "Escalatie", "Doorlopen van eigen termijnen"),
                DEFAULTS.placeholders().stream().map(RegulationParameters.Placeholder::row).toList());
        assertEquals("terms[0].quote", DEFAULTS.placeholders().get(0).field());
        RegulationParameters own = confirmed(DEFAULTS);
        assertEquals(List.of(), own.placeholders());
        // One row left as it was: only that one is listed.
        List<Term> terms = new ArrayList<>(own.terms());
        terms.set(1, DEFAULTS.terms().get(1));
        assertEquals(List.of("Termijnen, rij 2 (DECIDE)"), withParts(own, terms, own.escalation()).placeholders()
                .stream().map(RegulationParameters.Placeholder::row).toList());
        // An escalation switched off holds no duty: its standard text does not count.
        assertEquals(List.of(), withParts(own, own.terms(), new Escalation(false, false, "ALL",
                DEFAULTS.escalation().quote())).placeholders());
    }

    // --- the fields of issue 13 -------------------------------------------------------------------------------

    @Test
    void aMonthTermOfZeroOrOutOfRangeNamesItsAmount() {
        List<Term> terms = new ArrayList<>(DEFAULTS.terms());
        terms.add(new Term("EVALUATIE", "ALL", "RECEIVED", 0, "MONTHS", "MEETING_HELD", "art. 9"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> withTerms(terms));
        assertEquals(List.of("terms[2].amount"), e.fields());
        assertEquals("Een termijn in maanden ligt tussen 1 en 12", e.fieldErrors().get("terms[2].amount"));
        terms.set(2, new Term("EVALUATIE", "ALL", "RECEIVED", 13, "MONTHS", "MEETING_HELD", "art. 9"));
        assertEquals(List.of("terms[2].amount"), fields(() -> withTerms(terms)));
        terms.set(2, new Term("EVALUATIE", "ALL", "RECEIVED", 53, "WEEKS", "MEETING_HELD", "art. 9"));
        assertEquals(List.of("terms[2].amount"), fields(() -> withTerms(terms)));
        terms.set(2, new Term("EVALUATIE", "ALL", "RECEIVED", 3, "MONTHS", "MEETING_HELD", "art. 9"));
        assertEquals(3, withTerms(terms).terms().get(2).amount());
    }

    @Test
    void oneCodeMayHaveARowForFormalAndOneForInformalComplaintsButNoOverlap() {
        Term formal = new Term("CONTACT", "FORMAL", "RECEIVED", 10, "WORKING_DAYS", "CONTACTED", "art. 3.1");
        Term informal = new Term("CONTACT", "INFORMAL", "RECEIVED", 3, "WORKING_DAYS", "CONTACTED", "art. 2.1");
        RegulationParameters both = assertDoesNotThrow(() -> withTerms(List.of(formal, informal)));
        assertEquals(2, both.terms("CONTACT").size());
        Term all = new Term("CONTACT", "ALL", "RECEIVED", 5, "WORKING_DAYS", "CONTACTED", "art. 2");
        assertEquals(List.of("terms[1].code"), fields(() -> withTerms(List.of(formal, all))));
        assertEquals(List.of("terms[1].code"), fields(() -> withTerms(List.of(all, informal))));
        assertEquals(List.of("terms[2].code"), fields(() -> withTerms(List.of(formal, informal, formal))));
        // A KPI on the code covers both rows.
        assertDoesNotThrow(() -> new RegulationParameters("R", List.of(formal, informal), List.of(), null,
                List.of(new Kpi("K", "Contact op tijd", "ON_TIME:CONTACT", "GE", 0.9, "art. 8")), List.of(), false));
    }

    @Test
    void aStatuteAndTheComplainantsWordsAreCheckedByTheirField() {
        assertEquals(List.of("terms[0].statute"), fields(() -> withTerm(0, t -> t(t, "statute", "x".repeat(101)))));
        assertEquals(List.of("terms[0].statute"), fields(() -> withTerm(0, t -> t(t, "statute", "Wkkgz \\u0022"))));
        assertEquals(List.of("terms[0].label"), fields(() -> withTerm(0, t -> t(t, "label", "x".repeat(201)))));
        assertEquals(List.of("terms[0].label"), fields(() -> withTerm(0, t -> t(t, "label", "belt\nu"))));
        assertEquals(List.of("terms[0].label"), fields(() -> withTerm(0, t -> t(t, "label", "zie \\u0041"))));
        RegulationParameters ok = withTerm(0, t -> t(t(t, "statute", " Wkkgz art. 17 lid 1 "), "label",
                "neemt de klachtenfunctionaris contact met u op"));
        assertEquals("Wkkgz art. 17 lid 1", ok.terms().get(0).statute());
        assertEquals("neemt de klachtenfunctionaris contact met u op", ok.terms().get(0).label());
    }

    @Test
    void aTermStartsAtANamedRungOnlyWhenItStartsAtAnEscalation() {
        Term atKf = new Term("KF_CONTACT", "ALL", "ESCALATED", "KF", 10, "WORKING_DAYS", "CONTACTED", "", "",
                "art. 5");
        assertEquals("KF", withTerms(List.of(atKf)).terms().get(0).startLevel());
        assertEquals(List.of("terms[0].startLevel"), fields(() -> withTerms(List.of(new Term("KF_CONTACT", "ALL",
                "RECEIVED", "KF", 10, "WORKING_DAYS", "CONTACTED", "", "", "art. 5")))));
        assertEquals(List.of("terms[0].startLevel"), fields(() -> withTerms(List.of(new Term("KF_CONTACT", "ALL",
                "ESCALATED", "kf!", 10, "WORKING_DAYS", "CONTACTED", "", "", "art. 5")))));
        assertDoesNotThrow(() -> withTerms(List.of(new Term("UITSPRAAK", "ALL", "EXTERNAL_OUTCOME_RECEIVED", 2,
                "WEEKS", "CHECK_CONFIRMED", "art. 12"))));
    }

    @Test
    void dutyEventsNeitherStartNorMeetATerm() {
        for (String duty : RegulationParameters.DUTY_EVENTS) {
            assertEquals(List.of("terms[0].startsAt"), fields(() -> withTerm(0, t -> term(t, "startsAt", duty))));
            assertEquals(List.of("terms[0].satisfiedBy"),
                    fields(() -> withTerm(0, t -> term(t, "satisfiedBy", duty))));
        }
        assertTrue(RegulationParameters.TERM_EVENTS.contains("CHECK_CONFIRMED"));
        assertFalse(RegulationParameters.TERM_EVENTS.contains("TERM_SUSPENDED"));
    }

    @Test
    void anExternalBodyRowNamesItsFieldWhenWrong() {
        assertEquals(List.of("externalBodies[0].body"), fields(() -> withReferrals(
                new Referral("geen code", "ALL", "", "", true, "art. 10"))));
        assertEquals(List.of("externalBodies[0].appliesTo"), fields(() -> withReferrals(
                new Referral("GI", "SOME", "", "", true, "art. 10"))));
        assertEquals(List.of("externalBodies[0].serviceLine"), fields(() -> withReferrals(
                new Referral("GI", "ALL", "thuiszorg", "", true, "art. 10"))));
        assertEquals(List.of("externalBodies[0].atLevel"), fields(() -> withReferrals(
                new Referral("GI", "ALL", "", "k f", true, "art. 10"))));
        assertEquals(List.of("externalBodies[0].quote"), fields(() -> withReferrals(
                new Referral("GI", "ALL", "", "", true, " "))));
        // One body is taken over always or never: the case engine reads one answer per body.
        assertEquals(List.of("externalBodies[1].endsOwnDuty"), fields(() -> withReferrals(
                new Referral("GI", "FORMAL", "", "", true, "art. 10"),
                new Referral("GI", "INFORMAL", "", "", false, "art. 11"))));
        RegulationParameters ok = withReferrals(new Referral("GI", "FORMAL", "THUISZORG", "KF", true, "art. 10"),
                new Referral("CVP", "", "", "", false, "art. 11"));
        assertEquals("ALL", ok.externalBodies().get(1).appliesTo(), "empty is every complaint");
    }

    @Test
    void aSuspensionNamesADefinedTermOrEveryTermAndAtMost366Days() {
        assertDoesNotThrow(() -> withSuspensions(new Suspension("*", 14, false, "art. 6"),
                new Suspension("DECIDE", 0, true, "art. 6")));
        assertEquals(List.of("suspensions[0].term"), fields(() -> withSuspensions(
                new Suspension("CONTACT", 14, false, "art. 6"))));
        assertEquals(List.of("suspensions[1].term"), fields(() -> withSuspensions(
                new Suspension("*", 14, false, "art. 6"), new Suspension("*", 7, false, "art. 7"))));
        assertEquals(List.of("suspensions[0].maxDays"), fields(() -> withSuspensions(
                new Suspension("*", 367, false, "art. 6"))));
        assertEquals(List.of("suspensions[0].maxDays"), fields(() -> withSuspensions(
                new Suspension("*", -1, false, "art. 6"))));
        assertEquals(List.of("suspensions[0].quote"), fields(() -> withSuspensions(
                new Suspension("*", 14, false, ""))));
    }

    @Test
    void theEscalationAndRollOverQuotesMayBeEmptyButNotUnsafe() {
        assertEquals(List.of("escalation.appliesTo"), fields(() -> withParts(DEFAULTS, DEFAULTS.terms(),
                new Escalation(true, false, "SOME", ""))));
        assertEquals(List.of("escalation.quote"), fields(() -> withParts(DEFAULTS, DEFAULTS.terms(),
                new Escalation(true, true, "FORMAL", "a\u0000"))));
        assertEquals(List.of("rollOverQuote"), fields(() -> new RegulationParameters("R", List.of(), List.of(), null,
                List.of(), List.of(), Escalation.none(), List.of(), List.of(), false, "zie \\u0041")));
        assertDoesNotThrow(() -> new RegulationParameters("R", List.of(), List.of(), null, List.of(), List.of(),
                new Escalation(false, true, "INFORMAL", ""), List.of(), List.of(), false, ""));
    }

    @Test
    void anExtensionBeyondTheMaximumWithConsentRoundTrips() throws IOException {
        RegulationParameters p = copy(DEFAULTS.terms(), List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, true,
                "Wkkgz art. 17 lid 2")), DEFAULTS.kpis(), DEFAULTS.reports());
        assertTrue(p.extensions().get(0).beyondWithConsent());
        JsonMapper json = JsonMapper.createDefault();
        assertEquals(p, json.readValue(json.writeValueAsString(p), RegulationParameters.class));
    }

    @Test
    void anOldParametersFileWithoutTheNewFieldsStillReads() throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        String old = "{\"name\":\"R\",\"terms\":[{\"code\":\"DECIDE\",\"appliesTo\":\"FORMAL\","
                + "\"startsAt\":\"RECEIVED\",\"amount\":6,\"unit\":\"WEEKS\",\"satisfiedBy\":\"DECIDED\","
                + "\"quote\":\"art. 7\"}],\"extensions\":[{\"term\":\"DECIDE\",\"maxCount\":1,\"amount\":4,"
                + "\"unit\":\"WEEKS\",\"announceBeforeDue\":true,\"quote\":\"art. 7.2\"}],\"registration\":"
                + "{\"formal\":true,\"informal\":false,\"repeatedAboutSamePerson\":false,"
                + "\"repeatedAboutSameSubject\":false,\"unwantedBehaviour\":false,\"quote\":\"art. 9\"},"
                + "\"kpis\":[],\"reports\":[],\"offerNextEscalationLevel\":true}";
        RegulationParameters p = json.readValue(old, RegulationParameters.class);
        Term decide = p.terms().get(0);
        assertEquals(List.of("", "", ""), List.of(decide.startLevel(), decide.statute(), decide.label()));
        assertFalse(p.extensions().get(0).beyondWithConsent());
        assertEquals(Escalation.next(), p.escalation(), "the old checkbox: the next rung for every complaint");
        assertEquals(List.of(), p.externalBodies());
        assertEquals(List.of(), p.suspensions());
        assertTrue(p.rollOverOwnTerms(), "own terms run on past a day off unless the regulation says not");
        assertEquals(List.of(), p.placeholders());
        RegulationParameters off = json.readValue(old.replace("\"offerNextEscalationLevel\":true",
                "\"offerNextEscalationLevel\":false"), RegulationParameters.class);
        assertEquals(Escalation.none(), off.escalation());
        String written = json.writeValueAsString(p);
        assertFalse(written.contains("offerNextEscalationLevel"), "written in the new form only: " + written);
        assertEquals(p, json.readValue(written, RegulationParameters.class));
    }

    @Test
    void everyNewFieldSurvivesAJsonRoundTrip() throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        RegulationParameters full = new RegulationParameters("Thuiszorg",
                List.of(new Term("CONTACT", "INFORMAL", "RECEIVED", "", 3, "WORKING_DAYS", "CONTACTED", "",
                                "neemt een medewerker contact met u op", "art. 2"),
                        new Term("KF_CONTACT", "ALL", "ESCALATED", "KF", 10, "WORKING_DAYS", "CONTACTED", "",
                                "neemt de klachtenfunctionaris contact met u op", "art. 3"),
                        new Term("EVALUATIE", "FORMAL", "DECIDED", "", 2, "MONTHS", "CHECK_CONFIRMED", "", "",
                                "art. 9")),
                List.of(), null, List.of(), List.of(), new Escalation(true, true, "INFORMAL", "art. 4"),
                List.of(new Referral("GI", "FORMAL", "THUISZORG", "KF", true, "art. 10")),
                List.of(new Suspension("*", 14, false, "art. 6")), false, "art. 1");
        String text = json.writeValueAsString(full);
        assertEquals(full, json.readValue(text, RegulationParameters.class), text);
    }

    @Test
    void aBlankNameOrOneThatWouldBreakADrlStringIsRefused() {
        assertEquals(List.of("name"), fields(() -> withName("  ")));
        assertEquals(List.of("name"), fields(() -> withName("Reglement \"X\"")));
        assertEquals(List.of("name"), fields(() -> withName("Reglement \\ X")));
        assertEquals(List.of("name"), fields(() -> withName("Reglement\nX")));
        assertEquals(List.of("name"), fields(() -> withName("x".repeat(201))));
    }

    @Test
    void termErrorsNameTheTermAndTheField() {
        assertEquals(List.of("terms[1].amount"), fields(() -> withTerm(1, t -> term(t, "amount", 0))));
        assertEquals(List.of("terms[1].amount"), fields(() -> withTerm(1, t -> term(t, "amount", 366))));
        assertEquals(List.of("terms[0].unit"), fields(() -> withTerm(0, t -> term(t, "unit", "YEARS"))));
        assertEquals(List.of("terms[0].code"), fields(() -> withTerm(0, t -> term(t, "code", "ack"))));
        assertEquals(List.of("terms[1].code"), fields(() -> withTerm(0, t -> term(t, "code", "DECIDE"))));
        assertEquals(List.of("terms[0].appliesTo"), fields(() -> withTerm(0, t -> term(t, "appliesTo", "SOME"))));
        assertEquals(List.of("terms[0].startsAt"), fields(() -> withTerm(0, t -> term(t, "startsAt", "TOMORROW"))));
        assertEquals(List.of("terms[0].satisfiedBy"),
                fields(() -> withTerm(0, t -> term(t, "satisfiedBy", "RECEIVED"))));
        assertEquals(List.of("terms[0].quote"), fields(() -> withTerm(0, t -> term(t, "quote", " "))));
        assertEquals(List.of("terms[0].quote"), fields(() -> withTerm(0, t -> term(t, "quote", "a\u0000b"))));
        assertEquals(List.of("terms[0].quote"), fields(() -> withTerm(0, t -> term(t, "quote", "zie \\u0022"))));
        assertEquals(List.of("terms[0].quote"), fields(() -> withTerm(0, t -> term(t, "quote", "x".repeat(1001)))));
    }

    @Test
    void aDutyWithoutATermHasNoAmountToCheck() {
        RegulationParameters p = withTerm(0, t -> term(term(t, "unit", "NONE"), "amount", 999));
        assertEquals(0, p.terms().get(0).amount());
    }

    @Test
    void theMessagesAreDutch() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> withTerm(0, t -> term(t, "amount", 0)));
        assertEquals("Een termijn ligt tussen 1 en 365", e.fieldErrors().get("terms[0].amount"));
    }

    @Test
    void anExtensionMustNameADefinedTermThatHasATerm() {
        assertEquals(List.of("extensions[0].term"), fields(() -> withExtension(x -> x("NOPE", 1, 4, "WEEKS"))));
        assertEquals(List.of("extensions[0].maxCount"), fields(() -> withExtension(x -> x("DECIDE", 0, 4, "WEEKS"))));
        assertEquals(List.of("extensions[0].amount"), fields(() -> withExtension(x -> x("DECIDE", 1, 0, "WEEKS"))));
        assertEquals(List.of("extensions[0].amount"), fields(() -> withExtension(x -> x("DECIDE", 1, 3, "DAYS"))));
        assertEquals(List.of("extensions[0].unit"), fields(() -> withExtension(x -> x("DECIDE", 1, 4, "NONE"))));
        assertEquals(List.of("extensions[0].term"), fields(() -> withTerm(1, t -> term(t, "unit", "NONE"))));
    }

    @Test
    void onlyOneExtensionRuleBecauseTheCaseEngineAppliesOne() {
        List<Extension> two = List.of(DEFAULTS.extensions().get(0),
                new Extension("ACKNOWLEDGE", 1, 5, "WORKING_DAYS", false, "art. 2"));
        assertEquals(List.of("extensions"), fields(() -> copy(DEFAULTS.terms(), two, DEFAULTS.kpis(),
                DEFAULTS.reports())));
    }

    @Test
    void aKpiMeasuresFormalComplaintsOrTheShareOnTimeOfADefinedTerm() {
        assertEquals(List.of("kpis[0].measure"), fields(() -> withKpi(k("ON_TIME:CONTACT", "GE", 0.9))));
        assertEquals(List.of("kpis[0].measure"), fields(() -> withKpi(k("EVERYTHING", "GE", 0.9))));
        assertEquals(List.of("kpis[0].comparator"), fields(() -> withKpi(k("ON_TIME:DECIDE", "EQ", 0.9))));
        assertEquals(List.of("kpis[0].target"), fields(() -> withKpi(k("ON_TIME:DECIDE", "GE", 80))));
        assertEquals(List.of("kpis[0].target"), fields(() -> withKpi(k("FORMAL_COMPLAINTS", "LT", Double.NaN))));
        assertDoesNotThrow(() -> withKpi(k("FORMAL_COMPLAINTS", "LT", 3)));
    }

    @Test
    void aReportNeedsAPeriodAnAudienceAndSectionsWithoutSemicolons() {
        assertEquals(List.of("reports[0].period"),
                fields(() -> withReport(new Report("R", "MONTH", "directie", List.of("a"), "art. 9"))));
        assertEquals(List.of("reports[0].audience"),
                fields(() -> withReport(new Report("R", "YEAR", " ", List.of("a"), "art. 9"))));
        assertEquals(List.of("reports[0].sections"),
                fields(() -> withReport(new Report("R", "YEAR", "directie", List.of(" "), "art. 9"))));
        assertEquals(List.of("reports[0].sections[1]"),
                fields(() -> withReport(new Report("R", "YEAR", "directie", List.of("a", "b; c"), "art. 9"))));
    }

    @Test
    void registrationWithAnyDutyNeedsAQuote() {
        assertEquals(List.of("registration.quote"), fields(() -> new RegulationParameters("R", List.of(), List.of(),
                new RegistrationPolicy(true, false, false, false, false, ""), List.of(), List.of(), false)));
        assertDoesNotThrow(() -> new RegulationParameters("R", null, null, null, null, null, false));
    }

    @Test
    void allErrorsAreReportedAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new RegulationParameters("",
                List.of(new Term("x", "ALL", "RECEIVED", 0, "WEEKS", "DECIDED", "art. 1")), List.of(),
                null, List.of(), List.of(), true));
        assertEquals(List.of("name", "terms[0].amount", "terms[0].code"), e.fields());
    }

    @Test
    void theParametersSurviveAJsonRoundTrip() throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        RegulationParameters tricky = withTerm(0, t -> term(t, "quote", "Art. 2: \"binnen 5 werkdagen\" \\ zie\nbijlage"));
        for (RegulationParameters p : List.of(DEFAULTS, tricky)) {
            String text = json.writeValueAsString(p);
            // Only the record components are stored, not derived values such as RegistrationPolicy.any().
            assertTrue(text.contains("\"name\":") && !text.contains("\"any\"") && !text.contains("\"statutory\""),
                    text);
            assertEquals(p, json.readValue(text, RegulationParameters.class), text);
        }
    }

    @Test
    void invalidJsonDoesNotBecomeParameters() {
        JsonMapper json = JsonMapper.createDefault();
        assertThrows(Exception.class, () -> json.readValue("{\"name\":\"R\",\"terms\":[{\"code\":\"A\","
                + "\"appliesTo\":\"ALL\",\"startsAt\":\"RECEIVED\",\"amount\":0,\"unit\":\"WEEKS\","
                + "\"satisfiedBy\":\"DECIDED\",\"quote\":\"q\"}]}", RegulationParameters.class));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static List<String> fields(org.junit.jupiter.api.function.Executable make) {
        return assertThrows(InvalidInputException.class, make).fields();
    }

    private static RegulationParameters withName(String name) {
        return new RegulationParameters(name, DEFAULTS.terms(), DEFAULTS.extensions(), DEFAULTS.registration(),
                DEFAULTS.kpis(), DEFAULTS.reports(), true);
    }

    private static RegulationParameters copy(List<Term> terms, List<Extension> extensions, List<Kpi> kpis,
                                             List<Report> reports) {
        return new RegulationParameters(DEFAULTS.name(), terms, extensions, DEFAULTS.registration(), kpis, reports,
                true);
    }

    private static RegulationParameters withTerm(int index, UnaryOperator<Term> change) {
        List<Term> terms = new ArrayList<>(DEFAULTS.terms());
        terms.set(index, change.apply(terms.get(index)));
        return copy(terms, DEFAULTS.extensions(), DEFAULTS.kpis(), DEFAULTS.reports());
    }

    private static RegulationParameters withExtension(UnaryOperator<Extension> change) {
        return copy(DEFAULTS.terms(), List.of(change.apply(DEFAULTS.extensions().get(0))), DEFAULTS.kpis(),
                DEFAULTS.reports());
    }

    private static RegulationParameters withKpi(Kpi kpi) {
        return copy(DEFAULTS.terms(), DEFAULTS.extensions(), List.of(kpi), DEFAULTS.reports());
    }

    private static RegulationParameters withReport(Report report) {
        return copy(DEFAULTS.terms(), DEFAULTS.extensions(), DEFAULTS.kpis(), List.of(report));
    }

    private static Extension x(String term, int maxCount, int amount, String unit) {
        return new Extension(term, maxCount, amount, unit, true, "art. 4");
    }

    private static Kpi k(String measure, String comparator, double target) {
        return new Kpi("K", "Een KPI", measure, comparator, target, "art. 8");
    }

    private static RegulationParameters confirmed(RegulationParameters p) {
        return new RegulationParameters(p.name(),
                p.terms().stream().map(t -> term(t, "quote", "Art. 1: " + t.code())).toList(),
                p.extensions().stream().map(x -> new Extension(x.term(), x.maxCount(), x.amount(), x.unit(),
                        x.announceBeforeDue(), x.beyondWithConsent(), "Art. 2")).toList(),
                new RegistrationPolicy(p.registration().formal(), p.registration().informal(),
                        p.registration().repeatedAboutSamePerson(), p.registration().repeatedAboutSameSubject(),
                        p.registration().unwantedBehaviour(), "Art. 3"),
                p.kpis().stream().map(k -> new Kpi(k.code(), k.label(), k.measure(), k.comparator(), k.target(),
                        "Art. 4")).toList(),
                p.reports().stream().map(r -> new Report(r.code(), r.period(), r.audience(), r.sections(), "Art. 5"))
                        .toList(),
                new Escalation(p.escalation().offerNext(), p.escalation().maySkip(), p.escalation().appliesTo(),
                        "Art. 6"), p.externalBodies(), p.suspensions(), p.rollOverOwnTerms(), "Art. 7");
    }

    private static RegulationParameters withParts(RegulationParameters p, List<Term> terms, Escalation escalation) {
        return new RegulationParameters(p.name(), terms, p.extensions(), p.registration(), p.kpis(), p.reports(),
                escalation, p.externalBodies(), p.suspensions(), p.rollOverOwnTerms(), p.rollOverQuote());
    }

    private static RegulationParameters withTerms(List<Term> terms) {
        return new RegulationParameters("R", terms, List.of(), null, List.of(), List.of(), false);
    }

    private static RegulationParameters withReferrals(Referral... referrals) {
        return new RegulationParameters("R", DEFAULTS.terms(), List.of(), null, List.of(), List.of(),
                Escalation.none(), List.of(referrals), List.of(), true, "");
    }

    private static RegulationParameters withSuspensions(Suspension... suspensions) {
        return new RegulationParameters("R", DEFAULTS.terms(), List.of(), null, List.of(), List.of(),
                Escalation.none(), List.of(), List.of(suspensions), true, "");
    }

    /** A term with one of the fields of issue 13 changed. */
    private static Term t(Term t, String field, String value) {
        return new Term(t.code(), t.appliesTo(), t.startsAt(), field.equals("startLevel") ? value : t.startLevel(),
                t.amount(), t.unit(), t.satisfiedBy(), field.equals("statute") ? value : t.statute(),
                field.equals("label") ? value : t.label(), t.quote());
    }

    private static Term term(Term t, String field, Object value) {
        return new Term(
                field.equals("code") ? (String) value : t.code(),
                field.equals("appliesTo") ? (String) value : t.appliesTo(),
                field.equals("startsAt") ? (String) value : t.startsAt(),
                t.startLevel(),
                field.equals("amount") ? (Integer) value : t.amount(),
                field.equals("unit") ? (String) value : t.unit(),
                field.equals("satisfiedBy") ? (String) value : t.satisfiedBy(),
                t.statute(), t.label(),
                field.equals("quote") ? (String) value : t.quote());
    }
}
