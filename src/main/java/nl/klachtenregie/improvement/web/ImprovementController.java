package nl.klachtenregie.improvement.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.klachtenregie.improvement.Effectiveness;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.improvement.Measure;
import nl.klachtenregie.improvement.MeasureKind;
import nl.klachtenregie.improvement.MeasureLevel;
import nl.klachtenregie.improvement.MeasureStatus;
import nl.klachtenregie.improvement.NewMeasure;
import nl.klachtenregie.improvement.Origin;
import nl.klachtenregie.improvement.OriginType;
import nl.klachtenregie.improvement.Review;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.NotFoundException;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import nl.klachtenregie.improvement.web.ImprovementForms.MeasureForm;
import nl.klachtenregie.improvement.web.ImprovementForms.Read;
import nl.klachtenregie.improvement.web.ImprovementForms.ReviewForm;
import nl.klachtenregie.kpi.Proposals;
import nl.klachtenregie.web.LayoutModelProcessor;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.FieldErrors;
import nl.klachtenregie.web.OwnTenant;
import nl.klachtenregie.web.Option;
import nl.klachtenregie.shared.Text;

/**
 * Verbeterregister, for those who oversee the procedure (kwaliteitsmanager, leidinggevende, directie): the measures
 * with organisation-wide ones apart from those at client level, the completed ones that this year's
 * directiebeoordeling still has to review, a new measure (also proposed from the dashboard or a case, by query
 * parameters), a measure's page with its review. Bad input comes back with 422 at its field and a save over someone
 * else's with 409, both with what was typed kept.
 */
@Controller("/t/{tenant}/verbeterregister")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"COMPLIANCE", "MANAGER", "DIRECTOR"})
class ImprovementController {

    /** Confirmations after a redirect: {@code ?gedaan=<value>} shows {@code improvement.done.<value>}. */
    private static final Set<String> DONE = Set.of("aangemaakt", "opgeslagen", "beoordeeld");

    /** A complaint a measure names; {@code id} only for users who may open cases (else no link). */
    record ComplaintLink(String reference, @Nullable Long id) {
    }

    /** One measure in the register's tables. */
    record Row(long id, String number, String title, MeasureKind kind, MeasureLevel level, MeasureStatus status,
               @Nullable String owner, @Nullable LocalDate dueOn, boolean overdue, @Nullable LocalDate completedOn,
               OriginType originType, List<ComplaintLink> complaints, @Nullable Review review) {
    }

    /** View model of the register. */
    record RegisterPage(String tenant, List<Option> statuses, List<Option> kinds, List<Option> levels,
                        List<Option> years, boolean filtered, List<Row> organisation, List<Row> client,
                        List<Row> awaitingReview, int reviewYear, int total, List<Proposal> proposals,
                        String proposalPeriod) {
        public String nav() {
            return "verbeterregister";
        }
    }

    /** A missed KPI or a flagged trend of this year that no measure answers yet, with the prefilled form's link. */
    record Proposal(String text, String url) {
    }

    /**
     * View model of the new-measure page and of a measure's page (then with {@code id}, its review and the review
     * form, when the measure is done).
     *
     * @param answeredBy the numbers of measures that already answer the origin key being proposed
     */
    record MeasurePage(String tenant, @Nullable Long id, @Nullable String number, Map<String, String> form,
                       Map<String, String> errors, List<Option> kinds, List<Option> levels, List<Option> statuses,
                       List<Option> originTypes, List<ComplaintLink> complaints, int rowVersion,
                       @Nullable String conflict, @Nullable String done, List<String> answeredBy,
                       @Nullable MeasureLevel level, @Nullable LocalDate createdOn, @Nullable String createdBy,
                       @Nullable Review review, boolean reviewable, boolean awaitsReview, int reviewYear,
                       Map<String, String> reviewForm, Map<String, String> reviewErrors, List<Option> effectiveness) {
        public String nav() {
            return "verbeterregister";
        }

        /** The page title's message key. */
        public String titleKey() {
            return id == null ? "improvement.page.new" : "improvement.page.edit";
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public boolean hasReviewErrors() {
            return !reviewErrors.isEmpty();
        }

        public boolean clientLevel() {
            return level == MeasureLevel.CLIENT;
        }
    }

    private final TenantDirectory tenants;
    private final ImprovementRegister register;
    private final Proposals dashboardProposals;

    ImprovementController(TenantDirectory tenants, ImprovementRegister register, Proposals dashboardProposals) {
        this.tenants = tenants;
        this.register = register;
        this.dashboardProposals = dashboardProposals;
    }

    @Get
    ModelAndView<RegisterPage> list(@PathVariable String tenant, @Nullable @QueryValue String status,
                                    @Nullable @QueryValue String soort, @Nullable @QueryValue String niveau,
                                    @Nullable @QueryValue String jaar, Authentication authentication,
                                    io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        FieldErrors filters = new FieldErrors();
        MeasureStatus st = filters.optionalEnum("status", status, MeasureStatus.class);
        MeasureKind kind = filters.optionalEnum("soort", soort, MeasureKind.class);
        MeasureLevel level = filters.optionalEnum("niveau", niveau, MeasureLevel.class);
        Integer year = null;
        if (jaar != null && !jaar.isBlank()) {
            if (jaar.strip().matches("2\\d{3}")) {
                year = Integer.valueOf(jaar.strip());
            } else {
                filters.add("jaar", Text.of("improvement.error.yearFilter", jaar).in(LayoutModelProcessor.locale(request)));
            }
        }
        filters.throwIfAny();
        LocalDate today = register.today();
        List<Measure> all = register.list(t.id());
        List<Measure> shown = all;
        if (year != null) {
            shown = register.relevantTo(t.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        shown = shown.stream().filter(m -> (st == null || m.status() == st) && (kind == null || m.kind() == kind)
                && (level == null || m.level() == level)).toList();
        List<Measure> awaiting = all.stream().filter(m -> m.awaitsReview(today.getYear())).toList();
        Map<String, Long> ids = ids(t, me, all.stream().flatMap(m -> m.complaintReferences().stream()).toList());
        Set<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(today.getYear());
        all.forEach(m -> years.add(m.createdOn().getYear()));
        List<Option> yearChoices = new java.util.ArrayList<>();
        yearChoices.add(Option.of("", year == null));
        for (int y : years) {
            yearChoices.add(Option.of(String.valueOf(y), year != null && year == y));
        }
        return new ModelAndView<>("improvements", new RegisterPage(t.slug(), choices(MeasureStatus.values(), st),
                choices(MeasureKind.values(), kind), choices(MeasureLevel.values(), level), yearChoices,
                st != null || kind != null || level != null || year != null,
                rows(shown, MeasureLevel.ORGANISATION, ids, today), rows(shown, MeasureLevel.CLIENT, ids, today),
                awaiting.stream().map(m -> row(m, ids, today)).toList(), today.getYear(), shown.size(),
                proposals(t, request), String.valueOf(today.getYear())));
    }

    /**
     * What the dashboard of this year proposes (procedure 6.5: a breach or a trend calls for a measure), so the
     * register shows what still waits for one. The register stays usable when the figures cannot be counted.
     */
    private List<Proposal> proposals(Tenant t, io.micronaut.http.HttpRequest<?> request) {
        List<Proposals.Proposal> open;
        try {
            open = dashboardProposals.ofThisYear(t, LayoutModelProcessor.locale(request), register.originKeys(t.id()));
        } catch (RuntimeException e) {
            return List.of();
        }
        return open.stream().map(p -> new Proposal(p.title(), "/t/" + t.slug()
                + "/verbeterregister/nieuw?herkomst=" + p.origin() + "&sleutel=" + enc(p.originKey())
                + "&omschrijving=" + enc(p.description()))).toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The new-measure form. The dashboard and case pages propose a measure through the query: {@code herkomst}
     * (KPI_BREACH, TREND, COMPLAINTS, OTHER), {@code sleutel} (the breach's or trend's key), {@code omschrijving}
     * and {@code klachten} (references). What cannot be used is said at its field (422), never a failure.
     */
    @Get("/nieuw")
    HttpResponse<ModelAndView<MeasurePage>> newForm(@PathVariable String tenant, @Nullable @QueryValue String herkomst,
                                                    @Nullable @QueryValue String sleutel,
                                                    @Nullable @QueryValue String omschrijving,
                                                    @Nullable @QueryValue String klachten,
                                                    @Nullable @QueryValue String titel,
                                                    @Nullable @QueryValue String termijn,
                                                    Authentication authentication,
            io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Map<String, String> errors = new LinkedHashMap<>();
        String type = herkomst == null || herkomst.isBlank() ? inferredOrigin(sleutel, klachten) : herkomst.strip();
        FieldErrors parse = new FieldErrors();
        OriginType originType = parse.optionalEnum("originType", type, OriginType.class);
        try {
            parse.throwIfAny();
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors(LayoutModelProcessor.locale(request)));
        }
        if (originType != null) {
            try {
                new Origin(originType, sleutel, omschrijving);
            } catch (InvalidInputException e) {
                // "Anders" without a description is for the person to complete, not a fault of the link.
                e.fieldErrors(LayoutModelProcessor.locale(request)).forEach((field, message) -> {
                    if (!field.equals("originDescription") || (omschrijving != null && !omschrijving.isBlank())) {
                        errors.putIfAbsent(field, message);
                    }
                });
            }
        }
        List<String> refs = ImprovementForms.references(klachten);
        if (!refs.isEmpty()) {
            unknownComplaints(t, refs, request).ifPresent(message -> errors.put("complaints", message));
        }
        boolean proposedFromData = originType == OriginType.KPI_BREACH || originType == OriginType.TREND;
        // A measure a decision promised (the case page's "in het verbeterregister"): its words as title, its date.
        MeasureForm prefilled = new MeasureForm(titel == null || titel.isBlank() ? null : titel.strip(), null,
                (proposedFromData ? MeasureKind.PREVENTIVE : MeasureKind.CORRECTIVE).name(),
                MeasureLevel.ORGANISATION.name(), type, sleutel, omschrijving,
                refs.isEmpty() ? klachten : String.join(", ", refs), null,
                termijn == null || termijn.isBlank() ? null : termijn.strip(),
                (proposedFromData ? MeasureStatus.PROPOSED : MeasureStatus.OPEN).name(), null, null, null);
        MeasurePage page = newPage(t, me, prefilled.values(), errors);
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("improvement", page));
    }

    @Post("/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@PathVariable String tenant, @Nullable @Body MeasureForm form,
                           Authentication authentication,
            io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        MeasureForm f = form == null ? MeasureForm.EMPTY : form;
        Read<NewMeasure> read = ImprovementForms.measure(f, LayoutModelProcessor.locale(request));
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        if (read.value() != null) {
            try {
                Measure created = register.create(t, read.value(), me.username());
                return done(t, created.id(), "aangemaakt");
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors(LayoutModelProcessor.locale(request)));
            }
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("improvement", newPage(t, me, f.values(), errors)));
    }

    @Get("/{id}")
    ModelAndView<MeasurePage> show(@PathVariable String tenant, @PathVariable String id,
                                   @Nullable @QueryValue String gedaan, Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Measure m = load(t, id);
        return new ModelAndView<>("improvement", measurePage(t, me, m, ImprovementForms.values(m), Map.of(),
                m.rowVersion(), null, gedaan != null && DONE.contains(gedaan) ? "improvement.done." + gedaan : null,
                ReviewForm.EMPTY, Map.of()));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(@PathVariable String tenant, @PathVariable String id, @Nullable @Body MeasureForm form,
                           Authentication authentication,
            io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Measure m = load(t, id);
        MeasureForm f = form == null ? MeasureForm.EMPTY : form;
        int loaded = ImprovementForms.rowVersion(f.rowVersion());
        Read<NewMeasure> read = ImprovementForms.measure(f, LayoutModelProcessor.locale(request));
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        if (read.value() != null) {
            try {
                register.update(t, m.id(), read.value(), loaded, me.username());
                return done(t, m.id(), "opgeslagen");
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors(LayoutModelProcessor.locale(request)));
            } catch (ConflictException e) {
                // Shown with the current version: saving again is a deliberate overwrite, after seeing the message.
                Measure now = load(t, id);
                return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("improvement",
                        measurePage(t, me, now, f.values(), Map.of(), now.rowVersion(), shown(e, request), null,
                                ReviewForm.EMPTY, Map.of())));
            }
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("improvement",
                measurePage(t, me, m, f.values(), errors, loaded < 0 ? m.rowVersion() : loaded, null, null,
                        ReviewForm.EMPTY, Map.of())));
    }

    @Post("/{id}/beoordeling")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> review(@PathVariable String tenant, @PathVariable String id, @Nullable @Body ReviewForm form,
                           Authentication authentication,
            io.micronaut.http.HttpRequest<?> request) {
        CurrentUser me = CurrentUser.of(authentication);
        Tenant t = OwnTenant.of(tenants, tenant, me);
        Measure m = load(t, id);
        ReviewForm f = form == null ? ReviewForm.EMPTY : form;
        int loaded = ImprovementForms.rowVersion(f.rowVersion());
        Read<Review> read = ImprovementForms.review(f, LayoutModelProcessor.locale(request));
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        if (read.value() != null) {
            try {
                register.review(t, m.id(), read.value(), loaded, me.username());
                return done(t, m.id(), "beoordeeld");
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors(LayoutModelProcessor.locale(request)));
            } catch (ConflictException e) {
                Measure now = load(t, id);
                return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("improvement",
                        measurePage(t, me, now, ImprovementForms.values(now), Map.of(), now.rowVersion(),
                                shown(e, request), null, f, Map.of())));
            }
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("improvement",
                measurePage(t, me, m, ImprovementForms.values(m), Map.of(), loaded < 0 ? m.rowVersion() : loaded,
                        null, null, f, errors)));
    }

    private Measure load(Tenant t, String id) {
        long value;
        try {
            value = Long.parseLong(id);
        } catch (NumberFormatException e) {
            value = -1;
        }
        return register.find(t.id(), value).orElseThrow(() ->
                new NotFoundException(Text.of("error.improvement.notOfTenant")));
    }

    private MeasurePage newPage(Tenant t, CurrentUser me, Map<String, String> form, Map<String, String> errors) {
        String key = form.get("originKey");
        List<String> answeredBy = key == null || key.isBlank() ? List.of() : register.list(t.id()).stream()
                .filter(m -> key.strip().equals(m.origin().key())).map(Measure::number).toList();
        return new MeasurePage(t.slug(), null, null, form, errors, choices(MeasureKind.values(), form.get("kind")),
                choices(MeasureLevel.values(), form.get("level")), choices(MeasureStatus.values(), form.get("status")),
                choices(OriginType.values(), form.get("originType")), List.of(), 0, null, null, answeredBy,
                null, null, null, null, false, false, register.today().getYear(), Map.of(), Map.of(), List.of());
    }

    private MeasurePage measurePage(Tenant t, CurrentUser me, Measure m, Map<String, String> form,
                                    Map<String, String> errors, int rowVersion, @Nullable String conflict,
                                    @Nullable String done, ReviewForm review, Map<String, String> reviewErrors) {
        LocalDate today = register.today();
        Map<String, Long> ids = ids(t, me, m.complaintReferences());
        Map<String, String> reviewForm = review.values();
        if (review == ReviewForm.EMPTY) {
            reviewForm.put("reviewedOn", today.toString());
            reviewForm.put("year", String.valueOf(today.getYear()));
        }
        return new MeasurePage(t.slug(), m.id(), m.number(), form, errors, choices(MeasureKind.values(), form.get("kind")),
                choices(MeasureLevel.values(), form.get("level")), choices(MeasureStatus.values(), form.get("status")),
                choices(OriginType.values(), form.get("originType")), links(m.complaintReferences(), ids), rowVersion,
                conflict, done, List.of(), m.level(), m.createdOn(), m.createdBy(), m.review(),
                m.status() == MeasureStatus.DONE, m.awaitsReview(today.getYear()), today.getYear(), reviewForm,
                reviewErrors, choices(Effectiveness.values(), reviewForm.get("effective")));
    }

    /** The case ids of the references, only for a user who may open cases: the others see references, no links. */
    private Map<String, Long> ids(Tenant t, CurrentUser me, Collection<String> references) {
        return me.readsCases() && !references.isEmpty() ? register.complaintIds(t.id(), references) : Map.of();
    }

    private java.util.Optional<String> unknownComplaints(Tenant t, List<String> refs,
                                                         io.micronaut.http.HttpRequest<?> request) {
        try {
            // The same check as on saving, without saving: a malformed reference is named as such.
            new NewMeasure("controle", null, MeasureKind.CORRECTIVE, MeasureLevel.ORGANISATION,
                    new Origin(OriginType.COMPLAINTS, null, null), refs, null, null, MeasureStatus.PROPOSED, null);
        } catch (InvalidInputException e) {
            return java.util.Optional.ofNullable(e.fieldErrors(LayoutModelProcessor.locale(request)).get("complaints"));
        }
        Map<String, Long> found = register.complaintIds(t.id(), refs);
        List<String> unknown = refs.stream().map(r -> r.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(r -> !found.containsKey(r)).distinct().toList();
        return unknown.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Text.of(unknown.size() == 1
                ? "improvement.error.complaints.unknown.one" : "improvement.error.complaints.unknown.many",
                String.join(", ", unknown)).in(LayoutModelProcessor.locale(request)));
    }

    /** A conflict's message in the reader's language. */
    private static String shown(ConflictException e, io.micronaut.http.HttpRequest<?> request) {
        return e.text() == null ? e.getMessage() : e.text().in(LayoutModelProcessor.locale(request));
    }

    /** A link without {@code herkomst}: a key or complaints say where the proposal comes from. */
    private static String inferredOrigin(@Nullable String key, @Nullable String complaints) {
        if (key != null && key.startsWith("KPI:")) {
            return OriginType.KPI_BREACH.name();
        }
        if (key != null && key.startsWith("TREND:")) {
            return OriginType.TREND.name();
        }
        return complaints != null && !complaints.isBlank() ? OriginType.COMPLAINTS.name() : "";
    }

    private static List<Row> rows(List<Measure> measures, MeasureLevel level, Map<String, Long> ids, LocalDate today) {
        return measures.stream().filter(m -> m.level() == level).map(m -> row(m, ids, today)).toList();
    }

    private static Row row(Measure m, Map<String, Long> ids, LocalDate today) {
        return new Row(m.id(), m.number(), m.title(), m.kind(), m.level(), m.status(), m.owner(), m.dueOn(),
                m.overdue(today), m.completedOn(), m.origin().type(), links(m.complaintReferences(), ids), m.review());
    }

    private static List<ComplaintLink> links(List<String> references, Map<String, Long> ids) {
        return references.stream().map(r -> new ComplaintLink(r, ids.get(r))).toList();
    }

    private static <E extends Enum<E>> List<Option> choices(E[] values, @Nullable Object selected) {
        String chosen = selected == null ? "" : selected.toString();
        List<Option> out = new java.util.ArrayList<>();
        out.add(Option.of("", chosen.isEmpty()));
        Arrays.stream(values).map(v -> Option.of(v.name(), v.name().equals(chosen))).forEach(out::add);
        return out;
    }

    private static HttpResponse<?> done(Tenant t, long id, String what) {
        return HttpResponse.seeOther(URI.create("/t/" + t.slug() + "/verbeterregister/" + id + "?gedaan=" + what));
    }
}
