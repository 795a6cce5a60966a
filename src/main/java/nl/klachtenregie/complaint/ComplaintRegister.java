package nl.klachtenregie.complaint;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klachtenregister: the rows of the Totaaloverzicht, tab 'Klachten' (procedure 6.5), for one tenant and period.
 * Read in three queries (cases, late terms, timelines), never one per case, and at most {@link #MAX_ROWS} cases.
 *
 * <p>The {@link Variant#ANONYMISED anonymised} register carries no name or contact detail of a complainant and no
 * summary (the complainant's own words); employees are named by a pseudonym that is the same throughout one
 * register ("Medewerker 1"). The explanations and notes it does carry are handlers' free text: in them the
 * complainant's name (also in parts and without initials), e-mail, phone (however written), address (also its
 * street part and postcode) and place, and every employee the register knows (also by surname) are replaced, but a
 * name written otherwise (a relative, a nickname) cannot be recognised, which a report must say. Other free text
 * about cases (the verbeterregister) is made fit for the register by {@link #freeText}.
 */
@Singleton
public class ComplaintRegister {

    /** The most cases one register reads; beyond it the caller is asked for a shorter period. */
    public static final int MAX_ROWS = 20_000;
    /** What replaces the complainant's name and contact details in free text of the anonymised register. */
    public static final String COMPLAINANT_MARK = "[klager]";
    /** What replaces the complainant's address (or its street part or postcode) in the anonymised register. */
    public static final String ADDRESS_MARK = "[adres]";
    /** What replaces the complainant's place in the anonymised register. */
    public static final String PLACE_MARK = "[woonplaats]";
    /** What replaces an employee's name that could be more than one employee (a surname two of them share). */
    public static final String EMPLOYEE_MARK = "[medewerker]";

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintRegister.class);
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ter", "ten", "te", "op",
            "in", "mevrouw", "meneer", "heer", "dhr", "mw", "mevr");

    /** Geanonimiseerd (default) or volledig (names and contact details; for the kwaliteitsmanager and directie). */
    public enum Variant { ANONYMISED, FULL }

    /** Which cases: received in the period, or concluded or closed in it (afgeronde procedures). */
    public enum Selection { RECEIVED, CONCLUDED_OR_CLOSED }

    /**
     * Termijn niet gehaald: an obligation met after its due day, or unmet and past it on the register's day.
     *
     * @param metOn null when still unmet
     * @param daysLate days between the due day and the day it was met (or the register's day, when unmet)
     */
    public record LateTerm(String code, LocalDate dueOn, LocalDate metOn, long daysLate, LocalDate baseDueOn,
                           String setAsideReason) {
        public LateTerm {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(dueOn, "dueOn");
            baseDueOn = baseDueOn == null ? dueOn : baseDueOn;
        }

        public LateTerm(String code, LocalDate dueOn, LocalDate metOn, long daysLate) {
            this(code, dueOn, metOn, daysLate, dueOn, null);
        }

        public boolean open() {
            return metOn == null;
        }

        /** Set aside by a person with a reason: not carried out (and so not met on time). */
        public boolean setAside() {
            return setAsideReason != null;
        }
    }

    /**
     * Verlengd: a term met (or still open) within its extension, but after the term as the regulation first set it:
     * "niet binnen de gestelde termijn van 6 weken" (IederZijnWerk's jaarrapportage) includes these.
     */
    public record ExtendedTerm(String code, LocalDate baseDueOn, LocalDate dueOn, LocalDate metOn) {
    }

    /** Niet uitgevoerd: a duty a person set aside, with the reason (also duties without a term). */
    public record SetAsideDuty(String code, LocalDate on, String reason) {
    }

    /**
     * Achteraf vastgelegd: an event recorded more than two working days after the day it happened, with both days
     * (issue 13: a dossier shows when a fact was written down, not only when it happened).
     */
    public record LateRecording(EventType type, LocalDate on, LocalDate recordedOn) {
    }

    /** Aantekening: a timeline entry with text (a report of a conversation, a resolution, a decision). */
    public record Note(LocalDate on, EventType type, String text) {
    }

    /**
     * Interne notitie: a handler's note on the case (issue 16), in the full register only.
     *
     * @param author the author's display name; null for an API client without a user
     */
    public record InternalNote(LocalDate on, String author, String text, boolean explainsLateness) {
    }

    /** The complainant's name and contact details (full register only). */
    public record Person(String name, ComplainantRole role, String email, String phone, String address,
                         String place) {
    }

    /**
     * One case of the register.
     *
     * @param admissible false when the case was declared not admissible (or the rules say so)
     * @param explanation why a term was missed or the case not handled: the latest note the handler marked as the
     *     explanation (issue 16), else the motivation or text of the extension, the declaration of not-admissible, or
     *     the last event with text; null when none was recorded
     * @param internalNotes the case's internal notes, oldest first; empty in the anonymised register
     * @param complainant null in the anonymised register
     * @param summary null in the anonymised register
     * @param concernsEmployee the employee's name (full) or pseudonym (anonymised); null when none
     */
    public record Row(long id, String reference, LocalDate receivedOn, ComplaintKind kind, Channel channel,
                      String category, String serviceLine, String escalationLevel, CaseStatus status,
                      boolean registrationRequired, boolean admissible, EventType conclusion, LocalDate concludedOn,
                      Judgement judgement, Integer satisfaction, boolean extended, boolean referredExternal,
                      LocalDate closedOn, boolean unwantedBehaviour, List<LateTerm> lateTerms, String explanation,
                      List<Note> notes, Person complainant, String summary, String concernsEmployee,
                      List<ExtendedTerm> extendedTerms, List<SetAsideDuty> setAside,
                      List<LateRecording> recordedLate, LocalDate decisionSentOn, List<InternalNote> internalNotes) {
        /** A row without the day the decision was sent (rows made before that day was recorded apart). */
        public Row(long id, String reference, LocalDate receivedOn, ComplaintKind kind, Channel channel,
                   String category, String serviceLine, String escalationLevel, CaseStatus status,
                   boolean registrationRequired, boolean admissible, EventType conclusion, LocalDate concludedOn,
                   Judgement judgement, Integer satisfaction, boolean extended, boolean referredExternal,
                   LocalDate closedOn, boolean unwantedBehaviour, List<LateTerm> lateTerms, String explanation,
                   List<Note> notes, Person complainant, String summary, String concernsEmployee,
                   List<ExtendedTerm> extendedTerms, List<SetAsideDuty> setAside, List<LateRecording> recordedLate) {
            this(id, reference, receivedOn, kind, channel, category, serviceLine, escalationLevel, status,
                    registrationRequired, admissible, conclusion, concludedOn, judgement, satisfaction, extended,
                    referredExternal, closedOn, unwantedBehaviour, lateTerms, explanation, notes, complainant, summary,
                    concernsEmployee, extendedTerms, setAside, recordedLate, null, List.of());
        }

        public Row {
            internalNotes = internalNotes == null ? List.of() : List.copyOf(internalNotes);
            recordedLate = recordedLate == null ? List.of() : List.copyOf(recordedLate);
            lateTerms = List.copyOf(lateTerms);
            notes = List.copyOf(notes);
            extendedTerms = extendedTerms == null ? List.of() : List.copyOf(extendedTerms);
            setAside = setAside == null ? List.of() : List.copyOf(setAside);
        }

        public boolean late() {
            return !lateTerms.isEmpty();
        }

        /**
         * Ingediend maar niet behandeld: declared not admissible, or closed (withdrawn) without a conclusion.
         */
        public boolean notHandled() {
            return conclusion == EventType.DECLARED_NOT_ADMISSIBLE || !admissible
                    || (status == CaseStatus.CLOSED && conclusion == null);
        }
    }

    /**
     * The register of one period.
     *
     * @param asOf the day "late" is measured on (a term unmet and past due on this day counts as missed)
     * @param employeeAliases in the anonymised register: each employee's name (lower case) with the pseudonym used,
     *     so that other figures about persons (trend flags) use the same one; empty in the full register. Never
     *     to be shown.
     */
    public record Register(TenantId tenant, LocalDate from, LocalDate to, LocalDate asOf, Variant variant,
                           Selection selection, List<Row> rows, Map<String, String> employeeAliases) {
        public Register {
            rows = List.copyOf(rows);
            employeeAliases = Map.copyOf(employeeAliases);
        }

        /** The pseudonym of an employee in this register (a new one when the register did not name them). */
        public String alias(String employee) {
            if (variant == Variant.FULL || employee == null) {
                return employee;
            }
            String a = employeeAliases.get(employee.strip().toLowerCase(Locale.ROOT));
            return a != null ? a : "Medewerker (niet in dit overzicht)";
        }
    }

    private final Db db;
    private final JsonMapper json;

    private final nl.klachtenregie.regulation.StatutoryDays statutoryDays;

    ComplaintRegister(Db db, JsonMapper json, nl.klachtenregie.regulation.StatutoryDays statutoryDays) {
        this.db = db;
        this.json = json;
        this.statutoryDays = statutoryDays;
    }

    /**
     * The register of the cases selected in [from, to].
     *
     * @param asOf the day on which an unmet term counts as missed
     * @throws RefusedException when the period holds more than {@link #MAX_ROWS} cases
     */
    @Transactional
    public Register register(TenantId tenant, LocalDate from, LocalDate to, LocalDate asOf, Variant variant,
                             Selection selection) {
        return register(tenant, Viewer.SYSTEM, from, to, asOf, variant, selection);
    }

    /** The register with only the cases the viewer may see (need-to-know, issue 16): one row per case. */
    @Transactional
    public Register register(TenantId tenant, Viewer viewer, LocalDate from, LocalDate to, LocalDate asOf,
                             Variant variant, Selection selection) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(variant, "variant");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
        String where = selection == Selection.RECEIVED ? "c.received_on BETWEEN ? AND ?"
                : "(c.concluded_on BETWEEN ? AND ? OR c.closed_on BETWEEN ? AND ?)";
        List<Object> scope = new ArrayList<>(selection == Selection.RECEIVED ? List.of(from, to)
                : List.of(from, to, from, to));
        // Every query below repeats the period condition with its parameters: the viewer's condition rides along.
        where = where + CaseVisibility.condition(viewer, "c", scope);
        Object[] period = scope.toArray();
        long started = System.nanoTime();

        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(List.of(period));
        List<Base> cases = db.query("SELECT c.* FROM complaint c WHERE c.tenant_id = ? AND " + where
                + " ORDER BY c.received_on, c.id LIMIT " + (MAX_ROWS + 1), ComplaintRegister::base, params.toArray());
        if (cases.size() > MAX_ROWS) {
            throw new RefusedException(String.format(Locale.ROOT, "In deze periode vallen meer dan %,d klachten; "
                    + "een overzicht kan er hoogstens %,d bevatten. Kies een kortere periode (een halfjaar, "
                    + "kwartaal of maand).", MAX_ROWS, MAX_ROWS).replace(',', '.'));
        }
        Map<Long, List<LateTerm>> late = new HashMap<>();
        Map<Long, List<ExtendedTerm>> extendedTerms = new HashMap<>();
        Map<Long, List<SetAsideDuty>> setAside = new HashMap<>();
        Map<Long, List<NewEvent>> events = new HashMap<>();
        Map<Long, List<LateRecording>> recordedLate = new HashMap<>();
        Map<Long, List<InternalNote>> internalNotes = new HashMap<>();
        Map<Long, String> markedExplanations = new HashMap<>();
        // Late recording is counted in working days of the Algemene termijnenwet, as on the case page.
        nl.klachtenregie.regulation.HolidayCalendar atw = nl.klachtenregie.regulation.HolidayCalendar.named(
                nl.klachtenregie.regulation.HolidayCalendar.ALGEMENE_TERMIJNENWET, Map.of(), statutoryDays.current());
        if (!cases.isEmpty()) {
            List<Object> p2 = new ArrayList<>(params);
            p2.add(asOf);
            // Late against the term as first set (without extension), so that terms met only thanks to an extension
            // are known too; a duty set aside is never on time.
            db.query("SELECT o.complaint_id, o.code, o.due_on, COALESCE(o.base_due_on, o.due_on) AS base_due, o.met_on, "
                            + "o.set_aside, o.note, c.closed_on FROM obligation o JOIN complaint c "
                            + "ON c.id = o.complaint_id AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND "
                            + where + " AND " + Lateness.LATE_AGAINST_FIRST_TERM_ON + " "
                            + "ORDER BY o.complaint_id, o.due_on, o.code",
                    rs -> {
                        LocalDate due = Db.date(rs, "due_on");
                        LocalDate base = Db.date(rs, "base_due");
                        LocalDate met = Db.date(rs, "met_on");
                        boolean aside = rs.getBoolean("set_aside");
                        LocalDate closed = Db.date(rs, "closed_on");
                        // a case closed unhandled missed the terms that ran out before it was closed
                        boolean missed = aside || (met != null ? met.isAfter(due) : Lateness.pastDue(due, asOf)
                                && (closed == null || due.isBefore(closed)));
                        if (!missed) {
                            extendedTerms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(new ExtendedTerm(rs.getString("code"), base, due, met));
                            return null;
                        }
                        LocalDate until = met != null ? met : closed != null && closed.isBefore(asOf) ? closed : asOf;
                        long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, until));
                        late.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new LateTerm(rs.getString("code"), due, met, days, base,
                                        aside ? rs.getString("note") : null));
                        return null;
                    }, p2.toArray());
            db.query("SELECT o.complaint_id, o.code, o.met_on, o.note FROM obligation o JOIN complaint c "
                            + "ON c.id = o.complaint_id AND c.tenant_id = o.tenant_id WHERE o.tenant_id = ? AND "
                            + where + " AND o.set_aside = TRUE ORDER BY o.complaint_id, o.met_on, o.code",
                    rs -> {
                        setAside.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SetAsideDuty(
                                rs.getString(2), Db.date(rs, "met_on"), rs.getString(4)));
                        return null;
                    }, params.toArray());
            db.query("SELECT e.complaint_id, e.payload_json, e.recorded_at FROM complaint_event e JOIN complaint c "
                            + "ON c.id = e.complaint_id AND c.tenant_id = e.tenant_id WHERE e.tenant_id = ? AND "
                            + where + " ORDER BY e.complaint_id, e.seq",
                    rs -> {
                        NewEvent e = event(rs.getString(2));
                        events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(e);
                        java.sql.Timestamp at = rs.getTimestamp(3);
                        if (at != null && ComplaintService.recordedLate(e.on(), at.toInstant(), atw)) {
                            recordedLate.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LateRecording(
                                    e.type(), e.on(), at.toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                                            .toLocalDate()));
                        }
                        return null;
                    }, params.toArray());
            // Internal notes (issue 16): the latest one marked as the explanation wins; their text otherwise only in
            // the full register.
            db.query("SELECT n.complaint_id, n.note_text, n.explains_lateness, n.created_at, u.display_name "
                            + "FROM complaint_note n JOIN complaint c ON c.id = n.complaint_id AND c.tenant_id = n.tenant_id "
                            + "LEFT JOIN app_user u ON u.id = n.author_id AND u.tenant_id = n.tenant_id "
                            + "WHERE n.tenant_id = ? AND " + where + " ORDER BY n.complaint_id, n.created_at, n.id",
                    rs -> {
                        long caseId = rs.getLong(1);
                        boolean explains = rs.getBoolean(3);
                        if (explains) {
                            markedExplanations.put(caseId, rs.getString(2));
                        }
                        if (variant == Variant.FULL) {
                            internalNotes.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new InternalNote(
                                    rs.getTimestamp(4).toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                                            .toLocalDate(), rs.getString(5), rs.getString(2), explains));
                        }
                        return null;
                    }, params.toArray());
        }

        Map<String, String> aliases = new LinkedHashMap<>();
        if (variant == Variant.ANONYMISED) {
            for (Base b : cases) {
                if (b.employee() != null) {
                    aliases.computeIfAbsent(b.employee().strip().toLowerCase(Locale.ROOT),
                            k -> "Medewerker " + (aliases.size() + 1));
                }
            }
        }
        Scrubber employees = variant == Variant.ANONYMISED ? Scrubber.employees(aliases) : null;
        List<Row> rows = new ArrayList<>(cases.size());
        for (Base b : cases) {
            List<NewEvent> timeline = events.getOrDefault(b.id(), List.of());
            List<LateTerm> lateTerms = late.getOrDefault(b.id(), List.of());
            String explanation = explanation(b, timeline, !lateTerms.isEmpty()
                    || extendedTerms.containsKey(b.id()));
            if (!lateTerms.isEmpty() || extendedTerms.containsKey(b.id()) || b.conclusion() == EventType.DECLARED_NOT_ADMISSIBLE
                    || !b.admissible() || (b.status() == CaseStatus.CLOSED && b.conclusion() == null)) {
                // The handler said in so many words which note explains the lateness: that one, not a guess.
                explanation = markedExplanations.getOrDefault(b.id(), explanation);
            }
            List<Note> notes = notes(timeline);
            if (variant == Variant.ANONYMISED) {
                Scrubber own = Scrubber.complainant(b.person());
                explanation = employees.apply(own.apply(explanation));
                notes = notes.stream().map(n -> new Note(n.on(), n.type(), employees.apply(own.apply(n.text()))))
                        .toList();
            }
            boolean full = variant == Variant.FULL;
            rows.add(new Row(b.id(), b.reference(), b.receivedOn(), b.kind(), b.channel(), b.category(),
                    b.serviceLine(), b.level(), b.status(), b.registrationRequired(), b.admissible(), b.conclusion(),
                    b.concludedOn(), b.judgement(), b.satisfaction(), b.extended(), b.referredExternal(), b.closedOn(),
                    b.unwantedBehaviour(), lateTerms, explanation, notes, full ? b.person() : null,
                    full ? b.summary() : null,
                    b.employee() == null ? null : full ? b.employee()
                            : aliases.get(b.employee().strip().toLowerCase(Locale.ROOT)),
                    extendedTerms.getOrDefault(b.id(), List.of()),
                    setAside.getOrDefault(b.id(), List.of()).stream().map(d -> new SetAsideDuty(d.code(), d.on(),
                            variant == Variant.ANONYMISED ? employees.apply(Scrubber.complainant(b.person())
                                    .apply(d.reason())) : d.reason())).toList(),
                    recordedLate.getOrDefault(b.id(), List.of()), decisionSentOn(timeline),
                    full ? internalNotes.getOrDefault(b.id(), List.of()) : List.of()));
        }
        LOG.debug("Register of {} cases read in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
        return new Register(tenant, from, to, asOf, variant, selection, rows, aliases);
    }

    /**
     * Vrije tekst over klachten buiten het register, such as a verbeterregister measure, made fit for the register:
     * in the anonymised register each text loses the names and contact details of the complainants of the cases it
     * is about, and employees get the register's pseudonyms; in the full register texts stay as written.
     */
    public static final class FreeText {
        private final Map<String, Scrubber> complainants;
        private final Scrubber employees;

        private FreeText(Map<String, Scrubber> complainants, Scrubber employees) {
            this.complainants = complainants;
            this.employees = employees;
        }

        /** True when texts stay as written (the full register). */
        public boolean verbatim() {
            return employees == null;
        }

        /**
         * The text as the register may show it.
         *
         * @param references the cases the text is about (their complainants are replaced); others are unknown here
         */
        public String apply(String text, java.util.Collection<String> references) {
            if (text == null || verbatim()) {
                return text;
            }
            String out = text;
            for (String r : references) {
                Scrubber own = complainants.get(r.strip().toUpperCase(Locale.ROOT));
                if (own != null) {
                    out = own.apply(out);
                }
            }
            return employees.apply(out);
        }
    }

    /**
     * Free text about the given cases, as {@code register} may show it: the cases' complainants are read (one query
     * per 500 cases, also cases outside the register's period), employees are named by the register's pseudonyms
     * (an employee of those cases whom the register does not name by {@link #EMPLOYEE_MARK}).
     */
    @Transactional
    public FreeText freeText(Register register, java.util.Collection<String> references) {
        if (register.variant() == Variant.FULL) {
            return new FreeText(Map.of(), null);
        }
        List<String> wanted = references.stream().filter(Objects::nonNull)
                .map(r -> r.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        Map<String, Scrubber> complainants = new HashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>(register.employeeAliases());
        for (int i = 0; i < wanted.size(); i += 500) {
            List<String> chunk = wanted.subList(i, Math.min(wanted.size(), i + 500));
            List<Object> params = new ArrayList<>();
            params.add(register.tenant().value());
            params.addAll(chunk);
            db.query("SELECT reference, complainant_name, complainant_role, complainant_email, complainant_phone, "
                            + "complainant_address, complainant_place, concerns_employee FROM complaint "
                            + "WHERE tenant_id = ? AND reference IN (" + String.join(", ",
                            java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        complainants.put(rs.getString("reference").toUpperCase(Locale.ROOT), Scrubber.complainant(
                                new Person(rs.getString("complainant_name"),
                                        ComplainantRole.valueOf(rs.getString("complainant_role")),
                                        rs.getString("complainant_email"), rs.getString("complainant_phone"),
                                        rs.getString("complainant_address"), rs.getString("complainant_place"))));
                        String employee = rs.getString("concerns_employee");
                        if (employee != null && !employee.isBlank()) {
                            aliases.putIfAbsent(employee.strip().toLowerCase(Locale.ROOT), EMPLOYEE_MARK);
                        }
                        return null;
                    }, params.toArray());
        }
        return new FreeText(complainants, Scrubber.employees(aliases));
    }

    /**
     * Why a term was missed or the case was not handled, in the handler's words: the declaration of not-admissible,
     * the extension's motivation, or else the last event that carries a text.
     */
    private static String explanation(Base b, List<NewEvent> timeline, boolean late) {
        boolean notHandled = b.conclusion() == EventType.DECLARED_NOT_ADMISSIBLE || !b.admissible()
                || (b.status() == CaseStatus.CLOSED && b.conclusion() == null);
        if (!late && !notHandled) {
            return null;
        }
        EventType wanted = notHandled ? EventType.DECLARED_NOT_ADMISSIBLE : EventType.EXTENSION_ANNOUNCED;
        for (int i = timeline.size() - 1; i >= 0; i--) {
            NewEvent e = timeline.get(i);
            if (e.type() == wanted && words(e) != null) {
                return words(e);
            }
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            NewEvent e = timeline.get(i);
            // A decision's reasons explain the judgement, not why it came late: only its other text counts here.
            String w = e.type() == EventType.DECIDED ? e.text() : words(e);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static String words(NewEvent e) {
        if (e.motivation() != null && e.text() != null) {
            return e.motivation() + " " + e.text();
        }
        return e.motivation() != null ? e.motivation() : e.text();
    }

    /**
     * The day the last decision reached the complainant (sent or handed over): what "handled within the term" is
     * measured on (Wkkgz art. 17 lid 1), shown beside the day of the decision itself.
     */
    private static LocalDate decisionSentOn(List<NewEvent> timeline) {
        LocalDate sent = null;
        for (NewEvent e : timeline) {
            if (e.type() == EventType.DECIDED) {
                sent = e.deliveredOn();
            }
        }
        return sent;
    }

    /** The timeline's texts: reports of conversations, resolutions, decisions (with measures). */
    private static List<Note> notes(List<NewEvent> timeline) {
        List<Note> notes = new ArrayList<>();
        for (NewEvent e : timeline) {
            String w = words(e);
            for (Measure m : e.measureList()) {
                w = (w == null ? "" : w + " ") + "Maatregel: " + m.description()
                        + (m.dueOn() == null ? "" : " (uiterlijk " + m.dueOn().format(
                        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ")");
            }
            if (w != null) {
                notes.add(new Note(e.on(), e.type(), w));
            }
        }
        return notes;
    }

    private NewEvent event(String payload) {
        try {
            return json.readValue(payload, NewEvent.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Stored case data is unreadable", e);
        }
    }

    /** A case row as stored. */
    private record Base(long id, String reference, LocalDate receivedOn, ComplaintKind kind, Channel channel,
                        String category, String serviceLine, String level, CaseStatus status,
                        boolean registrationRequired, boolean admissible, EventType conclusion, LocalDate concludedOn,
                        Judgement judgement, Integer satisfaction, boolean extended, boolean referredExternal,
                        LocalDate closedOn, boolean unwantedBehaviour, Person person, String summary,
                        String employee) {
    }

    private static Base base(java.sql.ResultSet rs) throws java.sql.SQLException {
        String conclusion = rs.getString("conclusion");
        String judgement = rs.getString("judgement");
        int satisfaction = rs.getInt("satisfaction");
        Integer sat = rs.wasNull() ? null : satisfaction;
        return new Base(rs.getLong("id"), rs.getString("reference"), Db.date(rs, "received_on"),
                ComplaintKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
                rs.getString("category"), rs.getString("service_line"), rs.getString("escalation_level"),
                CaseStatus.valueOf(rs.getString("status")), rs.getBoolean("registration_required"),
                rs.getBoolean("admissible"), conclusion == null ? null : EventType.valueOf(conclusion),
                Db.date(rs, "concluded_on"), judgement == null ? null : Judgement.valueOf(judgement), sat,
                rs.getBoolean("extended"), rs.getBoolean("referred_external"), Db.date(rs, "closed_on"),
                rs.getBoolean("unwanted_behaviour"),
                new Person(rs.getString("complainant_name"),
                        ComplainantRole.valueOf(rs.getString("complainant_role")), rs.getString("complainant_email"),
                        rs.getString("complainant_phone"), rs.getString("complainant_address"),
                        rs.getString("complainant_place")),
                rs.getString("summary"), rs.getString("concerns_employee"));
    }

    /**
     * Replaces known names and contact details in free text: whole words, case-insensitive, any run of white space
     * between the words of a name. Each term is a regular expression; {@code replacements} names what replaces a
     * match by its {@link #key(String) key}, else {@code fallback}.
     */
    private record Scrubber(Pattern pattern, Map<String, String> replacements, String fallback) {
        static final Scrubber NONE = new Scrubber(null, Map.of(), null);
        private static final String SEPARATORS = "[\\s\\-./()]*";
        private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])(\\d{4})\\s?([A-Za-z]{2})"
                + "(?![\\p{L}\\p{N}])");
        private static final Pattern INITIALS = Pattern.compile("(\\p{L}{1,2}\\.)+|\\p{L}");

        /**
         * The register's employees by their pseudonyms: the full name, the name without its initials or first name
         * ("de Groot" for "P. de Groot" or "Piet de Groot") and the last name part of three letters or more
         * ("Groot"). A short form two employees share is replaced by {@link #EMPLOYEE_MARK}: either pseudonym could
         * be wrong.
         */
        static Scrubber employees(Map<String, String> aliases) {
            if (aliases.isEmpty()) {
                return NONE;
            }
            Map<String, String> byKey = new HashMap<>();
            List<String> terms = new ArrayList<>();
            aliases.forEach((name, alias) -> {
                byKey.put(key(name), alias);
                terms.add(literal(name));
            });
            Map<String, String> shortForms = new HashMap<>();
            aliases.forEach((name, alias) -> {
                for (String v : shortForms(name)) {
                    String k = key(v);
                    if (!byKey.containsKey(k)) {
                        shortForms.merge(k, alias, (a, b) -> a.equals(b) ? a : EMPLOYEE_MARK);
                        terms.add(literal(v));
                    }
                }
            });
            byKey.putAll(shortForms);
            return new Scrubber(alternation(terms), byKey, EMPLOYEE_MARK);
        }

        /**
         * The complainant: the full name, its parts of three letters or more (also each half of a double name; not
         * particles such as 'van', nor initials), the name without initials or first name, the e-mail address and
         * the phone number (however written: spaces, dashes, +31 or 0) by {@link #COMPLAINANT_MARK}; the address
         * (whole, its street part before the first comma, its postcode) by {@link #ADDRESS_MARK}; the place by
         * {@link #PLACE_MARK}. One pattern, longest first, so that a name inside an address goes with the address.
         */
        static Scrubber complainant(Person p) {
            List<String> terms = new ArrayList<>();
            Map<String, String> replacements = new HashMap<>();
            if (p.name() != null && !p.name().isBlank()) {
                terms.add(literal(p.name()));
                for (String part : p.name().split("[\\s,]+")) {
                    String bare = part.replaceAll("[.()]", "");
                    List<String> pieces = new ArrayList<>(List.of(bare.split("-")));
                    pieces.add(bare);
                    for (String piece : pieces) {
                        // 1-2 letters are initials (or too common to replace); particles are no name
                        if (letters(piece) >= 3 && !PARTICLES.contains(piece.toLowerCase(Locale.ROOT))) {
                            terms.add(literal(piece));
                        }
                    }
                }
                shortForms(p.name()).forEach(v -> terms.add(literal(v)));
            }
            if (p.email() != null && !p.email().isBlank()) {
                terms.add(literal(p.email()));
            }
            if (p.phone() != null && !p.phone().isBlank()) {
                terms.add(phone(p.phone()));
            }
            if (p.address() != null && !p.address().isBlank()) {
                String address = p.address().strip();
                addTerm(terms, replacements, literal(address), address, ADDRESS_MARK);
                int comma = address.indexOf(',');
                if (comma > 0 && letters(address.substring(0, comma)) >= 3) {
                    addTerm(terms, replacements, literal(address.substring(0, comma)), address.substring(0, comma),
                            ADDRESS_MARK);
                }
                Matcher postcode = POSTCODE.matcher(address);
                while (postcode.find()) {
                    String code = postcode.group(1) + postcode.group(2);
                    terms.add(postcode.group(1) + "\\s*" + Pattern.quote(postcode.group(2)));
                    replacements.put(key(code), ADDRESS_MARK);
                }
            }
            if (p.place() != null && !p.place().isBlank()) {
                addTerm(terms, replacements, literal(p.place()), p.place(), PLACE_MARK);
            }
            return terms.isEmpty() ? NONE : new Scrubber(alternation(terms), replacements, COMPLAINANT_MARK);
        }

        private static void addTerm(List<String> terms, Map<String, String> replacements, String regex, String text,
                                    String mark) {
            terms.add(regex);
            replacements.putIfAbsent(key(text), mark);
        }

        /**
         * The shorter ways a name is written: without its initials ("de Groot" for "P. de Groot"), without the
         * first name when a particle follows ("de Groot" for "Piet de Groot"), and the last name part of three
         * letters or more ("Groot"; each half of a double name).
         */
        private static List<String> shortForms(String name) {
            List<String> parts = new ArrayList<>(List.of(name.strip().split("\\s+")));
            List<String> out = new ArrayList<>();
            if (parts.size() < 2) {
                return out;
            }
            int first = 0;
            while (first < parts.size() - 1 && INITIALS.matcher(parts.get(first)).matches()) {
                first++;
            }
            if (first > 0) {
                out.add(String.join(" ", parts.subList(first, parts.size())));
            }
            for (int i = Math.max(first, 1); i < parts.size() - 1; i++) {
                if (PARTICLES.contains(parts.get(i).toLowerCase(Locale.ROOT))) {
                    out.add(String.join(" ", parts.subList(i, parts.size())));
                    break;
                }
            }
            String last = parts.get(parts.size() - 1).replaceAll("[.()]", "");
            List<String> pieces = new ArrayList<>(List.of(last.split("-")));
            pieces.add(last);
            for (String piece : pieces) {
                if (letters(piece) >= 3 && !PARTICLES.contains(piece.toLowerCase(Locale.ROOT))) {
                    out.add(piece);
                }
            }
            return out;
        }

        /**
         * A phone number as a run of its digits with any separators between them (spaces, dashes, dots,
         * brackets); a Dutch number with its trunk 0 or as +31 / 0031 (with or without "(0)").
         */
        private static String phone(String phone) {
            String digits = phone.replaceAll("\\D", "");
            String stripped = phone.strip();
            String subscriber = null;
            if (digits.startsWith("0031")) {
                subscriber = digits.substring(4);
            } else if (stripped.startsWith("+31")) {
                subscriber = digits.substring(2);
            } else if (digits.startsWith("0") && !digits.startsWith("00")) {
                subscriber = digits.substring(1);
            }
            if (subscriber != null && subscriber.startsWith("0")) {
                subscriber = subscriber.substring(1);
            }
            String body = subscriber != null ? subscriber : digits;
            if (body.length() < 6) {
                return literal(stripped);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                sb.append(i == 0 ? "" : SEPARATORS).append(body.charAt(i));
            }
            String prefix = subscriber != null
                    ? "(?:(?:\\+|00)\\s*31" + SEPARATORS + "(?:\\(0\\)" + SEPARATORS + ")?|\\(?0" + SEPARATORS + ")"
                    : "(?:(?:\\+|00)" + SEPARATORS + ")?";
            return prefix + sb;
        }

        /** A text as a pattern: its words quoted, any white space between them. */
        private static String literal(String text) {
            StringBuilder sb = new StringBuilder();
            for (String w : text.strip().split("\\s+")) {
                sb.append(sb.length() == 0 ? "" : "\\s+").append(Pattern.quote(w));
            }
            return sb.toString();
        }

        private static int letters(String s) {
            return (int) s.codePoints().filter(Character::isLetter).count();
        }

        /** How a match is looked up: lower case, without white space ("1234 AB" is "1234ab"). */
        private static String key(String text) {
            return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }

        private static Pattern alternation(java.util.Collection<String> terms) {
            // Longest first, so "Jan de Vries" is replaced whole before "Vries" could be.
            List<String> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(terms));
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
            for (int i = 0; i < sorted.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(sorted.get(i));
            }
            return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}])").toString(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        String apply(String text) {
            if (text == null || pattern == null) {
                return text;
            }
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String r = replacements.getOrDefault(key(m.group()), fallback);
                m.appendReplacement(out, Matcher.quoteReplacement(r));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
