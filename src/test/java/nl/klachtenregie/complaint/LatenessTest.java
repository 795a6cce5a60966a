package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one meaning of "late" on the Java side: from the day after the due date, for a term open then. */
class LatenessTest {

    private static final LocalDate DUE = LocalDate.of(2025, 3, 17);

    @Test
    void aTermDoneOnItsLastDayIsInTime() {
        assertFalse(Lateness.pastDue(DUE, DUE));
        assertFalse(Lateness.overdueOn(null, false, DUE, DUE));
    }

    @Test
    void anOpenTermIsLateFromTheDayAfterItsDueDate() {
        assertTrue(Lateness.pastDue(DUE, DUE.plusDays(1)));
        assertTrue(Lateness.overdueOn(null, false, DUE, DUE.plusDays(1)));
    }

    @Test
    void aTermWithoutADueDateIsNeverLate() {
        assertFalse(Lateness.pastDue(null, DUE));
        assertFalse(Lateness.overdueOn(null, false, null, DUE));
    }

    @Test
    void aWaivedOrMetTermIsNotOverdue() {
        assertFalse(Lateness.overdueOn(null, true, DUE, DUE.plusDays(1)));
        assertFalse(Lateness.overdueOn(DUE.plusDays(3), false, DUE, DUE.plusDays(5)));
    }

    @Test
    void theSqlOfOverdueIsTheOpenDutyWithItsDueDateBeforeTheDay() {
        assertTrue(Lateness.OVERDUE_ON.startsWith(Lateness.OPEN_DUTY));
        assertTrue(Lateness.OVERDUE_ON.endsWith("o.due_on < ?"));
        assertTrue(Lateness.MISSED_ON.contains("(" + Lateness.OVERDUE_ON + ")"));
    }
}
