package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.support.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a handler typed into an action that is refused or clashes is shown again, never lost. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedActionKeepsInputTest extends PageTestSupport {

    private static int version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aRefusedDecisionShowsTheTypedMeasuresAndJudgementAgain() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01")).get("id");
        PageSession staff = loggedInAs("iederzijnwerk.medewerker");
        String page = staff.get("/t/iederzijnwerk/klachten/" + id).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "DECIDED");
        form.put("version", String.valueOf(version(page)));
        form.put("on", "2026-09-01"); // before receipt: refused
        form.put("judgement", "PARTLY_WELL_FOUNDED");
        form.put("motivation", "De klacht is terecht: het team kende de afspraak niet.");
        form.put("measureText1", "Extra scholing voor het team <b>vóór</b> januari");
        form.put("measureDue1", "2027-01-31");
        Page refused = staff.post("/t/iederzijnwerk/klachten/" + id + "/acties", form);
        assertEquals(422, refused.status());
        String html = refused.body();
        assertTrue(html.contains("id=\"action-refused\""));
        assertTrue(html.contains("value=\"Extra scholing voor het team &lt;b&gt;vóór&lt;/b&gt; januari\""),
                "the measures typed are back, escaped");
        assertTrue(html.contains("De klacht is terecht: het team kende de afspraak niet.</textarea>"),
                "the reasons typed are back");
        assertTrue(html.contains("value=\"2027-01-31\""));
        assertTrue(html.contains("value=\"2026-09-01\""));
        assertTrue(html.contains("<option value=\"PARTLY_WELL_FOUNDED\" selected"));
        assertTrue(Pattern.compile("<details open>\\s*<summary[^>]*>[^<]*</summary>\\s*<form[^>]*data-action=\"DECIDED\"")
                .matcher(html).find(), "the refused action is open");
    }

    @Test
    void aClashingReportKeepsItsText() {
        Object id = createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-10-01")).get("id");
        PageSession staff = loggedInAs("iederzijnwerk.medewerker");
        int seen = version(staff.get("/t/iederzijnwerk/klachten/" + id).body());
        event("iederzijnwerk", id, ev("ACKNOWLEDGED", "2026-10-02"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "REPORT_RECORDED");
        form.put("version", String.valueOf(seen));
        form.put("on", "2026-10-05");
        form.put("text", "Gesprek gevoerd; klager wil excuses.");
        form.put("signedByComplainant", "true");
        Page clash = staff.post("/t/iederzijnwerk/klachten/" + id + "/acties", form);
        assertEquals(409, clash.status());
        assertTrue(clash.body().contains("Gesprek gevoerd; klager wil excuses.</textarea>"));
        assertTrue(clash.body().contains("name=\"signedByComplainant\" value=\"true\" checked"));
    }
}
