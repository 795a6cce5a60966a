package nl.klachtenregie.complaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import nl.klachtenregie.security.UserDirectory;
import nl.klachtenregie.support.PageTestSupport;
import nl.klachtenregie.support.Html;

/** What the case page tests share: opening a case, submitting its forms as a browser would, reading the result. */
abstract class CasePagesTestSupport extends PageTestSupport {

    /** The texts the pages show (Dutch, the default language), so tests compare with the page's own labels. */
    static final ResourceBundle CASES = ResourceBundle.getBundle("i18n.cases", Locale.forLanguageTag("nl"));

    @Inject
    UserDirectory users;

    static final ResourceBundle MESSAGES = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nl"));

    static String label(String key) {
        return CASES.getString(key);
    }

    static String messages(String key) {
        return MESSAGES.getString(key);
    }

    long userId(String username) {
        return users.findByUsername(username).orElseThrow().id().value();
    }

    String displayName(String username) {
        return users.findByUsername(username).orElseThrow().displayName();
    }

    static String casePath(String tenant, Object id) {
        return "/t/" + tenant + "/klachten/" + id;
    }

    /** Opens the detail page; fails unless it answers 200. */
    static Page detail(PageSession s, String tenant, Object id) {
        Page p = s.get(casePath(tenant, id));
        assertEquals(200, p.status(), () -> "detail of " + id + ": " + p.body());
        return p;
    }

    /** The action form of this type on a detail page; fails when the page does not offer it. */
    static Html.Element actionForm(Page detail, String type) {
        return Html.one(detail.body(), "form.action-form[data-action=" + type + "]");
    }

    static List<String> offeredActions(Page detail) {
        return Html.select(detail.body(), "form.action-form").stream().map(f -> f.attr("data-action")).toList();
    }

    /**
     * Submits the action form of this type as a browser would after the user filled in {@code changes} (a null
     * value removes the field, as if the browser did not send it).
     */
    static Page submitAction(PageSession s, String tenant, Object id, String type, Map<String, String> changes) {
        Page page = detail(s, tenant, id);
        Html.Element form = actionForm(page, type);
        assertEquals(casePath(tenant, id) + "/acties", form.attr("action"));
        return s.postRaw(form.attr("action"), fill(form, changes));
    }

    static Map<String, String> fill(Html.Element form, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>(form.formValues());
        changes.forEach((k, v) -> {
            if (v == null) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        return values;
    }

    /** Key/value pairs as a map that keeps nulls and order. */
    static Map<String, String> fields(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** data-status of the obligation rows with this code, in the page's order. */
    static List<String> obligationStatuses(Page detail, String code) {
        return Html.select(detail.body(), "table#obligations tr[data-code=" + code + "]").stream()
                .map(r -> r.attr("data-status")).toList();
    }

    static List<Html.Element> timeline(Page detail, String type) {
        return Html.select(detail.body(), "ol#timeline li[data-type=" + type + "]");
    }

    static String caseStatus(Page detail) {
        return Html.one(detail.body(), "#case-status").attr("data-status");
    }

    /** The version the forms of the page carry (the assign form's, which every handler sees). */
    static String formVersion(Page detail) {
        Html.Element form = Html.one(detail.body(), "form#assign-form");
        String v = form.formValues().get("version");
        assertNotNull(v, "assign form without version");
        return v;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<String, Object> caseBody) {
        return (List<Map<String, Object>>) caseBody.get("events");
    }

    static int version(Map<String, Object> caseBody) {
        return ((Number) caseBody.get("version")).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> handler(Map<String, Object> caseBody) {
        return (Map<String, Object>) caseBody.get("handler");
    }
}
