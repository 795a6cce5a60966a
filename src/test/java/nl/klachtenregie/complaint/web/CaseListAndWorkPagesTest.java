package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import nl.klachtenregie.complaint.web.CasePagesController;
import nl.klachtenregie.support.Html;

/**
 * The case list (filters, search, paging, only the own tenant), Mijn werk (the user's open duties, soonest first,
 * overdue marked; unassigned cases) and assigning a handler on the detail page.
 *
 * <p>Each part uses its own tenant, so that what one test creates never changes what another expects: impuls for
 * the list filters, kwaliteitsprocedure-6-5 for paging, klimkoord for Mijn werk, iederzijnwerk for assigning.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListAndWorkPagesTest extends CasePagesTestSupport {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    // --- the list: a known set of impuls cases ------------------------------------------------------------

    private List<Map<String, Object>> impulsCases;

    /** Six impuls cases covering every filter value; created once, on first use. */
    private synchronized List<Map<String, Object>> impulsCases() {
        if (impulsCases != null) {
            return impulsCases;
        }
        long staff = userId("impuls.medewerker");
        long lead = userId("impuls.leidinggevende");
        List<Object> ids = new ArrayList<>();
        // decided, nothing late
        ids.add(caseOf("impuls", "FORMAL", "2026-09-01", "Anna Jansen", "BEJEGENING", staff,
                ev("ACKNOWLEDGED", "2026-09-02"), ev("PROGRESS_REPORTED", "2026-09-10"),
                ev("DECIDED", "2026-09-20", "judgement", "UNFOUNDED")));
        // informal, just received, unassigned
        ids.add(caseOf("impuls", "INFORMAL", "2026-11-20", "Bert de Vries", "DIENSTVERLENING", null));
        // formal, terms ran out; wildcards in the name
        ids.add(caseOf("impuls", "FORMAL", "2026-09-15", "Carla 100%_Klaagster", "VERBETERVOORSTEL", lead));
        // closed after missing the progress report
        ids.add(caseOf("impuls", "FORMAL", "2026-09-01", "Daan Dekker", "BEJEGENING", staff,
                ev("ACKNOWLEDGED", "2026-09-02"), ev("DECIDED", "2026-10-01", "judgement", "WELL_FOUNDED"),
                ev("CLOSED", "2026-10-05")));
        // informal, in progress, unassigned; a name that an unescaped LIKE '%100%_%' would also match
        ids.add(caseOf("impuls", "INFORMAL", "2026-10-01", "Erik 1000 Klaagster", "BEJEGENING", null,
                ev("REPORT_RECORDED", "2026-10-02", "text", "Notitie")));
        // recent; the first one's name in other letter case
        ids.add(caseOf("impuls", "FORMAL", "2026-11-16", "anna JANSEN-de Wit", "DIENSTVERLENING", staff));
        // the same name at another tenant must never show up in impuls' list
        caseOf("iederzijnwerk", "FORMAL", "2026-09-01", "Anna Jansen", "BEJEGENING", null);
        impulsCases = ids.stream().map(id -> getCase("impuls", id, null)).toList();
        return impulsCases;
    }

    @SafeVarargs
    private Object caseOf(String tenant, String kind, String receivedOn, String name, String category,
                          Long handlerId, Map<String, Object>... events) {
        Map<String, Object> body = complaint(kind, "LETTER", receivedOn);
        complainant(body).put("name", name);
        body.put("category", category);
        Object id = createComplaint(tenant, body).get("id");
        for (Map<String, Object> e : events) {
            if ("CLOSED".equals(e.get("type"))) {
                setAsideOpenDuties(tenant, id, (String) e.get("on"));
            }
            event(tenant, id, e);
        }
        if (handlerId != null) {
            assign(tenant, id, String.valueOf(handlerId));
        }
        return id;
    }

    /** Assigns through the detail page's form, as a handler of the tenant would. */
    private void assign(String tenant, Object id, String handlerId) {
        PageSession s = loggedInAs(tenant + ".medewerker");
        Page r = s.postRaw(casePath(tenant, id) + "/behandelaar",
                fill(Html.one(detail(s, tenant, id).body(), "form#assign-form"), fields("handler", handlerId)));
        assertEquals(303, r.status(), () -> "assign: " + r.status());
    }

    /** Every case of the tenant as the API shows it (the truth the pages are compared with). */
    private List<Map<String, Object>> allCases(String tenant) {
        List<Map> summaries = retrieve("/api/tenants/" + tenant + "/complaints?limit=500",
                Argument.listOf(Map.class));
        return summaries.stream().map(s -> getCase(tenant, s.get("id"), null)).toList();
    }

    private static List<String> listedReferences(Page list) {
        return Html.select(list.body(), "table#case-list tr[data-reference]").stream()
                .map(r -> r.attr("data-reference")).toList();
    }

    private static Set<String> references(List<Map<String, Object>> cases, Predicate<Map<String, Object>> which) {
        return cases.stream().filter(which).map(c -> (String) c.get("reference")).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static boolean overdue(Map<String, Object> c) {
        return !"CLOSED".equals(c.get("status")) && ((List<Map<String, Object>>) c.get("obligations")).stream()
                .anyMatch(o -> "OVERDUE".equals(o.get("status")));
    }

    private static Long handlerId(Map<String, Object> c) {
        Map<String, Object> h = handler(c);
        return h == null ? null : ((Number) h.get("id")).longValue();
    }

    private static String name(Map<String, Object> c) {
        return String.valueOf(complainant(c).get("name"));
    }

    private static boolean found(Map<String, Object> c, String q) {
        String needle = q.toLowerCase();
        return ((String) c.get("reference")).toLowerCase().contains(needle) || name(c).toLowerCase().contains(needle);
    }

    /** A filter as typed in the address bar, and which of the cases it must find. */
    Stream<Arguments> filters() {
        long staff = userId("impuls.medewerker");
        String aReference = (String) impulsCases().get(0).get("reference");
        return Stream.of(
                filter("status=RECEIVED", c -> c.get("status").equals("RECEIVED")),
                filter("status=DECIDED", c -> c.get("status").equals("DECIDED")),
                filter("status=CLOSED", c -> c.get("status").equals("CLOSED")),
                filter("kind=INFORMAL", c -> c.get("kind").equals("INFORMAL")),
                filter("kind=FORMAL", c -> c.get("kind").equals("FORMAL")),
                filter("category=BEJEGENING", c -> c.get("category").equals("BEJEGENING")),
                filter("handler=" + staff, c -> Objects.equals(handlerId(c), staff)),
                filter("handler=0", c -> handlerId(c) == null),
                filter("overdue=true", CaseListAndWorkPagesTest::overdue),
                filter("q=" + enc("Anna Jansen"), c -> found(c, "Anna Jansen")),
                filter("q=" + enc("ANNA jansen"), c -> found(c, "anna jansen")),
                filter("q=" + enc(aReference.toLowerCase()), c -> found(c, aReference)),
                filter("q=" + enc("100%_"), c -> name(c).contains("100%_")),
                filter("q=" + enc("%"), c -> name(c).contains("%") || c.get("reference").toString().contains("%")),
                filter("q=" + enc("_"), c -> name(c).contains("_") || c.get("reference").toString().contains("_")),
                filter("q=" + enc("klaagster"), c -> found(c, "klaagster")),
                filter("status=RECEIVED&handler=0", c -> c.get("status").equals("RECEIVED") && handlerId(c) == null),
                filter("kind=FORMAL&overdue=true&category=VERBETERVOORSTEL", c -> c.get("kind").equals("FORMAL")
                        && overdue(c) && c.get("category").equals("VERBETERVOORSTEL")),
                filter("", c -> true));
    }

    private static Arguments filter(String query, Predicate<Map<String, Object>> which) {
        return Arguments.of(query, which);
    }

    @ParameterizedTest(name = "?{0}")
    @MethodSource("filters")
    void theListShowsExactlyTheTenantsCasesTheFilterAsksFor(String query, Predicate<Map<String, Object>> which) {
        impulsCases();
        List<Map<String, Object>> all = allCases("impuls");
        Set<String> expected = references(all, which);
        PageSession s = loggedInAs("impuls.medewerker");

        Page list = s.get("/t/impuls/klachten" + (query.isEmpty() ? "" : "?" + query));

        assertEquals(200, list.status(), list::body);
        List<String> shown = listedReferences(list);
        assertEquals(expected, new HashSet<>(shown), "?" + query);
        assertEquals(expected.size(), shown.size(), "no case twice");
        assertTrue(textOf(list.body(), "case-count").startsWith(expected.size() + " "),
                () -> textOf(list.body(), "case-count"));
        // newest first, as the list promises
        List<String> order = all.stream().filter(which)
                .sorted(Comparator.comparing((Map<String, Object> c) -> (String) c.get("receivedOn"))
                        .thenComparing(c -> ((Number) c.get("id")).longValue()).reversed())
                .map(c -> (String) c.get("reference")).toList();
        assertEquals(order, shown);
    }

    @Test
    void theSampleCoversEveryFilter() {
        // Guards the filter test against passing on empty answers: each filter value finds something here.
        List<Map<String, Object>> cases = impulsCases();
        assertTrue(cases.stream().anyMatch(CaseListAndWorkPagesTest::overdue));
        assertTrue(cases.stream().anyMatch(c -> !overdue(c)));
        assertTrue(cases.stream().anyMatch(c -> handlerId(c) == null));
        assertTrue(cases.stream().anyMatch(c -> c.get("status").equals("CLOSED")));
        assertTrue(cases.stream().filter(c -> found(c, "anna jansen")).count() >= 2);
        assertEquals(1, cases.stream().filter(c -> name(c).contains("100%_")).count());
        assertTrue(cases.stream().anyMatch(c -> found(c, "klaagster") && !name(c).contains("%")));
    }

    @Test
    void everyCaseIsEitherOverdueOrNot() {
        // overdue=true and overdue=false together are the whole list: a closed case that missed a term before it
        // was closed is not overdue work (the list leaves it out of overdue=true), so it belongs under false.
        impulsCases();
        PageSession s = loggedInAs("impuls.medewerker");
        Set<String> all = new HashSet<>(listedReferences(s.get("/t/impuls/klachten")));
        Set<String> late = new HashSet<>(listedReferences(s.get("/t/impuls/klachten?overdue=true")));
        Set<String> notLate = new HashSet<>(listedReferences(s.get("/t/impuls/klachten?overdue=false")));
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(late);
        missing.removeAll(notLate);
        assertTrue(missing.isEmpty(), () -> "in neither overdue=true nor overdue=false: " + missing);
        Set<String> both = new HashSet<>(late);
        both.retainAll(notLate);
        assertTrue(both.isEmpty(), () -> "in both: " + both);
    }

    @Test
    void aClosedCaseThatMissedATermShowsItAsMissedNotAsOverdue() {
        // Daan Dekker's case was closed after its progress report ran out: history, not work that is late now.
        impulsCases();
        PageSession s = loggedInAs("impuls.medewerker");
        String daan = impulsCases().stream().filter(c -> "CLOSED".equals(c.get("status")))
                .map(c -> (String) c.get("reference")).findFirst().orElseThrow();
        var row = Html.select(s.get("/t/impuls/klachten").body(), "tr[data-reference=" + daan + "]").get(0);
        assertTrue(row.attr("class") == null || !row.attr("class").contains("overdue"), row.inner());
        assertTrue(row.text().contains("1 termijn(en) gemist"), row.text());
        assertTrue(!row.text().contains("te laat"), row.text());
        assertTrue(listedReferences(s.get("/t/impuls/klachten?overdue=false")).contains(daan));
    }

    @Test
    void theFilterFormShowsWhatWasAskedFor() {
        impulsCases();
        PageSession s = loggedInAs("impuls.medewerker");
        Page list = s.get("/t/impuls/klachten?status=RECEIVED&kind=FORMAL&category=VERBETERVOORSTEL&handler=0"
                + "&overdue=true&q=" + enc("Carla 100%"));
        assertEquals(200, list.status());
        Map<String, String> form = Html.one(list.body(), "form.filters").formValues();
        assertEquals("RECEIVED", form.get("status"));
        assertEquals("FORMAL", form.get("kind"));
        assertEquals("VERBETERVOORSTEL", form.get("category"));
        assertEquals("0", form.get("handler"));
        assertEquals("true", form.get("overdue"));
        assertEquals("Carla 100%", form.get("q"));
    }

    @Test
    void eachRowLinksToItsCase() {
        List<Map<String, Object>> cases = impulsCases();
        PageSession s = loggedInAs("impuls.medewerker");
        Page list = s.get("/t/impuls/klachten");
        for (Map<String, Object> c : cases) {
            Html.Element row = Html.one(list.body(), "table#case-list tr[data-reference=" + c.get("reference") + "]");
            assertEquals(casePath("impuls", c.get("id")), row.one("a.case-link").attr("href"));
            assertTrue(row.text().contains(name(c)), row.text());
            Map<String, Object> h = handler(c);
            assertTrue(row.text().contains(h == null ? label("cases.unassigned") : (String) h.get("name")),
                    row.text());
        }
    }

    @Test
    void anotherTenantsListAndCasesAreOutOfReach() {
        List<Map<String, Object>> cases = impulsCases();
        PageSession klimkoord = loggedInAs("klimkoord.medewerker");
        String reference = (String) cases.get(0).get("reference");
        assertFalse(listedReferences(klimkoord.get("/t/klimkoord/klachten")).stream()
                .anyMatch(r -> r.startsWith("IMPU-")));
        Page list = klimkoord.get("/t/impuls/klachten");
        Page one = klimkoord.get(casePath("impuls", cases.get(0).get("id")));
        // the same id under the own tenant's path finds nothing of impuls
        Page own = klimkoord.get(casePath("klimkoord", cases.get(0).get("id")));
        for (Page p : List.of(list, one, own)) {
            assertFalse(p.body().contains(reference), "impuls' case leaked");
            assertFalse(p.body().contains("Anna Jansen"), "impuls' complainant leaked");
        }
        assertEquals(403, list.status());
        assertEquals(403, one.status());
        assertEquals(404, own.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "abc", "0"})
    void anUnknownOrMalformedCaseIsAnErrorPageNotAServerError(String id) {
        PageSession s = loggedInAs("impuls.medewerker");
        Page r = s.get("/t/impuls/klachten/" + id);
        assertEquals(id.equals("999999") ? 404 : 400, r.status(), () -> "/klachten/" + id);
        String text = Html.one(r.body(), "main").text();
        assertTrue(text.contains(messages(id.equals("999999") ? "error.404" : "error.400")), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=XYZ", "kind=BOTH", "page=abc", "page=0", "page=-1", "handler=abc",
            "handler=-2", "page=1.5"})
    void aBadQueryValueIsABadRequestPageNotAServerError(String query) {
        PageSession s = loggedInAs("impuls.medewerker");
        Page r = s.get("/t/impuls/klachten?" + query);
        assertEquals(400, r.status(), () -> "?" + query + ": " + r.status());
        String text = Html.one(r.body(), "main").text();
        assertTrue(text.contains(CasePagesTestSupport.messages("error.400")), text);
        String value = query.substring(query.indexOf('=') + 1);
        assertTrue(text.contains("'" + value + "'"), () -> "the page names the bad value: " + text);
    }

    @Test
    void anOverdueValueOtherThanTrueOrFalseIsABadRequestNotSilentlyFalse() {
        // The API answers 400 for overdue=maybe; the page must not quietly list the "not overdue" cases instead.
        PageSession s = loggedInAs("impuls.medewerker");
        Page r = s.get("/t/impuls/klachten?overdue=maybe");
        assertEquals(400, r.status(), () -> "listed: " + listedReferences(r));
    }

    // --- paging (kwaliteitsprocedure-6-5) -------------------------------------------------------------------

    @Test
    void theListIsPagedByTwentyFiveAndPageTwoHasTheRest() {
        String tenant = "kwaliteitsprocedure-6-5";
        int wanted = CasePagesController.PAGE_SIZE + 2;
        for (int i = 0; i < wanted; i++) {
            Map<String, Object> body = complaint("FORMAL", "LETTER", LocalDate.parse("2026-10-01").plusDays(i)
                    .toString());
            body.put("category", "ORGANISATIE");
            complainant(body).put("name", "Pagina Klager " + i);
            createComplaint(tenant, body);
        }
        // one of another category: the filter is kept while paging
        createComplaint(tenant, complaint("FORMAL", "LETTER", "2026-11-20"));
        PageSession s = loggedInAs(tenant + ".medewerker");
        Set<String> expected = references(allCases(tenant), c -> c.get("category").equals("ORGANISATIE"));
        assertEquals(wanted, expected.size());

        Page first = s.get("/t/" + tenant + "/klachten?category=ORGANISATIE");
        assertEquals(200, first.status());
        List<String> one = listedReferences(first);
        assertEquals(CasePagesController.PAGE_SIZE, one.size());
        String pager = Html.one(first.body(), "nav.pager").text();
        assertTrue(pager.contains(label("cases.pageOf").replace("{0}", "1").replace("{1}", "2")), pager);
        assertTrue(Html.first(first.body(), "nav.pager a[rel=prev]").isEmpty());
        String next = Html.unescape(Html.one(first.body(), "nav.pager a[rel=next]").attr("href"));
        assertTrue(next.contains("page=2") && next.contains("category=ORGANISATIE"), next);

        Page second = s.get(next);
        assertEquals(200, second.status());
        List<String> two = listedReferences(second);
        assertEquals(wanted - CasePagesController.PAGE_SIZE, two.size());
        String pager2 = Html.one(second.body(), "nav.pager").text();
        assertTrue(pager2.contains("Pagina 2 van 2"), pager2);
        assertTrue(Html.first(second.body(), "nav.pager a[rel=next]").isEmpty());
        assertNotNull(Html.one(second.body(), "nav.pager a[rel=prev]").attr("href"));

        Set<String> together = new HashSet<>(one);
        together.addAll(two);
        assertEquals(expected, together, "the two pages together hold every case exactly once");
        assertTrue(textOf(second.body(), "case-count").startsWith(wanted + " "));
    }

    // --- Mijn werk (klimkoord) ------------------------------------------------------------------------------

    @Test
    void myWorkListsTheOpenDutiesOfMyCasesSoonestFirstWithOverdueOnesMarked() {
        String tenant = "klimkoord";
        long me = userId("klimkoord.medewerker");
        long colleague = userId("klimkoord.leidinggevende");
        // Klimkoord's informal complaint: acknowledge, contact within 14 days, solution within 30 days.
        Object late = caseOf(tenant, "INFORMAL", "2026-10-01", "Werk Laat", "BEJEGENING", me);
        Object running = caseOf(tenant, "INFORMAL", "2026-11-15", "Werk Lopend", "BEJEGENING", me,
                ev("ACKNOWLEDGED", "2026-11-16"));
        Object colleagues = caseOf(tenant, "INFORMAL", "2026-10-20", "Werk Collega", "BEJEGENING", colleague);
        Object closed = caseOf(tenant, "INFORMAL", "2026-10-05", "Werk Gesloten", "BEJEGENING", me,
                ev("RESOLVED_INFORMALLY", "2026-10-06"), ev("CLOSED", "2026-10-07"));
        PageSession s = loggedInAs("klimkoord.medewerker");

        Page work = s.get("/t/" + tenant + "/werk");

        assertEquals(200, work.status());
        List<Html.Element> rows = Html.select(work.body(), "table#my-work tr[data-reference]");
        // what the cases say is still to do, of my cases that are not closed
        List<String> expected = new ArrayList<>();
        Map<String, String> dueOf = new LinkedHashMap<>();
        Set<String> overdueDuties = new HashSet<>();
        for (Map<String, Object> c : allCases(tenant)) {
            if (!Objects.equals(handlerId(c), me) || c.get("status").equals("CLOSED")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> duties = (List<Map<String, Object>>) c.get("obligations");
            for (Map<String, Object> o : duties) {
                if (o.get("status").equals("OPEN") || o.get("status").equals("OVERDUE")) {
                    String key = c.get("reference") + "/" + o.get("code");
                    expected.add(key);
                    dueOf.put(key, (String) o.get("dueOn"));
                    if (o.get("status").equals("OVERDUE")) {
                        overdueDuties.add(key);
                    }
                }
            }
        }
        List<String> shown = rows.stream().map(r -> r.attr("data-reference") + "/" + r.attr("data-code")).toList();
        assertEquals(new HashSet<>(expected), new HashSet<>(shown));
        assertEquals(expected.size(), shown.size());
        assertFalse(overdueDuties.isEmpty(), "the sample has overdue duties");
        assertTrue(expected.stream().anyMatch(k -> !overdueDuties.contains(k)), "and duties still running");

        List<String> dues = shown.stream().map(dueOf::get).toList();
        List<String> sorted = dues.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList();
        assertEquals(sorted, dues, "soonest due first, duties without a term last");

        Map<String, Map<String, Object>> byReference = allCases(tenant).stream()
                .collect(Collectors.toMap(c -> (String) c.get("reference"), c -> c));
        for (Html.Element row : rows) {
            String key = row.attr("data-reference") + "/" + row.attr("data-code");
            boolean isLate = overdueDuties.contains(key);
            assertEquals(isLate ? "true" : "false", row.attr("data-overdue"), key);
            assertEquals(isLate, List.of(Objects.requireNonNullElse(row.attr("class"), "").split(" "))
                    .contains("overdue"), key);
            String text = row.text();
            assertTrue(text.contains(label("obligation." + row.attr("data-code"))), () -> "what to do: " + text);
            assertTrue(text.contains(row.attr("data-reference")), text);
            String due = dueOf.get(key);
            assertTrue(text.contains(due == null ? label("work.noTerm") : LocalDate.parse(due).format(DMY)), text);
            Object id = byReference.get(row.attr("data-reference")).get("id");
            assertEquals(casePath(tenant, id), row.one("a").attr("href"));
        }
        Set<String> mine = shown.stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toSet());
        assertTrue(mine.contains((String) getCase(tenant, late, null).get("reference")));
        assertTrue(mine.contains((String) getCase(tenant, running, null).get("reference")));
        assertFalse(mine.contains((String) getCase(tenant, colleagues, null).get("reference")));
        assertFalse(mine.contains((String) getCase(tenant, closed, null).get("reference")), "closed: no work");
        // the colleague sees theirs, not mine
        Set<String> theirs = Html.select(loggedInAs("klimkoord.leidinggevende").get("/t/" + tenant + "/werk").body(),
                "table#my-work tr[data-reference]").stream().map(r -> r.attr("data-reference"))
                .collect(Collectors.toSet());
        assertTrue(theirs.contains((String) getCase(tenant, colleagues, null).get("reference")));
        assertFalse(theirs.contains((String) getCase(tenant, late, null).get("reference")));
    }

    @Test
    void openCasesWithoutAHandlerAreListedUnderNotYetAssigned() {
        String tenant = "klimkoord";
        Object open = caseOf(tenant, "INFORMAL", "2026-11-18", "Niemand Open", "BEJEGENING", null);
        Object closed = caseOf(tenant, "INFORMAL", "2026-11-19", "Niemand Gesloten", "BEJEGENING", null,
                ev("RESOLVED_INFORMALLY", "2026-11-19"), ev("CLOSED", "2026-11-20"));
        Object assigned = caseOf(tenant, "INFORMAL", "2026-11-18", "Iemand Open", "BEJEGENING",
                userId("klimkoord.leidinggevende"));
        PageSession s = loggedInAs("klimkoord.medewerker");

        Page work = s.get("/t/" + tenant + "/werk");

        assertEquals(200, work.status());
        assertTrue(work.body().contains("<h2>" + label("work.unassigned") + "</h2>"));
        List<String> links = Html.select(work.body(), "ul#unassigned li a").stream().map(a -> a.attr("href"))
                .toList();
        assertTrue(links.contains(casePath(tenant, open)), () -> "unassigned: " + links);
        assertFalse(links.contains(casePath(tenant, closed)), "a closed case needs no handler");
        assertFalse(links.contains(casePath(tenant, assigned)));
    }

    @Test
    void anOpenUnassignedCaseIsListedHoweverManyClosedOnesThereAre() {
        // An older open case without a handler, and twenty newer closed ones without a handler (the page shows 20).
        String tenant = "klimkoord";
        Object old = caseOf(tenant, "INFORMAL", "2026-09-01", "Oud Open", "BEJEGENING", null);
        for (int i = 0; i < 20; i++) {
            String day = LocalDate.parse("2026-10-21").plusDays(i).toString();
            caseOf(tenant, "INFORMAL", day, "Gesloten " + i, "BEJEGENING", null,
                    ev("RESOLVED_INFORMALLY", day), ev("CLOSED", day));
        }
        PageSession s = loggedInAs("klimkoord.medewerker");

        Page work = s.get("/t/" + tenant + "/werk");

        List<String> links = Html.select(work.body(), "ul#unassigned li a").stream().map(a -> a.attr("href"))
                .toList();
        assertTrue(links.contains(casePath(tenant, old)),
                () -> "the open unassigned case is missing; listed: " + links.size() + " links");
    }

    @Test
    void myWorkIsEmptyForAUserWithoutCases() {
        PageSession s = loggedInAs("kwaliteitsprocedure-6-5.leidinggevende");
        Page work = s.get("/t/kwaliteitsprocedure-6-5/werk");
        assertEquals(200, work.status());
        assertFalse(Html.exists(work.body(), "table#my-work"));
        assertEquals(label("work.empty"), textOf(work.body(), "my-work-empty"));
    }

    // --- assigning a handler (iederzijnwerk) ----------------------------------------------------------------

    @Test
    void aHandlerIsAssignedThroughTheAssignForm() {
        String tenant = "iederzijnwerk";
        Object id = createComplaint(tenant, complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        PageSession s = loggedInAs(tenant + ".medewerker");
        Page page = detail(s, tenant, id);
        Html.Element form = Html.one(page.body(), "form#assign-form");
        assertEquals(casePath(tenant, id) + "/behandelaar", form.attr("action"));
        assertEquals("", form.formValues().get("handler"), "nobody yet");
        long lead = userId(tenant + ".leidinggevende");
        List<String> choices = form.select("option").stream().map(o -> o.attr("value")).toList();
        assertTrue(choices.contains(String.valueOf(lead)), () -> "choices: " + choices);
        assertFalse(choices.contains(String.valueOf(userId(tenant + ".kwaliteit"))), "the quality manager handles nothing");
        int before = version(getCase(tenant, id, null));

        Page r = s.postRaw(form.attr("action"), fill(form, fields("handler", String.valueOf(lead))));

        assertEquals(303, r.status());
        assertEquals(casePath(tenant, id), r.location());
        Map<String, Object> c = getCase(tenant, id, null);
        assertEquals(lead, handlerId(c));
        assertEquals(before + 1, version(c));
        assertEquals(String.valueOf(lead), Html.one(detail(s, tenant, id).body(), "form#assign-form")
                .formValues().get("handler"));
        Set<String> leadsWork = Html.select(loggedInAs(tenant + ".leidinggevende").get("/t/" + tenant + "/werk")
                .body(), "table#my-work tr[data-reference]").stream().map(x -> x.attr("data-reference"))
                .collect(Collectors.toSet());
        assertTrue(leadsWork.contains((String) c.get("reference")), "the case is now the new handler's work");

        Page unassign = s.postRaw(form.attr("action"),
                fill(Html.one(detail(s, tenant, id).body(), "form#assign-form"), fields("handler", "")));
        assertEquals(303, unassign.status());
        assertNull(handler(getCase(tenant, id, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"impuls.medewerker", "iederzijnwerk.kwaliteit", "iederzijnwerk.beheerder", "abc",
            "424242"})
    void aHandlerWhoCannotHandleThisTenantsCasesIsRefusedAndNothingChanges(String who) {
        String tenant = "iederzijnwerk";
        Object id = createComplaint(tenant, complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        PageSession s = loggedInAs(tenant + ".medewerker");
        Html.Element form = Html.one(detail(s, tenant, id).body(), "form#assign-form");
        Map<String, Object> before = getCase(tenant, id, null);
        String value = who.contains(".") ? String.valueOf(userId(who)) : who;

        Page r = s.postRaw(form.attr("action"), fill(form, fields("handler", value)));

        assertEquals(400, r.status(), () -> who + ": " + r.status());
        assertTrue(Html.one(r.body(), "#action-errors").text().contains("handler"));
        Map<String, Object> after = getCase(tenant, id, null);
        assertNull(handler(after));
        assertEquals(version(before), version(after));
    }

    @Test
    void aStaleAssignFormIsAConflictAndOverwritesNothing() {
        String tenant = "iederzijnwerk";
        Object id = createComplaint(tenant, complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        PageSession mine = loggedInAs(tenant + ".medewerker");
        PageSession colleague = loggedInAs(tenant + ".leidinggevende");
        Html.Element myForm = Html.one(detail(mine, tenant, id).body(), "form#assign-form");
        Html.Element theirForm = Html.one(detail(colleague, tenant, id).body(), "form#assign-form");
        long lead = userId(tenant + ".leidinggevende");
        long staff = userId(tenant + ".medewerker");
        assertEquals(303, colleague.postRaw(theirForm.attr("action"),
                fill(theirForm, fields("handler", String.valueOf(lead)))).status());
        Map<String, Object> meanwhile = getCase(tenant, id, null);

        Page r = mine.postRaw(myForm.attr("action"), fill(myForm, fields("handler", String.valueOf(staff))));

        assertEquals(409, r.status());
        assertTrue(Html.one(r.body(), "#action-conflict").text().contains(label("case.conflict")));
        Map<String, Object> after = getCase(tenant, id, null);
        assertEquals(lead, handlerId(after), "the colleague's assignment stands");
        assertEquals(version(meanwhile), version(after));
        // the re-shown page offers the current state
        assertEquals(String.valueOf(lead), Html.one(r.body(), "form#assign-form").formValues().get("handler"));
        assertEquals(String.valueOf(version(after)), formVersion(r));
    }

    @Test
    void anAssignmentWithoutAVersionIsBadInput() {
        String tenant = "iederzijnwerk";
        Object id = createComplaint(tenant, complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
        PageSession s = loggedInAs(tenant + ".medewerker");
        Html.Element form = Html.one(detail(s, tenant, id).body(), "form#assign-form");
        Page r = s.postRaw(form.attr("action"), fill(form, fields("handler",
                String.valueOf(userId(tenant + ".medewerker")), "version", null)));
        assertEquals(400, r.status());
        assertTrue(Html.one(r.body(), "#action-errors").text().contains("version"));
        assertNull(handler(getCase(tenant, id, null)));
    }
}
