package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.regulation.RegulationParameters.Extension;
import nl.klachtenregie.regulation.RegulationParameters.Kpi;
import nl.klachtenregie.regulation.RegulationParameters.RegistrationPolicy;
import nl.klachtenregie.regulation.RegulationParameters.Report;
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
    void theDefaultsAreValidWkkgzLikeAndSayTheyAreDefaults() {
        RegulationParameters d = assertDoesNotThrow(() -> RegulationParameters.defaults("Reglement X"));
        assertEquals("Reglement X", d.name());
        Term ack = d.term("ACKNOWLEDGE").orElseThrow();
        assertEquals(List.of("ALL", "RECEIVED", 5, "WORKING_DAYS", "ACKNOWLEDGED"),
                List.of(ack.appliesTo(), ack.startsAt(), ack.amount(), ack.unit(), ack.satisfiedBy()));
        Term decide = d.term("DECIDE").orElseThrow();
        assertEquals(List.of("FORMAL", "RECEIVED", 6, "WEEKS", "DECIDED"),
                List.of(decide.appliesTo(), decide.startsAt(), decide.amount(), decide.unit(), decide.satisfiedBy()));
        assertEquals(List.of(new Extension("DECIDE", 1, 4, "WEEKS", true, d.extensions().get(0).quote())),
                d.extensions());
        RegistrationPolicy r = d.registration();
        assertTrue(r.formal() && !r.informal() && r.repeatedAboutSamePerson() && r.repeatedAboutSameSubject()
                && r.unwantedBehaviour());
        assertEquals("ON_TIME:DECIDE", d.kpis().get(0).measure());
        assertEquals("GE", d.kpis().get(0).comparator());
        assertEquals(0.8, d.kpis().get(0).target());
        assertEquals("YEAR", d.reports().get(0).period());
        assertTrue(d.offerNextEscalationLevel());
        List<String> quotes = new ArrayList<>();
        d.terms().forEach(t -> quotes.add(t.quote()));
        d.extensions().forEach(x -> quotes.add(x.quote()));
        quotes.add(r.quote());
        d.kpis().forEach(k -> quotes.add(k.quote()));
        d.reports().forEach(x -> quotes.add(x.quote()));
        assertTrue(quotes.stream().allMatch(q -> q.startsWith("Standaardwaarde")), quotes::toString);
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
            assertTrue(text.startsWith("{\"name\":") && !text.contains("\"any\""), text);
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

    private static Term term(Term t, String field, Object value) {
        return new Term(
                field.equals("code") ? (String) value : t.code(),
                field.equals("appliesTo") ? (String) value : t.appliesTo(),
                field.equals("startsAt") ? (String) value : t.startsAt(),
                field.equals("amount") ? (Integer) value : t.amount(),
                field.equals("unit") ? (String) value : t.unit(),
                field.equals("satisfiedBy") ? (String) value : t.satisfiedBy(),
                field.equals("quote") ? (String) value : t.quote());
    }
}
