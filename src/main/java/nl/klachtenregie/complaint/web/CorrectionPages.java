package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.Correction;
import nl.klachtenregie.complaint.CorrectionRequest;
import nl.klachtenregie.complaint.Corrections;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.ForbiddenException;
import nl.klachtenregie.shared.Text;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.web.CsrfForm;
import nl.klachtenregie.web.Option;
import nl.klachtenregie.web.PageForms;

/**
 * What the correction page (Gegevens corrigeren) and the case page's timeline ask of {@link Corrections}: the form
 * prefilled with what intake recorded, the posted form turned into a {@link CorrectionRequest}, and each stored
 * correction as a timeline entry (values in the page's words: dates dd-MM-yyyy, codes by their names, the corrector
 * by name).
 */
@Singleton
class CorrectionPages {

    @jakarta.inject.Inject
    CaseAccessPages access;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The form's field names (complainantName) by the API's (complainant.name). */
    private static final Map<String, String> FORM_NAMES = new LinkedHashMap<>();

    static {
        Corrections.FIELDS.forEach(f -> FORM_NAMES.put(f, f.startsWith("complainant.")
                ? "complainant" + Character.toUpperCase(f.charAt(12)) + f.substring(13) : f));
    }

    /** The correction form as a browser posts it: every value a string, an unticked checkbox absent. */
    @Serdeable
    record CorrectionForm(@Nullable String kind, @Nullable String channel, @Nullable String receivedOn,
                          @Nullable String incidentOn, @Nullable String category, @Nullable String serviceLine,
                          @Nullable String complainantName, @Nullable String complainantRole,
                          @Nullable String complainantEmail, @Nullable String complainantPhone,
                          @Nullable String complainantAddress, @Nullable String complainantPlace,
                          @Nullable String concernsEmployee, @Nullable String summary, @Nullable String confidential,
                          @Nullable String reason, @Nullable String version, @Nullable String csrfToken)
            implements CsrfForm {

        static CorrectionForm of(CaseView c) {
            var who = c.complainant();
            return new CorrectionForm(c.kind().name(), c.channel().name(), c.receivedOn().toString(),
                    c.incidentOn() == null ? null : c.incidentOn().toString(), c.category(), c.serviceLine(),
                    who.name(), who.role().name(), who.email(), who.phone(), who.address(), who.place(),
                    c.concernsEmployee(), c.summary(), c.confidential() ? "true" : null, null,
                    String.valueOf(c.version()), null);
        }

        public boolean confidentialChecked() {
            return PageForms.checkbox(confidential);
        }

        /** The posted values by the API's field names; a field the browser did not send is left as it is. */
        Map<String, String> changes() {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, "kind", kind);
            put(m, "channel", channel);
            put(m, "receivedOn", receivedOn);
            put(m, "incidentOn", incidentOn);
            put(m, "category", category);
            put(m, "serviceLine", serviceLine);
            put(m, "complainant.name", complainantName);
            put(m, "complainant.role", complainantRole);
            put(m, "complainant.email", complainantEmail);
            put(m, "complainant.phone", complainantPhone);
            put(m, "complainant.address", complainantAddress);
            put(m, "complainant.place", complainantPlace);
            put(m, "concernsEmployee", concernsEmployee);
            put(m, "summary", summary);
            m.put("confidential", String.valueOf(PageForms.checkbox(confidential)));
            return m;
        }

        private static void put(Map<String, String> m, String field, String value) {
            if (value != null) {
                m.put(field, value);
            }
        }
    }

    /**
     * Gegevens corrigeren.
     *
     * @param errors by the form's field names; {@code changes} when nothing was changed
     * @param stale someone else changed the case since the page was loaded: nothing was saved
     */
    record CorrectionPage(String tenant, CaseView c, CorrectionForm form, @Nullable Map<String, String> errors,
                          List<String> refused, boolean stale, boolean closed, List<Option> kinds,
                          List<Option> channels, List<Option> roles, List<Option> categories,
                          List<Option> serviceLines, String today, String nav) {
    }

    /** A value on the timeline: a date, a message key (a translated code), or words; all null is "(leeg)". */
    record Shown(@Nullable LocalDate date, @Nullable String key, @Nullable String text) {
        public boolean empty() {
            return date == null && key == null && text == null;
        }
    }

    /** One change of a correction as the timeline shows it. */
    record Item(String labelKey, Shown was, Shown now, boolean term, @Nullable String dutyCode, @Nullable String dutyLabel,
                boolean version, String field) {
    }

    /** One correction on the timeline: when (day and time in Amsterdam), why, and what changed. */
    record Entry(String at, String time, @Nullable String reason, List<Item> items) {
    }

    private final TenantDirectory tenants;
    private final ComplaintService complaints;
    private final Corrections corrections;

    CorrectionPages(TenantDirectory tenants, ComplaintService complaints, Corrections corrections) {
        this.tenants = tenants;
        this.complaints = complaints;
        this.corrections = corrections;
    }

    /** The form prefilled with the case as it stands; refused (403) to whoever may not correct it. */
    CorrectionPage form(String slug, ComplaintId id, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        CaseView c = allowed(t, id, me);
        return page(t, c, CorrectionForm.of(c), Map.of(), List.of(), false);
    }

    /** The form again as posted, with what went wrong. */
    CorrectionPage failed(String slug, ComplaintId id, CurrentUser me, CorrectionForm posted,
                          Map<String, String> apiErrors, List<String> refused, boolean stale) {
        Tenant t = tenants.resolve(slug);
        CaseView c = complaints.get(t, access.viewer(t, me), id, null);
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> errors.put(FORM_NAMES.getOrDefault(field, field), message));
        // On a stale page the version stays what the user saw: saving again must not overwrite the other change.
        return page(t, c, posted, errors, refused, stale);
    }

    CaseView correct(String slug, ComplaintId id, CorrectionForm form, CurrentUser me) {
        Tenant t = tenants.resolve(slug);
        Integer version = PageForms.version(form.version());
        return corrections.correct(t, id, new CorrectionRequest(form.changes(), version == null ? -1 : version,
                form.reason()), me);
    }

    private CaseView allowed(Tenant t, ComplaintId id, CurrentUser me) {
        CaseView c = complaints.get(t, access.viewer(t, me), id, null);
        if (!corrections.mayCorrect(me, c)) {
            throw new ForbiddenException(Text.of("correction.forbidden", c.reference()));
        }
        return c;
    }

    private CorrectionPage page(Tenant t, CaseView c, CorrectionForm form, Map<String, String> errors,
                                List<String> refused, boolean stale) {
        TenantProfile p = t.profile();
        List<Option> lines = new ArrayList<>();
        lines.add(new Option("", "", form.serviceLine() == null || form.serviceLine().isBlank()));
        p.serviceLines().forEach(s -> lines.add(new Option(s.code(), s.name(), s.code().equals(form.serviceLine()))));
        return new CorrectionPage(t.slug(), c, form, errors.isEmpty() ? null : errors, refused, stale,
                c.status() == CaseStatus.CLOSED, enums(ComplaintKind.values(), form.kind()),
                enums(Channel.values(), form.channel()), enums(ComplainantRole.values(), form.complainantRole()),
                p.categories().stream().map(x -> new Option(x.code(), x.name(), x.code().equals(form.category())))
                        .toList(), lines, complaints.today().toString(), "klachten");
    }

    private static <E extends Enum<E>> List<Option> enums(E[] values, String selected) {
        return java.util.Arrays.stream(values).map(e -> new Option(e.name(), e.name(), e.name().equals(selected)))
                .toList();
    }

    /** Whether {@code me} may correct the case (the link on the case page). */
    boolean mayCorrect(CurrentUser me, CaseView c) {
        return corrections.mayCorrect(me, c);
    }

    /** The case's corrections as timeline entries, on the day each was made. */
    List<CasePageModels.TimelineEntry> timeline(Tenant t, CaseView c) {
        TenantProfile p = t.profile();
        List<CasePageModels.TimelineEntry> out = new ArrayList<>();
        for (Correction k : corrections.of(t, new ComplaintId(c.id()))) {
            var at = k.correctedAt().atZone(AMSTERDAM);
            List<Item> items = k.changes().stream().map(ch -> item(p, ch)).toList();
            out.add(new CasePageModels.TimelineEntry("CORRECTION", at.toLocalDate(), k.correctedBy(), List.of(), null,
                    0, null, false, false, null, new Entry(at.format(DMY), at.format(HM), k.reason(), items)));
        }
        return out;
    }

    private static Item item(TenantProfile p, Correction.Change ch) {
        return switch (ch.kind()) {
            case TERM -> new Item("correction.termLabel", date(ch.oldValue(), true), date(ch.newValue(), true), true,
                    ch.field(), ch.label(), false, ch.field());
            case VERSION -> new Item("correction.versionLabel", new Shown(null, null, ch.oldValue()),
                    new Shown(null, null, ch.newValue()), false, null, null, true, ch.field());
            case FIELD -> new Item(labelKey(ch.field()), shown(p, ch.field(), ch.oldValue()),
                    shown(p, ch.field(), ch.newValue()), false, null, null, false, ch.field());
        };
    }

    private static String labelKey(String field) {
        return "field." + FORM_NAMES.getOrDefault(field, field);
    }

    private static Shown date(String iso, boolean term) {
        if (iso == null) {
            return new Shown(null, term ? "correction.noTerm" : null, null);
        }
        return new Shown(LocalDate.parse(iso), null, null);
    }

    private static Shown shown(TenantProfile p, String field, String v) {
        if (v == null) {
            return new Shown(null, null, null);
        }
        return switch (field) {
            case "kind" -> new Shown(null, "kind." + v, null);
            case "channel" -> new Shown(null, "channel." + v, null);
            case "complainant.role" -> new Shown(null, "role." + v, null);
            case "receivedOn", "incidentOn" -> date(v, false);
            case "confidential" -> new Shown(null, "true".equals(v) ? "common.yes" : "common.no", null);
            case "category" -> new Shown(null, null, p.categories().stream().filter(x -> x.code().equals(v))
                    .map(TenantProfile.Category::name).findFirst().orElse(v));
            case "serviceLine" -> new Shown(null, null, p.serviceLines().stream().filter(x -> x.code().equals(v))
                    .map(TenantProfile.ServiceLine::name).findFirst().orElse(v));
            default -> new Shown(null, null, v);
        };
    }
}
