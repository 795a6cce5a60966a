package nl.klachtenregie.regulation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klachtenregie.regulation.HolidayCalendar;
import nl.klachtenregie.regulation.StatutoryDays;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.web.CsrfProtected;
import nl.klachtenregie.web.CsrfForm;

/**
 * Feestdagen (Algemene termijnenwet): the platform administrator sees which days every organisation's terms skip in a
 * year, and adds the days of a new Besluit gelijkstelling (art. 3 lid 3) with the Besluit's name as the source. Part of
 * platform administration, next to {@code PlatformController}.
 */
@Controller("/platform/feestdagen")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PLATFORM_ADMIN")
class StatutoryDaysController {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** An equated day as listed; {@code addedBy} empty for the days shipped with the product. */
    record EquatedRow(String day, String weekday, String source, String addedBy) {
    }

    /** A day the Algemene termijnenwet does not count in the year shown, with why. */
    record HolidayRow(String day, String weekday, String reason) {
    }

    /** The page. */
    record Page(int year, int previousYear, int nextYear, List<HolidayRow> holidays, List<EquatedRow> equated,
                Map<String, String> entered, Map<String, String> errors, @Nullable String done) {
        public String nav() {
            return "platform";
        }
    }

    /** The form that adds a day. */
    @Serdeable
    record AddForm(@Nullable String day, @Nullable String source, @Nullable String csrfToken) implements CsrfForm {
    }

    private final StatutoryDays days;

    StatutoryDaysController(StatutoryDays days) {
        this.days = days;
    }

    @Get
    ModelAndView<Page> show(@Nullable @QueryValue String jaar, @Nullable @QueryValue String gedaan) {
        return page(year(jaar), Map.of(), Map.of(), "toegevoegd".equals(gedaan) ? "atw.done.added" : null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Nullable @Body AddForm form, Authentication authentication,
                        io.micronaut.http.HttpRequest<?> request) {
        AddForm f = form == null ? new AddForm(null, null, null) : form;
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("day", f.day() == null ? "" : f.day());
        entered.put("source", f.source() == null ? "" : f.source());
        LocalDate day = null;
        try {
            day = f.day() == null || f.day().isBlank() ? null : LocalDate.parse(f.day().strip());
        } catch (DateTimeParseException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(LocalDate.now().getYear(), entered,
                    Map.of("day", "'" + f.day() + "' is geen datum (jjjj-mm-dd)"), null));
        }
        try {
            days.add(day, f.source(), CurrentUser.of(authentication).username());
        } catch (InvalidInputException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(day == null ? LocalDate.now().getYear()
                    : day.getYear(), entered, e.fieldErrors(nl.klachtenregie.web.LayoutModelProcessor.locale(request)), null));
        }
        return HttpResponse.seeOther(URI.create("/platform/feestdagen?jaar=" + day.getYear() + "&gedaan=toegevoegd"));
    }

    private static int year(String value) {
        try {
            int y = value == null || value.isBlank() ? LocalDate.now().getYear() : Integer.parseInt(value.strip());
            return Math.max(2000, Math.min(2100, y));
        } catch (NumberFormatException e) {
            return LocalDate.now().getYear();
        }
    }

    private ModelAndView<Page> page(int year, Map<String, String> entered, Map<String, String> errors,
                                    @Nullable String done) {
        HolidayCalendar calendar = days.calendar(HolidayCalendar.ALGEMENE_TERMIJNENWET, Map.of());
        List<HolidayRow> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LocalDate day = d;
            calendar.statutoryHoliday(day).ifPresent(reason -> holidays.add(new HolidayRow(day.format(DMY),
                    weekday(day), reason)));
        }
        List<EquatedRow> equated = days.list().stream().map(d -> new EquatedRow(d.day().format(DMY), weekday(d.day()),
                d.source(), d.addedBy() == null ? "" : d.addedBy())).toList();
        return new ModelAndView<>("platform-holidays", new Page(year, year - 1, year + 1, holidays, equated, entered,
                errors, done));
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag("nl"));
    }
}
