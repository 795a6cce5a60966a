package nl.klachtenregie.complaint.web;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.complaint.CasePage;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.complaint.WorkItem;
import nl.klachtenregie.security.UserAccount;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.web.PageForms;
import nl.klachtenregie.web.Option;

/** Turns cases into what the case pages show: labels resolved from the tenant's profile, options for forms. */
@Singleton
class CasePageModels {

    /** Mijn werk. */
    record WorkPage(String tenant, List<WorkItem> items, int overdue, List<nl.klachtenregie.complaint.CaseSummary> unassigned,
                    String nav) {
    }

    /** Klachtenlijst. */
    record ListPage(String tenant, CasePage result, List<Option> statuses, List<Option> kinds, List<Option> categories,
                    List<Option> handlers, List<Option> overdue, String q, int pageNumber, int pages,
                    String previousUrl, String nextUrl, String nav, List<Option> narrowing) {
    }

    /** Nieuwe klacht. */
    record IntakePage(String tenant, CaseForms.IntakeForm form, Map<String, String> errors, List<String> refused,
                      List<Option> kinds, List<Option> channels, List<Option> roles, List<Option> categories,
                      List<Option> serviceLines, List<Option> handlers, String today, String nav,
                      List<Option> levels, List<Option> staff) {

        /** The same page with the personeelsoverzicht to pick "betreft medewerker" from (issue 16). */
        IntakePage withStaff(List<Option> entries) {
            return new IntakePage(tenant, form, errors, refused, kinds, channels, roles, categories, serviceLines,
                    handlers, today, nav, levels, entries);
        }
    }

    /**
     * Verplichting as a row of the detail page.
     *
     * @param label what the regulation promises the complainant in words, "" when none
     * @param statute the law that sets the term, "" for the regulation's own
     * @param setAsideReason why a person set the duty aside, null when not set aside
     */
    /**
     * @param registerUrl for a measure the decision promised: the verbeterregister's new-measure form, filled with the
     *     measure, its date and this case (one step to follow it up at the level of the organisation); else null
     */
    record ObligationRow(String code, LocalDate dueOn, ObligationStatus status, LocalDate metOn, String basis,
                         String explanation, String label, String statute, String setAsideReason,
                         String registerUrl) {
    }

    /** Detail of one timeline entry: a label key and its value; {@code duty}: the value is a duty's code. */
    record Line(String labelKey, String value, String valueKey, boolean duty, String dutyLabel) {
        Line(String labelKey, String value) {
            this(labelKey, value, null, false, null);
        }

        Line(String labelKey, String value, String valueKey) {
            this(labelKey, value, valueKey, false, null);
        }
    }

    /**
     * Timeline entry: an event, or a letter that was issued.
     *
     * @param recordedOn the day it was recorded, when that is not the day it happened ("dd-MM-yyyy"), else null
     * @param recordedLate recorded more than two working days after it happened ("achteraf vastgelegd")
     * @param awaitingConfirmation recorded after its term ran out and not yet confirmed by a second person
     */
    record TimelineEntry(String type, LocalDate on, String recordedBy, List<Line> lines, String letterUrl,
                         int sequence, String recordedOn, boolean recordedLate, boolean awaitingConfirmation,
                         String confirmedBy,
                         // issue 16: a correction of intake (type CORRECTION), else null
                         CorrectionPages.Entry correction) {
        TimelineEntry(String type, LocalDate on, String recordedBy, List<Line> lines, String letterUrl) {
            this(type, on, recordedBy, lines, letterUrl, 0, null, false, false, null, null);
        }
    }

    /**
     * An action the regulation allows now, with the fields its form needs: {@code duties} to choose from (set aside,
     * confirm a check, suspend or resume a term), a {@code reason}, the evidence of a late extension and the
     * complainant's consent ({@code extension}), the day lodged with an external body ({@code lodged}).
     */
    record ActionOption(String type, boolean weeks, boolean level, List<Option> levels, boolean body,
                        List<Option> bodies, boolean judgement, List<Option> judgements, boolean measures,
                        boolean motivation, boolean text, boolean signed, boolean satisfaction, boolean open,
                        Entered entered, List<Option> duties, boolean dutyOptional, boolean reason, boolean extension,
                        boolean lodged, boolean judgementOptional, boolean sent, List<MeasureInput> measureRows,
                        boolean realise, List<Option> openMeasures) {
    }

    /** One row of the decision form: a measure and the date by which it is realised (numbered from 1). */
    record MeasureInput(int number, String description, String dueOn) {
    }

    /**
     * What the user had typed into an action that was refused, shown again so that nothing typed is lost; for
     * the other actions only the date (today).
     */
    record Entered(String on, String weeks, String measures, String measuresDueOn, String motivation, String text,
                   boolean signed, String satisfaction, String reason, String noticeDate, String noticeReference,
                   String consentBy, String consentOn, String consentHow, String lodgedOn, String sentOn) {
        Entered(String on, String weeks, String measures, String measuresDueOn, String motivation, String text,
                boolean signed, String satisfaction, String reason, String noticeDate, String noticeReference,
                String consentBy, String consentOn, String consentHow, String lodgedOn) {
            this(on, weeks, measures, measuresDueOn, motivation, text, signed, satisfaction, reason, noticeDate,
                    noticeReference, consentBy, consentOn, consentHow, lodgedOn, on);
        }

        static Entered of(CaseForms.ActionForm f, String today) {
            if (f == null) {
                return new Entered(today, "4", "", "", "", "", false, "", "", "", "", "", "", "", "", today);
            }
            return new Entered(blank(f.on()) ? today : f.on(), blank(f.weeks()) ? "4" : f.weeks(), orEmpty(f.measures()),
                    orEmpty(f.measuresDueOn()), orEmpty(f.motivation()), orEmpty(f.text()),
                    PageForms.checkbox(f.signedByComplainant()), orEmpty(f.satisfaction()), orEmpty(f.reason()),
                    orEmpty(f.noticeDate()), orEmpty(f.noticeReference()), orEmpty(f.consentBy()),
                    orEmpty(f.consentOn()), orEmpty(f.consentHow()), orEmpty(f.lodgedOn()),
                    blank(f.sentOn()) ? (blank(f.on()) ? today : f.on()) : f.sentOn());
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    /** A letter that can be issued now. */
    record LetterOption(String kind) {
    }

    /** An issued letter. */
    record LetterRow(long id, String kind, String subject, LocalDate issuedOn, String issuedBy, String url) {
    }

    /** A message the product sent (or kept) about the case; read-only on the case page. */
    record MessageRow(long id, LocalDate queuedOn, String kind, String recipient, String state) {
    }

    /** Dossier. */
    record DetailPage(String tenant, CaseView c, String levelName, String categoryName, String serviceLineName,
                      List<ObligationRow> obligations, List<TimelineEntry> timeline, List<ActionOption> actions,
                      List<Option> handlers, List<LetterOption> letterOptions, List<LetterRow> letters,
                      List<CaseView.ExternalBodyView> bodies, List<String> escalationNames, List<String> refused,
                      String conflict, Map<String, String> errors, String today, boolean canWork, String nav,
                      List<MessageRow> messages, boolean canConfirm, String intakeLevelName,
                      // issue 16: whether the user may correct the case's intake (the link "Gegevens corrigeren")
                      boolean canCorrect,
                      // issue 16: the Notities and Documenten sections
                      CaseDossierModels.CaseDossier dossier,
                      // issue 16: where a case read in from an earlier administration came from
                      ImportOrigin imported,
                      // issue 16: the Toegang section and, for COMPLIANCE, the case's reads
                      CaseAccessSection access) {

        /** With the Notities and Documenten sections (issue 16). */
        DetailPage withDossier(CaseDossierModels.CaseDossier d) {
            return new DetailPage(tenant, c, levelName, categoryName, serviceLineName, obligations, timeline, actions,
                    handlers, letterOptions, letters, bodies, escalationNames, refused, conflict, errors, today, canWork,
                    nav, messages, canConfirm, intakeLevelName, canCorrect, d, imported, access);
        }

        /** With where an imported case came from (issue 16, past complaints read in). */
        DetailPage withImported(ImportOrigin origin) {
            return new DetailPage(tenant, c, levelName, categoryName, serviceLineName, obligations, timeline, actions,
                    handlers, letterOptions, letters, bodies, escalationNames, refused, conflict, errors, today, canWork,
                    nav, messages, canConfirm, intakeLevelName, canCorrect, dossier, origin, access);
        }

        /** The same page with its Toegang and inzagelog section (issue 16). */
        DetailPage withAccess(CaseAccessSection section) {
            return new DetailPage(tenant, c, levelName, categoryName, serviceLineName, obligations, timeline, actions,
                    handlers, letterOptions, letters, bodies, escalationNames, refused, conflict, errors, today,
                    canWork, nav, messages, canConfirm, intakeLevelName, canCorrect, dossier, imported, section);
        }
    }

    WorkPage work(Tenant tenant, List<WorkItem> items, CasePage unassigned) {
        int overdue = (int) items.stream().filter(WorkItem::overdue).count();
        return new WorkPage(tenant.slug(), items, overdue, unassigned.cases(), "werk");
    }

    ListPage list(Tenant tenant, CasePage result, ListQuery query, List<UserAccount> handlers) {
        TenantProfile p = tenant.profile();
        int pages = (int) Math.max(1, (result.total() + result.limit() - 1) / result.limit());
        int pageNumber = result.offset() / result.limit() + 1;
        List<Option> handlerOptions = new ArrayList<>();
        handlerOptions.add(new Option("", "", query.handler() == null || query.handler().isBlank()));
        handlerOptions.add(new Option("0", "—", "0".equals(query.handler())));
        handlers.forEach(u -> handlerOptions.add(new Option(String.valueOf(u.id().value()), u.displayName(),
                String.valueOf(u.id().value()).equals(query.handler()))));
        return new ListPage(tenant.slug(), result, enumOptions(CaseStatus.values(), query.status(), true),
                enumOptions(ComplaintKind.values(), query.kind(), true),
                withBlank(p.categories().stream().map(c -> new Option(c.code(), c.name(), c.code()
                        .equals(query.category()))).toList()),
                handlerOptions,
                List.of(new Option("", "", query.overdue() == null || query.overdue().isBlank()),
                        new Option("true", "yes", "true".equals(query.overdue())),
                        new Option("false", "no", "false".equals(query.overdue()))),
                query.q() == null ? "" : query.q(), pageNumber, pages,
                pageNumber > 1 ? query.url(tenant.slug(), pageNumber - 1) : null,
                pageNumber < pages ? query.url(tenant.slug(), pageNumber + 1) : null, "klachten", query.narrowing());
    }

    IntakePage intake(Tenant tenant, CaseForms.IntakeForm form, Map<String, String> errors, List<String> refused,
                      List<UserAccount> handlers, LocalDate today) {
        TenantProfile p = tenant.profile();
        List<Option> handlerOptions = new ArrayList<>();
        handlerOptions.add(new Option("", "—", form.handler() == null || form.handler().isBlank()));
        handlers.forEach(u -> handlerOptions.add(new Option(String.valueOf(u.id().value()), u.displayName(),
                String.valueOf(u.id().value()).equals(form.handler()))));
        return new IntakePage(tenant.slug(), form, nullIfEmpty(errors), refused,
                enumOptions(ComplaintKind.values(), form.kind(), false),
                enumOptions(Channel.values(), form.channel(), false),
                enumOptions(ComplainantRole.values(), form.complainantRole(), false),
                p.categories().stream().map(c -> new Option(c.code(), c.name(), c.code().equals(form.category())))
                        .toList(),
                withBlank(p.serviceLines().stream().map(s -> new Option(s.code(), s.name(),
                        s.code().equals(form.serviceLine()))).toList()),
                handlerOptions, today.toString(), "nieuw",
                // The rung the complaint is made at: the lowest unless it comes in directly higher up (e.g. to the
                // klachtenfunctionaris); the lowest is sent as "" so the case keeps the default.
                java.util.stream.IntStream.range(0, p.escalationLadder().size()).mapToObj(i -> {
                    TenantProfile.EscalationLevel l = p.escalationLadder().get(i);
                    String value = i == 0 ? "" : l.code();
                    boolean selected = i == 0 ? form.escalationLevel() == null || form.escalationLevel().isBlank()
                            || form.escalationLevel().equals(l.code()) : l.code().equals(form.escalationLevel());
                    return new Option(value, l.role(), selected);
                }).toList(), List.of());
    }

    DetailPage detail(Tenant tenant, CaseView c, List<UserAccount> handlers, List<LetterOption> letterOptions,
                      List<LetterRow> letters, boolean canWork, List<String> refused, String conflict,
                      Map<String, String> errors, CaseForms.ActionForm posted, List<MessageRow> messages,
                      boolean canConfirm, List<TimelineEntry> corrections, boolean canCorrect) {
        TenantProfile p = tenant.profile();
        List<ObligationRow> obligations = c.obligations().stream().map(o -> new ObligationRow(o.code(), o.dueOn(),
                o.status(), o.metOn(), o.basis(), o.explanation(), o.label(), o.statute(), o.setAsideReason(),
                o.code().equals("REALISE_MEASURE") ? "/t/" + p.slug() + "/verbeterregister/nieuw?herkomst=COMPLAINTS"
                        + "&klachten=" + url(c.reference()) + "&titel=" + url(o.label())
                        + (o.dueOn() == null ? "" : "&termijn=" + o.dueOn()) : null))
                .toList();
        Map<String, String> labels = new java.util.HashMap<>();
        c.obligations().forEach(o -> labels.putIfAbsent(o.code(), o.label()));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (CaseView.EventView e : c.events()) {
            LocalDate recorded = e.recordedAt() == null ? null
                    : e.recordedAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
            timeline.add(new TimelineEntry(e.type().name(), e.on(), e.recordedBy(), lines(p, e, labels), null,
                    e.sequence(), recorded == null || recorded.equals(e.on()) ? null : recorded.format(DMY),
                    e.recordedLate(), e.awaitingConfirmation(), e.confirmedBy(), null));
        }
        for (LetterRow l : letters) {
            timeline.add(new TimelineEntry("LETTER", l.issuedOn(), l.issuedBy(),
                    List.of(new Line("timeline.letter", l.subject())), l.url()));
        }
        timeline.addAll(corrections);
        // Stable: events keep their order, a letter (then a correction) comes after the events of its day.
        timeline.sort(Comparator.comparing(TimelineEntry::on));
        List<ActionOption> actions = canWork ? c.nextActions().stream()
                .map(a -> action(p, c, EventType.valueOf(a), posted != null && a.equals(posted.type()) ? posted : null))
                .toList() : List.of();
        List<Option> handlerOptions = new ArrayList<>();
        handlerOptions.add(new Option("", "—", c.handler() == null));
        handlers.forEach(u -> handlerOptions.add(new Option(String.valueOf(u.id().value()), u.displayName(),
                c.handler() != null && c.handler().id() == u.id().value())));
        return new DetailPage(tenant.slug(), c, levelName(p, c.escalationLevel()),
                p.categories().stream().filter(x -> x.code().equals(c.category())).map(TenantProfile.Category::name)
                        .findFirst().orElse(c.category()),
                c.serviceLine() == null ? null : p.serviceLines().stream().filter(x -> x.code().equals(c.serviceLine()))
                        .map(TenantProfile.ServiceLine::name).findFirst().orElse(c.serviceLine()),
                obligations, timeline, actions, handlerOptions, letterOptions, letters, c.externalBodies(),
                c.escalationOptions().stream().map(code -> levelName(p, code)).toList(), refused, conflict,
                nullIfEmpty(errors),
                c.asOf().toString(), canWork, "klachten", messages, canConfirm,
                c.intakeLevel() == null ? null : levelName(p, c.intakeLevel()), canCorrect, null, null, null);
    }

    private static ActionOption action(TenantProfile p, CaseView c, EventType type, CaseForms.ActionForm posted) {
        boolean open = posted != null;
        List<Option> levels = c.escalationOptions().stream().map(code -> new Option(code, levelName(p, code),
                open && code.equals(posted.level()))).toList();
        List<Option> bodies = c.externalBodies().stream().map(b -> new Option(b.code(), b.name(),
                open && b.code().equals(posted.body()))).toList();
        // No judgement is preselected: the handler chooses one (a default would decide for them).
        List<Option> judgements = java.util.Arrays.stream(Judgement.values())
                .map(j -> new Option(j.name(), j.name(), open && j.name().equals(posted.judgement()))).toList();
        List<MeasureInput> measureRows = new ArrayList<>();
        if (type == EventType.DECIDED) {
            for (int i = 0; i < CaseForms.ActionForm.MEASURE_ROWS; i++) {
                String[] entered = open ? posted.enteredMeasures().get(i) : new String[] {null, null};
                measureRows.add(new MeasureInput(i + 1, entered[0] == null ? "" : entered[0],
                        entered[1] == null ? "" : entered[1]));
            }
        }
        List<Option> openMeasures = new ArrayList<>();
        if (type == EventType.MEASURE_REALISED) {
            int number = 0;
            for (CaseView.ObligationView o : c.obligations()) {
                if (o.code().equals("REALISE_MEASURE")) {
                    number++;
                    if (o.metOn() == null) {
                        String n = String.valueOf(number);
                        openMeasures.add(new Option(n, n + ". " + o.label() + (o.dueOn() == null ? ""
                                : " (" + o.dueOn().format(DMY) + ")"), open && n.equals(posted.measure())));
                    }
                }
            }
        }
        boolean text = switch (type) {
            case REPORT_RECORDED, MEETING_HELD, SOLUTION_COMMUNICATED, RESOLVED_INFORMALLY, CONTACTED,
                 PROGRESS_REPORTED, MEETING_INVITED, MANAGEMENT_INFORMED, ESCALATED, REFERRED_EXTERNAL, CLOSED,
                 ACKNOWLEDGED, EXTENSION_ANNOUNCED, EXTERNAL_OUTCOME_RECEIVED, CHECK_CONFIRMED,
                 MEASURE_REALISED -> true;
            default -> false;
        };
        List<Option> duties = switch (type) {
            case DUTY_SET_ASIDE -> dutyOptions(c, o -> o.metOn() == null && o.status() != ObligationStatus.WAIVED,
                    posted);
            case CHECK_CONFIRMED -> dutyOptions(c, o -> o.metOn() == null && o.status() != ObligationStatus.WAIVED
                    && o.dueOn() == null && o.code().startsWith("CHECK"), posted);
            case TERM_SUSPENDED -> dutyOptions(c, o -> (o.status() == ObligationStatus.OPEN && o.dueOn() != null)
                    && (c.suspendable().contains(o.code()) || c.suspendable().contains("*")), posted);
            case TERM_RESUMED -> dutyOptions(c, o -> o.status() == ObligationStatus.SUSPENDED, posted);
            default -> List.of();
        };
        if (type == EventType.CHECK_CONFIRMED && duties.isEmpty()) {
            duties = dutyOptions(c, o -> o.metOn() == null && o.status() != ObligationStatus.WAIVED
                    && o.dueOn() == null, posted);
        }
        boolean decision = type == EventType.DECIDED;
        boolean resolution = type == EventType.RESOLVED_INFORMALLY;
        return new ActionOption(type.name(), type == EventType.EXTENSION_ANNOUNCED, type == EventType.ESCALATED,
                levels, type == EventType.REFERRED_EXTERNAL, bodies, decision || resolution, judgements,
                decision, decision || type == EventType.DECLARED_NOT_ADMISSIBLE, text,
                type == EventType.REPORT_RECORDED, type == EventType.CLOSED, open,
                Entered.of(posted, c.asOf().toString()), duties, type == EventType.TERM_RESUMED,
                type == EventType.DUTY_SET_ASIDE || type == EventType.TERM_SUSPENDED,
                type == EventType.EXTENSION_ANNOUNCED, type == EventType.REFERRED_EXTERNAL, resolution, decision,
                measureRows, type == EventType.MEASURE_REALISED, openMeasures);
    }

    /** The case's duties that fit, one option per code (its name is the page's to say: {@code duty} helper). */
    private static List<Option> dutyOptions(CaseView c, java.util.function.Predicate<CaseView.ObligationView> fits,
                                            CaseForms.ActionForm posted) {
        java.util.Map<String, Option> options = new java.util.LinkedHashMap<>();
        c.obligations().stream().filter(fits).forEach(o -> options.putIfAbsent(o.code(), new Option(o.code(),
                o.label(), posted != null && o.code().equals(posted.code()))));
        return List.copyOf(options.values());
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final java.time.format.DateTimeFormatter DMY =
            java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static List<Line> lines(TenantProfile p, CaseView.EventView e, Map<String, String> labels) {
        List<Line> lines = new ArrayList<>();
        for (String code : e.codes()) {
            lines.add(new Line(e.type() == EventType.CHECK_CONFIRMED ? "field.check" : "field.duty", code, null, true,
                    labels.getOrDefault(code, "")));
        }
        if (e.reason() != null) {
            lines.add(new Line("field.reason", e.reason()));
        }
        if (e.noticeDate() != null) {
            lines.add(new Line("field.noticeDate", e.noticeDate().format(DMY)));
        }
        if (e.noticeReference() != null) {
            lines.add(new Line("field.noticeReference", e.noticeReference()));
        }
        if (e.consentBy() != null) {
            lines.add(new Line("field.consent", e.consentBy() + (e.consentOn() == null ? "" : ", "
                    + e.consentOn().format(DMY)) + (e.consentHow() == null ? "" : ", " + e.consentHow())));
        }
        if (e.lodgedOn() != null) {
            lines.add(new Line("field.lodgedOn", e.lodgedOn().format(DMY)));
        }
        if (e.weeks() != null) {
            lines.add(new Line("field.weeks", String.valueOf(e.weeks())));
        }
        if (e.level() != null) {
            lines.add(new Line("field.level", levelName(p, e.level())));
        }
        if (e.body() != null) {
            lines.add(new Line("field.body", p.externalBody(e.body()).map(TenantProfile.ExternalBody::name)
                    .orElse(e.body())));
        }
        if (e.judgement() != null) {
            lines.add(new Line("field.judgement", null, "judgement." + e.judgement().name()));
        }
        for (nl.klachtenregie.complaint.Measure m : e.measures()) {
            lines.add(new Line("field.measure.description", m.description() + (m.dueOn() == null ? ""
                    : " (" + m.dueOn().format(DMY) + ")")));
        }
        if (e.sentOn() != null) {
            lines.add(new Line("field.sentOn", e.sentOn().format(DMY)));
        }
        if (e.measure() != null) {
            lines.add(new Line("field.measure.which", String.valueOf(e.measure())));
        }
        if (e.motivation() != null) {
            lines.add(new Line("field.motivation", e.motivation()));
        }
        if (e.text() != null) {
            lines.add(new Line("field.text", e.text()));
        }
        if (e.signedByComplainant() != null) {
            lines.add(new Line("field.signedByComplainant", null, e.signedByComplainant() ? "common.yes" : "common.no"));
        }
        if (e.satisfaction() != null) {
            lines.add(new Line("field.satisfaction", e.satisfaction() + " / 5"));
        }
        return lines;
    }

    static String levelName(TenantProfile p, String code) {
        return p.escalationLadder().stream().filter(l -> l.code().equals(code))
                .map(TenantProfile.EscalationLevel::role).findFirst().orElse(code);
    }

    private static <E extends Enum<E>> List<Option> enumOptions(E[] values, String selected, boolean blank) {
        List<Option> options = new ArrayList<>();
        if (blank) {
            options.add(new Option("", "", selected == null || selected.isBlank()));
        }
        for (E e : values) {
            options.add(new Option(e.name(), e.name(), e.name().equals(selected)));
        }
        return options;
    }

    /** Handlebars treats an empty map as true; the templates test "any errors?" with {@code #if}. */
    private static Map<String, String> nullIfEmpty(Map<String, String> errors) {
        return errors == null || errors.isEmpty() ? null : errors;
    }

    private static List<Option> withBlank(List<Option> options) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "", options.stream().noneMatch(Option::selected)));
        out.addAll(options);
        return out;
    }

    /** The list page's query as typed in the address bar. */
    record ListQuery(String status, String kind, String category, String handler, String overdue, String q,
                     String page, String from, String to, String channel, String serviceLine, String level,
                     String late, String regulation, String employee) {
        ListQuery(String status, String kind, String category, String handler, String overdue, String q,
                  String page) {
            this(status, kind, category, handler, overdue, q, page, null, null, null, null, null, null, null, null);
        }

        String url(String tenant, int pageNumber) {
            StringBuilder s = new StringBuilder("/t/" + tenant + "/klachten?page=" + pageNumber);
            append(s, "status", status);
            append(s, "kind", kind);
            append(s, "category", category);
            append(s, "handler", handler);
            append(s, "overdue", overdue);
            append(s, "q", q);
            appendNarrowing(s);
            return s.toString();
        }

        /** The filters that only the dashboard's links set; the list's form keeps them as hidden fields. */
        List<Option> narrowing() {
            List<Option> out = new ArrayList<>();
            for (String[] f : new String[][] {{"from", from}, {"to", to}, {"channel", channel},
                    {"serviceLine", serviceLine}, {"level", level}, {"late", late}, {"regulation", regulation},
                    {"employee", employee}}) {
                if (f[1] != null && !f[1].isBlank()) {
                    out.add(new Option(f[0], f[1], true));
                }
            }
            return out;
        }

        private void appendNarrowing(StringBuilder s) {
            narrowing().forEach(o -> append(s, o.value(), o.label()));
        }

        private static void append(StringBuilder s, String name, String value) {
            if (value != null && !value.isBlank()) {
                s.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
