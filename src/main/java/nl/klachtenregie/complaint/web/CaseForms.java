package nl.klachtenregie.complaint.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.web.CsrfForm;

import static nl.klachtenregie.web.PageForms.checkbox;
import static nl.klachtenregie.web.PageForms.number;

/** The forms of the case pages as a browser posts them: every value a string, an unticked checkbox absent. */
final class CaseForms {

    private CaseForms() {
    }

    /** Intake form (Nieuwe klacht). */
    @Serdeable
    record IntakeForm(@Nullable String kind, @Nullable String channel, @Nullable String receivedOn,
                      @Nullable String incidentOn, @Nullable String complainantName, @Nullable String complainantRole,
                      @Nullable String complainantEmail, @Nullable String complainantPhone,
                      @Nullable String complainantAddress, @Nullable String complainantPlace,
                      @Nullable String officialRequested, @Nullable String summary, @Nullable String category,
                      @Nullable String serviceLine, @Nullable String concernsEmployee,
                      @Nullable String unwantedBehaviour, @Nullable String confidential, @Nullable String handler,
                      @Nullable String submissionId, @Nullable String csrfToken,
                      @Nullable String acknowledgeByEmail, @Nullable String escalationLevel,
                      @Nullable String concernsStaffId) implements CsrfForm {

        IntakeForm(@Nullable String kind, @Nullable String channel, @Nullable String receivedOn,
                   @Nullable String incidentOn, @Nullable String complainantName, @Nullable String complainantRole,
                   @Nullable String complainantEmail, @Nullable String complainantPhone,
                   @Nullable String complainantAddress, @Nullable String complainantPlace,
                   @Nullable String officialRequested, @Nullable String summary, @Nullable String category,
                   @Nullable String serviceLine, @Nullable String concernsEmployee,
                   @Nullable String unwantedBehaviour, @Nullable String confidential, @Nullable String handler,
                   @Nullable String submissionId, @Nullable String csrfToken,
                   @Nullable String acknowledgeByEmail, @Nullable String escalationLevel) {
            this(kind, channel, receivedOn, incidentOn, complainantName, complainantRole, complainantEmail,
                    complainantPhone, complainantAddress, complainantPlace, officialRequested, summary, category,
                    serviceLine, concernsEmployee, unwantedBehaviour, confidential, handler, submissionId, csrfToken,
                    acknowledgeByEmail, escalationLevel, null);
        }

        static IntakeForm empty(String today, String handler) {
            return new IntakeForm("FORMAL", "LETTER", today, null, null, "CLIENT", null, null, null, null, null, null,
                    null, null, null, null, null, handler, java.util.UUID.randomUUID().toString(), null, null, null);
        }

        public boolean acknowledgeChecked() {
            return checkbox(acknowledgeByEmail);
        }

        /** The form's one-time id as posted, if it looks like one (anything else registers without it). */
        String validSubmissionId() {
            return submissionId != null && submissionId.matches("[0-9a-f-]{36}") ? submissionId : null;
        }

        ComplaintForm toComplaintForm() {
            return new ComplaintForm(kind, channel, receivedOn, incidentOn,
                    new ComplaintForm.ComplainantForm(complainantName, complainantRole, complainantEmail,
                            complainantPhone, complainantAddress, complainantPlace),
                    summary, category, serviceLine, concernsEmployee, checkbox(unwantedBehaviour),
                    checkbox(confidential), checkbox(officialRequested), escalationLevel, concernsStaffId);
        }

        // public: the template engine resolves only public methods
        public boolean officialChecked() {
            return checkbox(officialRequested);
        }

        public boolean unwantedChecked() {
            return checkbox(unwantedBehaviour);
        }

        public boolean confidentialChecked() {
            return checkbox(confidential);
        }
    }

    /** One action on a case (a timeline event), with the case version the page showed. */
    @Serdeable
    record ActionForm(@Nullable String type, @Nullable String on, @Nullable String weeks, @Nullable String level,
                      @Nullable String body, @Nullable String judgement, @Nullable String measures,
                      @Nullable String measuresDueOn, @Nullable String motivation, @Nullable String text,
                      @Nullable String signedByComplainant, @Nullable String satisfaction,
                      @Nullable String version, @Nullable String csrfToken, @Nullable String code,
                      @Nullable String reason, @Nullable String noticeDate, @Nullable String noticeReference,
                      @Nullable String consentBy, @Nullable String consentOn, @Nullable String consentHow,
                      @Nullable String lodgedOn, @Nullable String sentOn, @Nullable String measure,
                      @Nullable String measureText1, @Nullable String measureDue1,
                      @Nullable String measureText2, @Nullable String measureDue2,
                      @Nullable String measureText3, @Nullable String measureDue3,
                      @Nullable String measureText4, @Nullable String measureDue4,
                      @Nullable String measureText5, @Nullable String measureDue5) implements CsrfForm {

        /** The decision form's measure rows: one measure per row, each with its date. */
        static final int MEASURE_ROWS = 5;

        EventForm toEventForm() {
            Object items = measures;
            List<Map<String, String>> rows = measureRows();
            if (!rows.isEmpty()) {
                items = rows;
            }
            return new EventForm(type, on, number(weeks), level, body, judgement, items, measuresDueOn, motivation,
                    text, checkbox(signedByComplainant) ? Boolean.TRUE : null, number(satisfaction), number(version),
                    null, code, reason, noticeDate, noticeReference, consentBy, consentOn, consentHow, lodgedOn,
                    sentOn, number(measure));
        }

        /** The rows the user filled in (a description or a date), in order; empty rows are no measure. */
        List<Map<String, String>> measureRows() {
            String[][] pairs = {{measureText1, measureDue1}, {measureText2, measureDue2}, {measureText3, measureDue3},
                    {measureText4, measureDue4}, {measureText5, measureDue5}};
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            for (String[] p : pairs) {
                boolean text = p[0] != null && !p[0].isBlank();
                boolean due = p[1] != null && !p[1].isBlank();
                if (text || due) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("description", text ? p[0] : "");
                    row.put("dueOn", due ? p[1] : "");
                    rows.add(row);
                }
            }
            return rows;
        }

        /** What was typed into the measure rows, all five, so a refused decision shows it again. */
        List<String[]> enteredMeasures() {
            return List.of(new String[] {measureText1, measureDue1}, new String[] {measureText2, measureDue2},
                    new String[] {measureText3, measureDue3}, new String[] {measureText4, measureDue4},
                    new String[] {measureText5, measureDue5});
        }
    }

    /** Assigning a handler (empty: nobody). */
    @Serdeable
    record AssignForm(@Nullable String handler, @Nullable String version, @Nullable String csrfToken)
            implements CsrfForm {
    }

    /** The API's field names (complainant.name) as the intake page names them (complainantName). */
    static Map<String, String> intakeFieldNames(Map<String, String> apiErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> {
            String name = field.startsWith("complainant.")
                    ? "complainant" + Character.toUpperCase(field.charAt(12)) + field.substring(13)
                    : field.equals("complainant") ? "complainantRole" : field;
            out.put(name, message);
        });
        return out;
    }
}
