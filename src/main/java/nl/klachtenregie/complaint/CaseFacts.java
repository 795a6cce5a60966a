package nl.klachtenregie.complaint;

import java.time.LocalDate;
import java.util.List;

/**
 * Dossierkenmerken: what a case's timeline says for reporting, kept as columns of the case so that dashboards count
 * them with a GROUP BY instead of reading every event (see V6). Derived again from the whole timeline whenever an
 * event is added, so the columns can never drift from the events.
 *
 * @param concludedOn the day of the last conclusion (decision, not admissible, resolved informally), or null
 * @param conclusion the type of that conclusion, or null
 * @param judgement the judgement of the last decision that gave one, or null
 * @param satisfaction the last satisfaction score recorded (1-5), or null
 * @param closedOn the day of the last CLOSED event, or null
 */
record CaseFacts(LocalDate concludedOn, EventType conclusion, Judgement judgement, Integer satisfaction,
                 boolean extended, boolean referredExternal, LocalDate closedOn) {

    static CaseFacts of(List<NewEvent> events) {
        LocalDate concludedOn = null;
        EventType conclusion = null;
        Judgement judgement = null;
        Integer satisfaction = null;
        boolean extended = false;
        boolean referred = false;
        LocalDate closedOn = null;
        for (NewEvent e : events) {
            if (e.type().isConclusion()) {
                concludedOn = e.on();
                conclusion = e.type();
            }
            // A judgement given with an informal resolution counts as well (procedure 6.5 step 2 asks for one).
            if ((e.type() == EventType.DECIDED || e.type() == EventType.RESOLVED_INFORMALLY) && e.judgement() != null) {
                judgement = e.judgement();
            }
            if (e.satisfaction() != null) {
                satisfaction = e.satisfaction();
            }
            extended |= e.type() == EventType.EXTENSION_ANNOUNCED;
            referred |= e.type() == EventType.REFERRED_EXTERNAL;
            if (e.type() == EventType.CLOSED && (closedOn == null || e.on().isAfter(closedOn))) {
                closedOn = e.on();
            }
        }
        return new CaseFacts(concludedOn, conclusion, judgement, satisfaction, extended, referred, closedOn);
    }
}
