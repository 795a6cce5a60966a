package nl.klachtenregie.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.klachtenregie.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Periods as typed in an address bar: their days, names, and a clear answer to anything else. */
class PeriodTest {

    @Test
    void eachWayOfWritingAPeriodCoversItsCalendarDays() {
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), days("2026"));
        assertEquals(List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)), days("2026-H2"));
        assertEquals(List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), days("2026-K3"));
        assertEquals(List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), days("2026-Q3"));
        assertEquals(List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), days("2024-02"));
        assertEquals("3e kwartaal 2026", Period.parse("2026-k3").label());
        assertEquals("2026-K3", Period.parse("2026-q3").code());
        assertEquals("november 2026", Period.parse("2026-11").label());
    }

    @Test
    void thePeriodBeforeAndTheTrendCrossYearBoundaries() {
        assertEquals("2025-H2", Period.parse("2026-H1").previous().code());
        assertEquals("2025-12", Period.parse("2026-01").previous().code());
        assertEquals(List.of("2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3", "2026-K4"),
                Period.parse("2026-K4").lastN(6).stream().map(Period::code).toList());
        // the first period that can be asked for still has one before it (no error comparing against it)
        assertEquals("1999", Period.parse("2000").previous().code());
        assertEquals("1999-12", Period.parse("2000-01").previous().code());
    }

    @Test
    void anythingElseIsRefusedWithAnExampleOfWhatWorks() {
        for (String bad : new String[] {"", "2026-13", "2026-K5", "2026-H3", "26", "2026/11", "1999", "3000",
                "2026-11-01", "volgend jaar", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Period.parse(bad), bad);
            assertTrue(e.fieldErrors().get("periode").contains("2026-H2"), e.fieldErrors().toString());
        }
    }

    private static List<LocalDate> days(String code) {
        Period p = Period.parse(code);
        return List.of(p.from(), p.to());
    }
}
