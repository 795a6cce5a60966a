package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Terms as the Algemene termijnenwet counts them. */
class DeadlinesTest {

    private final HolidayCalendar cal = HolidayCalendar.algemeneTermijnenwet();

    @Test
    void statutoryHolidaysOf2026() {
        assertEquals("Nieuwjaarsdag", cal.holidayName(LocalDate.of(2026, 1, 1)).orElseThrow());
        assertEquals("tweede Paasdag", cal.holidayName(LocalDate.of(2026, 4, 6)).orElseThrow());
        assertEquals("Koningsdag", cal.holidayName(LocalDate.of(2026, 4, 27)).orElseThrow());
        assertTrue(cal.holidayName(LocalDate.of(2026, 5, 5)).isPresent());
        assertEquals("Hemelvaartsdag", cal.holidayName(LocalDate.of(2026, 5, 14)).orElseThrow());
        assertEquals("tweede Pinksterdag", cal.holidayName(LocalDate.of(2026, 5, 25)).orElseThrow());
        assertEquals("eerste Kerstdag", cal.holidayName(LocalDate.of(2026, 12, 25)).orElseThrow());
        assertEquals("tweede Kerstdag", cal.holidayName(LocalDate.of(2026, 12, 26)).orElseThrow());
    }

    @Test
    void goodFridayIsNotAStatutoryHoliday() {
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 4, 3)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2025, 4, 18)));
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        // 27 April 2025 was a Sunday: Koningsdag was Saturday the 26th.
        assertEquals("Koningsdag", cal.holidayName(LocalDate.of(2025, 4, 26)).orElseThrow());
        assertTrue(cal.holidayName(LocalDate.of(2025, 4, 27)).isEmpty());
    }

    @Test
    void easterDatesFollowTheComputus() {
        assertEquals(LocalDate.of(2024, 3, 31), HolidayCalendar.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), HolidayCalendar.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), HolidayCalendar.easterSunday(2026));
        assertEquals(LocalDate.of(2038, 4, 25), HolidayCalendar.easterSunday(2038));
    }

    @Test
    void fiveWorkingDaysSkipTheWeekendAndKoningsdag() {
        // Wed 22 April: Thu 23, Fri 24, (weekend), Mon 27 Koningsdag skipped, Tue 28, Wed 29, Thu 30.
        DueDate due = Deadlines.due(LocalDate.of(2026, 4, 22), 5, TermUnit.WORKING_DAYS, cal);
        assertEquals(LocalDate.of(2026, 4, 30), due.date());
        assertEquals("5 werkdagen na 22-04-2026; 27-04 Koningsdag overgeslagen", due.explanation());
    }

    @Test
    void workingDaysSkipSecondEasterDayButCountGoodFriday() {
        // Thu 2 April: Fri 3 (Goede Vrijdag, a working day), Tue 7, Wed 8, Thu 9, Fri 10.
        DueDate due = Deadlines.due(LocalDate.of(2026, 4, 2), 5, TermUnit.WORKING_DAYS, cal);
        assertEquals(LocalDate.of(2026, 4, 10), due.date());
        assertTrue(due.explanation().contains("06-04 tweede Paasdag overgeslagen"), due.explanation());
    }

    @Test
    void aTermInWeeksEndingOnKoningsdagMovesToTheNextWorkingDay() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 3, 16), 6, TermUnit.WEEKS, cal);
        assertEquals(LocalDate.of(2026, 4, 28), due.date());
        assertEquals("6 weken: 27-04-2026; 27-04 Koningsdag, verschoven naar 28-04-2026 (Algemene termijnenwet)",
                due.explanation());
    }

    @Test
    void aTermInDaysEndingOnASaturdayMovesPastTheWeekend() {
        // 14 days after Sat 2026-10-31 is Sat 2026-11-14: Monday 16 November.
        DueDate due = Deadlines.due(LocalDate.of(2026, 10, 31), 14, TermUnit.DAYS, cal);
        assertEquals(LocalDate.of(2026, 11, 16), due.date());
        assertTrue(due.explanation().contains("14-11 zaterdag, 15-11 zondag"), due.explanation());
    }

    @Test
    void aTermEndingOnAWorkingDayStaysPut() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 6, TermUnit.WEEKS, cal);
        assertEquals(LocalDate.of(2026, 10, 13), due.date());
        assertEquals("6 weken: 13-10-2026", due.explanation());
    }

    @Test
    void aDutyWithoutTermHasNoDueDate() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 0, TermUnit.NONE, cal);
        assertNull(due.date());
        assertFalse(due.hasDate());
    }

    @Test
    void tenantClosingDaysCountAsHolidays() {
        HolidayCalendar own = HolidayCalendar.named(HolidayCalendar.ALGEMENE_TERMIJNENWET,
                Map.of(LocalDate.of(2026, 10, 13), "studiedag"));
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 6, TermUnit.WEEKS, own);
        assertEquals(LocalDate.of(2026, 10, 14), due.date());
    }

    @Test
    void anUnknownCalendarIsRefusedRatherThanTreatedAsHolidayFree() {
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendar.named("MARS", Map.of()));
    }
}
