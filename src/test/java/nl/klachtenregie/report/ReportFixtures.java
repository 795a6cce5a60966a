package nl.klachtenregie.report;

import java.time.LocalDate;
import java.util.Set;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.Complainant;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.NewComplaint;
import nl.klachtenregie.complaint.NewEvent;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.tenant.Tenant;

/**
 * A small, hand-counted year of IederZijnWerk (regulation "1": 6 weeks, one extension of 4 weeks), 2026:
 * <ol>
 * <li>{@link #late}: official, received Mon 02-03-2026 (due Mon 13-04-2026), a progress report on 10-04 saying why it
 * takes longer, decided 22-04-2026: 9 days late; satisfaction 2. About employee Piet Verhoeven.</li>
 * <li>{@link #notAdmissible}: official, received 04-05-2026, declared not admissible on 08-05 with a motivation that
 * starts with '-' (a formula to a spreadsheet).</li>
 * <li>{@link #onTime}: official, received 01-06-2026, decided 20-06 (unfounded), satisfaction 4.</li>
 * <li>{@link #informal}: informal, by phone 01-07-2026, resolved informally 03-07, satisfaction 5.</li>
 * </ol>
 * So: 4 complaints (3 formal, 1 informal), 1 late, 1 not handled, satisfaction 2, 4, 5 (average 3,7).
 */
public final class ReportFixtures {

    public static final String T = "iederzijnwerk";
    public static final String NAME = "Henriëtte Zwanenburg-Oudshoorn";
    public static final String EMAIL = "h.zwanenburg@example.org";
    public static final String PHONE = "06-12345678";
    public static final String EMPLOYEE = "Piet Verhoeven";
    public static final String DELAY_TEXT = "Wachten op het gespreksverslag; mevrouw Zwanenburg-Oudshoorn was ziek";
    public static final String NOT_ADMISSIBLE_MOTIVATION = "- de klacht gaat over de gemeente, niet over "
            + "IederZijnWerk Ambulant";

    public final CaseView late;
    public final CaseView notAdmissible;
    public final CaseView onTime;
    public final CaseView informal;

    private ReportFixtures(CaseView late, CaseView notAdmissible, CaseView onTime, CaseView informal) {
        this.late = late;
        this.notAdmissible = notAdmissible;
        this.onTime = onTime;
        this.informal = informal;
    }

    public static ReportFixtures create(ComplaintService complaints, Tenant t) {
        CaseView late = complaints.create(t, intake(ComplaintKind.FORMAL, Channel.LETTER, "2026-03-02",
                new Complainant(NAME, ComplainantRole.CLIENT, EMAIL, PHONE, "Dorpsstraat 1", "Nijhuizum"),
                "Begeleider kwam afspraken niet na", "AFSPRAKEN", EMPLOYEE));
        event(complaints, t, late, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-03-03")));
        event(complaints, t, late, new NewEvent(EventType.PROGRESS_REPORTED, d("2026-04-10"), null, null, null, null,
                null, null, null, DELAY_TEXT, null, null));
        event(complaints, t, late, new NewEvent(EventType.DECIDED, d("2026-04-22"), null, null, null,
                Judgement.PARTLY_WELL_FOUNDED, "Vaste begeleider", d("2026-05-15"), "Wij hebben de klacht onderzocht en met beide partijen gesproken.", null, null, null));
        late = event(complaints, t, late, new NewEvent(EventType.CLOSED, d("2026-04-29"), null, null, null, null, null,
                null, null, null, null, 2));

        CaseView na = complaints.create(t, intake(ComplaintKind.FORMAL, Channel.EMAIL, "2026-05-04",
                new Complainant("Gerrit Bosgraaf", ComplainantRole.CLIENT, "gerrit@example.org", null, null, null),
                "Parkeerplaats bij het gemeentehuis", "OVERIG", null));
        event(complaints, t, na, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-05-05")));
        na = event(complaints, t, na, new NewEvent(EventType.DECLARED_NOT_ADMISSIBLE, d("2026-05-08"), null, null, null,
                null, null, null, NOT_ADMISSIBLE_MOTIVATION, null, null, null));

        CaseView onTime = complaints.create(t, intake(ComplaintKind.FORMAL, Channel.LETTER, "2026-06-01",
                new Complainant("Anna de Wit", ComplainantRole.REPRESENTATIVE, null, null, null, null),
                "Brief niet beantwoord", "COMMUNICATIE", null));
        event(complaints, t, onTime, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-06-02")));
        event(complaints, t, onTime, new NewEvent(EventType.DECIDED, d("2026-06-20"), null, null, null,
                Judgement.UNFOUNDED, null, null, "Wij hebben de klacht onderzocht en met beide partijen gesproken.", "Brief was wel verstuurd", null, null));
        onTime = event(complaints, t, onTime, new NewEvent(EventType.CLOSED, d("2026-06-25"), null, null, null, null,
                null, null, null, null, null, 4));

        CaseView informal = complaints.create(t, intake(ComplaintKind.INFORMAL, Channel.PHONE, "2026-07-01",
                new Complainant("Kees Smit", ComplainantRole.CLIENT, null, null, null, null),
                "Dagbesteding begon te laat", "AFSPRAKEN", null));
        event(complaints, t, informal, NewEvent.of(EventType.ACKNOWLEDGED, d("2026-07-02")));
        event(complaints, t, informal, new NewEvent(EventType.RESOLVED_INFORMALLY, d("2026-07-03"), null, null, null,
                null, null, null, null, "Tijden afgestemd met de groep", null, null));
        informal = event(complaints, t, informal, new NewEvent(EventType.CLOSED, d("2026-07-04"), null, null, null,
                null, null, null, null, null, null, 5));
        return new ReportFixtures(late, na, onTime, informal);
    }

    public static CurrentUser user(String tenant, Role role) {
        String name = tenant + "." + switch (role) {
            case COMPLIANCE -> "kwaliteit";
            case MANAGER -> "leidinggevende";
            case DIRECTOR -> "directeur";
            case STAFF -> "medewerker";
            default -> "beheerder";
        };
        return new CurrentUser(new UserId(1), name, name, tenant, Set.of(role));
    }

    static NewComplaint intake(ComplaintKind kind, Channel channel, String on, Complainant who, String summary,
                               String category, String employee) {
        return new NewComplaint(kind, channel, d(on), null, who, summary, category, null, employee, false, false);
    }

    private static CaseView event(ComplaintService complaints, Tenant t, CaseView c, NewEvent e) {
        return nl.klachtenregie.support.Closing.record(complaints, t, c, e);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
