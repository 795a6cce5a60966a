package nl.klachtenregie.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.CaseView.EventView;
import nl.klachtenregie.complaint.CaseView.ObligationView;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * What a letter template sees: plain maps, lists, strings, booleans and numbers, so that a template (tenant data)
 * can read the case but call nothing. Dates are already written out in Dutch ("1 september 2026"); a missing value
 * is absent or empty, so {@code {{#if …}}} works. The names are listed in the header of the default templates.
 */
final class LetterModel {

    // Characters XML 1.0 forbids (control characters typed or pasted into a form) would make the letter unreadable.
    private static final Pattern XML_INVALID = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    private LetterModel() {
    }

    static Map<String, Object> of(CaseView c, TenantProfile profile, LetterKind kind, LocalDate issuedOn,
                                  String issuedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("letter", map("kind", kind.name(), "date", dutch(issuedOn), "signedBy", text(issuedBy)));
        TenantProfile.Contact contact = profile.contact();
        m.put("organisation", map("name", profile.name(), "address", contact.address(), "phone", contact.phone(),
                "email", contact.email(), "website", contact.website(),
                "complaintAddress", profile.complaintAddress()));
        m.put("complainant", map("name", text(c.complainant().name()), "address", text(c.complainant().address()),
                "place", text(c.complainant().place()), "email", text(c.complainant().email()), "phone", text(c.complainant().phone()),
                "role", c.complainant().role().name()));
        m.put("case", caseMap(c, profile));
        m.put("due", due(c.obligations()));
        // The regulation's own promises in its words ("neemt de klachtenfunctionaris contact met u op"), open ones.
        m.put("promises", c.obligations().stream().filter(o -> !o.label().isBlank() && o.metOn() == null
                        && o.status() != ObligationStatus.WAIVED && o.status() != ObligationStatus.SET_ASIDE)
                .map(o -> map("code", o.code(), "label", o.label(), "dueOn", dutch(o.dueOn()))).toList());
        m.put("obligations", c.obligations().stream().map(o -> map("code", o.code(), "dueOn", dutch(o.dueOn()),
                "status", o.status().name(), "met", o.metOn() != null)).toList());
        // Who holds a rung is what the case's own version of the regulation says (Impuls 1: mevrouw J. Hartman), else
        // the profile's current holder.
        m.put("ladder", profile.escalationLadder().stream().map(l -> map("code", l.code(), "role", l.role(),
                "holder", c.levelHolders().getOrDefault(l.code(), l.holder()),
                "current", l.code().equals(c.escalationLevel()))).toList());
        // in the order of the ladder, so the letter names the next rung first
        List<String> ladder = profile.levelCodes();
        m.put("nextSteps", c.escalationOptions().stream()
                .sorted(Comparator.comparingInt(code -> ladder.contains(code) ? ladder.indexOf(code) : ladder.size()))
                .map(code -> map("code", code, "role", role(profile, code))).toList());
        m.put("externalBodies", c.externalBodies().stream().map(b -> map("code", b.code(), "kind", text(b.kind()),
                "name", text(b.name()), "address", text(b.address()), "email", text(b.email()),
                "url", text(b.url()))).toList());
        m.put("addressee", text(c.addressee()));
        m.put("events", c.events().stream().filter(e -> label(e, profile) != null)
                .map(e -> map("type", e.type().name(), "on", dutch(e.on()), "label", label(e, profile))).toList());
        last(c, EventType.EXTENSION_ANNOUNCED).ifPresent(e -> m.put("extension", map("on", dutch(e.on()),
                "weeks", e.weeks() == null ? 0 : e.weeks(), "newDueOn", dueOf(c.obligations(), "DECIDE"))));
        // The written, reasoned decision (Wkkgz art. 17 lid 1): the judgement, the reasons, each measure with the date
        // by which it will be realised. "measures" and "measuresDueOn" stay for templates written before measures were
        // items: all descriptions in one text, and the latest date.
        last(c, EventType.DECIDED).ifPresent(e -> m.put("decision", map("on", dutch(e.on()),
                "judgement", judgement(e), "judgementCode", e.judgement() == null ? "" : e.judgement().name(),
                "motivation", text(e.motivation()),
                "measureList", e.measures().stream().map(x -> map("description", text(x.description()),
                        "dueOn", dutch(x.dueOn()))).toList(),
                "measures", String.join("; ", e.measures().stream().map(x -> text(x.description())).toList()),
                "measuresDueOn", dutch(e.measures().stream().map(nl.klachtenregie.complaint.Measure::dueOn)
                        .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null)),
                "sentOn", dutch(e.sentOn()))));
        // Where the complainant can go next when they disagree: the committee or geschilleninstantie of the profile,
        // with its address and the term in which it takes a complaint (Wkkgz art. 18 and 21).
        m.put("appealBodies", profile.externalBodies().stream()
                .filter(b -> b.kind().toLowerCase(Locale.ROOT).contains("geschil")
                        || b.kind().toLowerCase(Locale.ROOT).contains("commissie"))
                .map(b -> map("code", b.code(), "kind", text(b.kind()), "name", text(b.name()),
                        "address", text(b.address()), "email", text(b.email()), "url", text(b.url()),
                        "term", text(b.term()))).toList());
        last(c, EventType.DECLARED_NOT_ADMISSIBLE).ifPresent(e -> m.put("notAdmissible", map("on", dutch(e.on()),
                "motivation", text(e.motivation()))));
        return m;
    }

    private static Map<String, Object> caseMap(CaseView c, TenantProfile profile) {
        String category = profile.categories().stream().filter(k -> k.code().equals(c.category()))
                .map(TenantProfile.Category::name).findFirst().orElse(text(c.category()));
        String serviceLine = profile.serviceLines().stream().filter(s -> s.code().equals(c.serviceLine()))
                .map(TenantProfile.ServiceLine::name).findFirst().orElse(text(c.serviceLine()));
        return map("reference", c.reference(), "receivedOn", dutch(c.receivedOn()), "incidentOn", dutch(c.incidentOn()),
                "summary", text(c.summary()), "formal", c.kind() == ComplaintKind.FORMAL,
                "informal", c.kind() == ComplaintKind.INFORMAL, "channel", c.channel().name(), "category", category,
                "serviceLine", serviceLine, "status", c.status().name(),
                "escalationLevel", role(profile, c.escalationLevel()),
                "nextLevel", role(profile, profile.levelAbove(c.escalationLevel())),
                "confidential", c.confidential(), "admissible", c.admissible(),
                "officialRequested", c.officialRequested());
    }

    /**
     * Per obligation code its due date: of the open occurrence when there is one (what the complainant still
     * waits for), else of the latest. Waived obligations and those without a term are left out.
     */
    private static Map<String, Object> due(List<ObligationView> obligations) {
        Map<String, Object> due = new LinkedHashMap<>();
        for (ObligationView o : obligations) {
            String d = dueOf(obligations, o.code());
            if (!d.isEmpty()) {
                due.put(o.code(), d);
            }
        }
        return due;
    }

    private static String dueOf(List<ObligationView> obligations, String code) {
        List<ObligationView> withTerm = obligations.stream()
                .filter(o -> o.code().equals(code) && o.dueOn() != null && o.status() != ObligationStatus.WAIVED)
                .sorted(Comparator.comparing(ObligationView::dueOn)).toList();
        Optional<ObligationView> open = withTerm.stream().filter(o -> o.metOn() == null).findFirst();
        return open.or(() -> withTerm.isEmpty() ? Optional.empty() : Optional.of(withTerm.get(withTerm.size() - 1)))
                .map(o -> dutch(o.dueOn())).orElse("");
    }

    private static Optional<EventView> last(CaseView c, EventType type) {
        EventView found = null;
        for (EventView e : c.events()) {
            if (e.type() == type) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    static String judgement(EventView e) {
        if (e.judgement() == null) {
            return "";
        }
        return switch (e.judgement()) {
            case WELL_FOUNDED -> "gegrond";
            case PARTLY_WELL_FOUNDED -> "deels gegrond";
            case UNFOUNDED -> "ongegrond";
        };
    }

    /** What the complainant is told was done; internal bookkeeping (reports, informing management) is left out. */
    private static String label(EventView e, TenantProfile profile) {
        return switch (e.type()) {
            case ACKNOWLEDGED -> "de ontvangst van uw klacht bevestigd";
            case CONTACTED -> "contact met u opgenomen";
            case PROGRESS_REPORTED -> "u geïnformeerd over de voortgang";
            case MEETING_INVITED -> "u uitgenodigd voor een gesprek";
            case MEETING_HELD -> "een gesprek met u gevoerd";
            case EXTENSION_ANNOUNCED -> "de behandeltermijn verlengd met " + e.weeks() + " weken";
            case ESCALATED -> "uw klacht voorgelegd aan de " + role(profile, e.level());
            case REFERRED_EXTERNAL -> "uw klacht doorverwezen naar " + profile.externalBody(e.body())
                    .map(TenantProfile.ExternalBody::name).orElse(text(e.body()));
            case SOLUTION_COMMUNICATED -> "u laten weten welke stappen wij ondernemen";
            case DECIDED -> "een besluit genomen over uw klacht";
            case DECLARED_NOT_ADMISSIBLE -> "besloten uw klacht niet in behandeling te nemen";
            case RESOLVED_INFORMALLY -> "uw klacht in overleg met u opgelost";
            case CLOSED -> "de behandeling van uw klacht afgesloten";
            case EXTERNAL_OUTCOME_RECEIVED -> "de uitkomst van de externe instantie ontvangen";
            case TERM_SUSPENDED -> "de behandeltermijn opgeschort in afwachting van nadere informatie";
            case TERM_RESUMED -> "de behandeltermijn weer laten lopen";
            case MEASURE_REALISED -> "een toegezegde maatregel uitgevoerd";
            case REPORT_RECORDED, MANAGEMENT_INFORMED, CHECK_CONFIRMED, DUTY_SET_ASIDE -> null;
        };
    }

    private static String role(TenantProfile profile, String level) {
        if (level == null || level.isEmpty()) {
            return "";
        }
        return profile.escalationLadder().stream().filter(l -> l.code().equals(level))
                .map(TenantProfile.EscalationLevel::role).findFirst().orElse(level);
    }

    static String dutch(LocalDate d) {
        return d == null ? "" : d.format(DUTCH_DATE);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put((String) keyValues[i], v instanceof String str ? XML_INVALID.matcher(str).replaceAll("") : v);
        }
        return m;
    }
}
