package nl.klachtenregie.web;

import nl.klachtenregie.shared.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import nl.klachtenregie.security.CurrentUser;

/** The login page, the start page after login, and the language switch. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    /** View model of the login page. */
    record LoginPage(boolean failed, boolean loggedOut) {
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelAndView<LoginPage> login(@Nullable @QueryValue String fout, @Nullable @QueryValue String uitgelogd) {
        return new ModelAndView<>("login", new LoginPage(fout != null, uitgelogd != null));
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> home(Authentication authentication) {
        CurrentUser me = CurrentUser.of(authentication);
        if (me.tenantSlug() == null) {
            return HttpResponse.seeOther(URI.create("/platform"));
        }
        String start = me.readsCases() ? "/werk" : me.oversees() ? "/dashboard" : "/gebruikers";
        return HttpResponse.seeOther(URI.create("/t/" + me.tenantSlug() + start));
    }

    /** Switches the page language; {@code terug} must be a local path, so this is no open redirect. */
    @Get("/taal/{lang}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> language(String lang, @Nullable @QueryValue String terug, HttpRequest<?> request) {
        String back = terug != null && terug.startsWith("/") && !terug.startsWith("//") && !terug.contains("\\")
                ? terug : "/";
        Cookie cookie = Cookie.of(LayoutModelProcessor.LANG_COOKIE, Messages.supported(lang).getLanguage())
                .path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax).httpOnly(true);
        URI target;
        try {
            target = URI.create(back);
        } catch (IllegalArgumentException e) {
            // Not a valid address (a stray % or space): go to the start page rather than fail.
            target = URI.create("/");
        }
        return HttpResponse.seeOther(target).cookie(cookie);
    }
}
