package nl.klachtenregie.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
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
    void goodFridayIsEquatedWithTheFeestdagenByArticle3Lid2() {
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 4, 3)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 4, 18)));
        assertEquals("Goede Vrijdag (Atw art. 3 lid 2)", cal.statutoryHoliday(LocalDate.of(2026, 4, 3)).orElseThrow());
    }

    @Test
    void theDaysOfTheBesluitenGelijkstellingAreNotWorkingDays() {
        for (String day : List.of("2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30", "2026-01-02",
                "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26")) {
            assertFalse(cal.isWorkingDay(LocalDate.parse(day)), day);
        }
        assertEquals("gelijkgesteld (Besluit gelijkstelling 2026-2028)",
                cal.statutoryHoliday(LocalDate.of(2026, 5, 15)).orElseThrow());
        assertEquals("gelijkgesteld (Besluit gelijkstelling 2023-2025)",
                cal.statutoryHoliday(LocalDate.of(2024, 12, 27)).orElseThrow());
        // The day after Hemelvaart in a year no Besluit covers yet is an ordinary working day.
        assertTrue(cal.isWorkingDay(LocalDate.of(2029, 5, 11)));
    }

    @Test
    void anEquatedDayAddedByThePlatformCountsFromThen() {
        HolidayCalendar later = HolidayCalendar.named(HolidayCalendar.ALGEMENE_TERMIJNENWET, Map.of(),
                EquatedDays.bundled().with(Map.of(LocalDate.of(2029, 5, 11), "Besluit gelijkstelling 2029-2031")));
        assertFalse(later.isWorkingDay(LocalDate.of(2029, 5, 11)));
        // Thu 10-05-2029 is Hemelvaartsdag: 5 working days after Wed 09-05 skip 10 and 11 May.
        DueDate due = Deadlines.due(LocalDate.of(2029, 5, 9), 5, TermUnit.WORKING_DAYS, later);
        assertEquals(LocalDate.of(2029, 5, 18), due.date());
        assertTrue(due.explanation().contains("11-05 gelijkgesteld (Besluit gelijkstelling 2029-2031)"),
                due.explanation());
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
        assertEquals("5 werkdagen na 22-04-2026; 27-04 Koningsdag (Atw art. 3 lid 1) overgeslagen", due.explanation());
    }

    @Test
    void acknowledgementOfAComplaintOfThursday2AprilIsDueMonday13April() {
        // Thu 2 April: Fri 3 Goede Vrijdag and Mon 6 tweede Paasdag skipped; Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
        DueDate due = Deadlines.due(LocalDate.of(2026, 4, 2), 5, TermUnit.WORKING_DAYS, cal);
        assertEquals(LocalDate.of(2026, 4, 13), due.date());
        assertEquals("5 werkdagen na 02-04-2026; 03-04 Goede Vrijdag (Atw art. 3 lid 2), 06-04 tweede Paasdag (Atw "
                + "art. 3 lid 1) overgeslagen", due.explanation());
    }

    @Test
    void sixWeeksFrom2AprilPassHemelvaartTheEquatedFridayAndAWeekend() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 4, 2), 6, TermUnit.WEEKS, cal,
                Deadlines.Counting.statutory("Wkkgz art. 17 lid 1"));
        assertEquals(LocalDate.of(2026, 5, 18), due.date());
        assertEquals("6 weken na 02-04-2026 (Wkkgz art. 17 lid 1): 14-05-2026; 14-05 Hemelvaartsdag (Atw art. 3 lid 1), "
                + "15-05 gelijkgesteld (Besluit gelijkstelling 2026-2028), 16-05 zaterdag, 17-05 zondag, verschoven naar "
                + "18-05-2026 (Atw art. 1)", due.explanation());
    }

    @Test
    void sixWeeksFrom20FebruaryEndOnGoodFridayAndRunToTuesdayAfterEaster() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 2, 20), 6, TermUnit.WEEKS, cal,
                Deadlines.Counting.statutory("Wkkgz art. 17 lid 1"));
        assertEquals(LocalDate.of(2026, 4, 7), due.date());
        assertTrue(due.explanation().contains("03-04 Goede Vrijdag (Atw art. 3 lid 2), 04-04 zaterdag, 05-04 zondag, "
                + "06-04 tweede Paasdag (Atw art. 3 lid 1), verschoven naar 07-04-2026"), due.explanation());
    }

    @Test
    void aTermInMonthsEndsOnTheSameDayNumberOrTheLastDayOfAShorterMonth() {
        assertEquals(LocalDate.of(2026, 4, 15), Deadlines.due(LocalDate.of(2026, 3, 15), 1, TermUnit.MONTHS, cal)
                .date());
        DueDate february = Deadlines.due(LocalDate.of(2026, 1, 31), 1, TermUnit.MONTHS, cal);
        // 28-02-2026 is a Saturday: on to Monday 2 March (Atw art. 1).
        assertEquals(LocalDate.of(2026, 3, 2), february.date());
        assertTrue(february.explanation().startsWith("1 maand na 31-01-2026: 28-02-2026 (laatste dag van de maand)"),
                february.explanation());
        assertEquals(LocalDate.of(2028, 2, 29), Deadlines.due(LocalDate.of(2027, 11, 30), 3, TermUnit.MONTHS, cal)
                .date());
    }

    @Test
    void withoutTheRollOverAnOwnTermMayEndOnASaturdayAndSaysWhy() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 10, 31), 14, TermUnit.DAYS, cal, Deadlines.Counting.own(false));
        assertEquals(LocalDate.of(2026, 11, 14), due.date());
        assertTrue(due.explanation().contains("zaterdag; het reglement verschuift zijn eigen termijnen niet"),
                due.explanation());
        // A statutory term always runs on (Atw art. 1), whatever the regulation chose for its own terms.
        assertEquals(LocalDate.of(2026, 11, 16), Deadlines.due(LocalDate.of(2026, 10, 31), 14, TermUnit.DAYS, cal,
                new Deadlines.Counting("Wkkgz art. 17 lid 1", false)).date());
    }

    @Test
    void aSuspensionAddsTheSuspendedWorkingDaysToATermInWorkingDays() {
        // 10 working days after Mon 02-03-2026 is Mon 16-03; suspended Tue 10-03 t/m Tue 17-03 (resumed Wed 18-03):
        // 10, 11, 12, 13, 16, 17 March are 6 working days, so the term ends 6 working days later: Tue 24-03.
        DueDate due = Deadlines.due(LocalDate.of(2026, 3, 2), 10, TermUnit.WORKING_DAYS, cal, Deadlines.Counting.OWN,
                List.of(), List.of(new Deadlines.Suspension(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 18))), 0);
        assertEquals(LocalDate.of(2026, 3, 24), due.date());
        assertTrue(due.explanation().contains("opgeschort 10-03 t/m 17-03: +6 werkdagen"), due.explanation());
    }

    @Test
    void aSuspensionAddsCalendarDaysToATermInWeeksAndIsCappedByTheRegulation() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 6, TermUnit.WEEKS, cal, Deadlines.Counting.OWN,
                List.of(), List.of(new Deadlines.Suspension(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 30))), 14);
        // 13-10 + 14 days (20 asked, capped at 14) = 27-10-2026, a Tuesday.
        assertEquals(LocalDate.of(2026, 10, 27), due.date());
        assertTrue(due.explanation().contains("opgeschort 10-09 t/m 23-09 (hoogstens 14 dagen opschorting): +14 dagen"),
                due.explanation());
    }

    @Test
    void anOpenSuspensionWithoutAMaximumHasNoDueDateYet() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 6, TermUnit.WEEKS, cal, Deadlines.Counting.OWN,
                List.of(), List.of(new Deadlines.Suspension(LocalDate.of(2026, 9, 10), null)), 0);
        assertNull(due.date());
        assertTrue(due.explanation().contains("opgeschort sinds 10-09-2026: de termijn loopt verder na hervatting, met "
                + "nog 33 dagen"), due.explanation());
    }

    @Test
    void aTermInWeeksEndingOnKoningsdagMovesToTheNextWorkingDay() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 3, 16), 6, TermUnit.WEEKS, cal);
        assertEquals(LocalDate.of(2026, 4, 28), due.date());
        assertEquals("6 weken na 16-03-2026: 27-04-2026; 27-04 Koningsdag (Atw art. 3 lid 1), verschoven naar "
                + "28-04-2026 (Atw art. 1, door het reglement toegepast)", due.explanation());
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
        assertEquals("6 weken na 01-09-2026: 13-10-2026", due.explanation());
    }

    @Test
    void aDutyWithoutTermHasNoDueDate() {
        DueDate due = Deadlines.due(LocalDate.of(2026, 9, 1), 0, TermUnit.NONE, cal);
        assertNull(due.date());
        assertFalse(due.hasDate());
    }

    @Test
    void tenantClosingDaysLengthenOnlyTheTenantsOwnTermsInWorkingDays() {
        HolidayCalendar own = HolidayCalendar.named(HolidayCalendar.ALGEMENE_TERMIJNENWET,
                Map.of(LocalDate.of(2026, 10, 13), "studiedag"));
        DueDate working = Deadlines.due(LocalDate.of(2026, 10, 12), 1, TermUnit.WORKING_DAYS, own);
        assertEquals(LocalDate.of(2026, 10, 14), working.date());
        assertTrue(working.explanation().contains("13-10 studiedag (eigen sluitingsdag) overgeslagen"),
                working.explanation());
        // A term in weeks ending on the closing day stays there: only working-day terms count the tenant's own days.
        DueDate weeks = Deadlines.due(LocalDate.of(2026, 9, 1), 6, TermUnit.WEEKS, own);
        assertEquals(LocalDate.of(2026, 10, 13), weeks.date());
        assertTrue(weeks.explanation().contains("13-10 studiedag is een eigen sluitingsdag: die verlengt alleen "
                + "termijnen in werkdagen"), weeks.explanation());
    }

    @Test
    void tenantClosingDaysNeverLengthenAStatutoryTerm() {
        HolidayCalendar own = HolidayCalendar.named(HolidayCalendar.ALGEMENE_TERMIJNENWET,
                Map.of(LocalDate.of(2026, 10, 13), "studiedag"));
        DueDate due = Deadlines.due(LocalDate.of(2026, 10, 12), 1, TermUnit.WORKING_DAYS, own,
                Deadlines.Counting.statutory("Wkkgz art. 17 lid 1"));
        assertEquals(LocalDate.of(2026, 10, 13), due.date());
        assertTrue(due.explanation().contains("13-10 studiedag is een eigen sluitingsdag en telt mee: eigen "
                + "sluitingsdagen verlengen geen wettelijke termijn (Wkkgz art. 17 lid 1)"), due.explanation());
    }

    @Test
    void anUnknownCalendarIsRefusedRatherThanTreatedAsHolidayFree() {
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendar.named("MARS", Map.of()));
    }
}
