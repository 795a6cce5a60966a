package nl.klachtenregie.web;

import nl.klachtenregie.shared.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.security.CsrfTokens;
import nl.klachtenregie.security.CurrentUser;
import nl.klachtenregie.security.Role;
import nl.klachtenregie.tenant.TenantDirectory;

/**
 * Puts what every page needs around the page's own view model: the signed-in user, the page language, and the
 * CSRF token that every form posts back (kept in the session, created on first need). The page's record is
 * available to the template as {@code page}.
 */
@Singleton
public class LayoutModelProcessor implements ViewModelProcessor<Object> {

    static final String LANG_COOKIE = "lang";

    private final SessionStore<Session> sessions;
    private final CsrfTokens tokens;
    private final TenantDirectory tenants;

    LayoutModelProcessor(SessionStore<Session> sessions, CsrfTokens tokens, TenantDirectory tenants) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void process(HttpRequest<?> request, ModelAndView<Object> modelAndView) {
        Object page = modelAndView.getModel().orElse(null);
        if (page instanceof Map<?, ?> m && m.containsKey("page") && m.containsKey(HandlebarsSetup.LOCALE_KEY)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        Locale locale = locale(request);
        model.put(HandlebarsSetup.LOCALE_KEY, locale);
        model.put("lang", locale.getLanguage());
        model.put("otherLang", locale.equals(Messages.ENGLISH) ? "nl" : "en");
        // Encoded: the path goes back into a query string (the language switch returns to it).
        model.put("path", java.net.URLEncoder.encode(request.getPath(), java.nio.charset.StandardCharsets.UTF_8));
        model.put("csrfField", CsrfTokens.FIELD);
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        // A session (and its token) only where a form can be posted: signed in, or the login page. Anonymous
        // visits to other pages (a 404, say) create none, so a flood of them cannot fill the session store.
        boolean formsPossible = auth.isPresent() || modelAndView.getView().map("login"::equals).orElse(false);
        Optional<Session> session = formsPossible ? Optional.of(SessionForRequest.findOrCreate(request, sessions))
                : SessionForRequest.find(request);
        model.put("csrfToken", session.map(tokens::tokenFor).orElse(""));
        auth.map(CurrentUser::of).ifPresent(me -> model.put("me", new Me(me, me.tenantSlug() == null ? null
                : tenants.find(me.tenantSlug()).map(t -> t.profile().name()).orElse(me.tenantSlug()))));
        ((ModelAndView) modelAndView).setModel(model);
    }

    public static Locale locale(HttpRequest<?> request) {
        return Messages.supported(request.getCookies().findCookie(LANG_COOKIE).map(Cookie::getValue).orElse("nl"));
    }

    /**
     * The signed-in user as the layout shows it. {@code outbox}: may read the tenant's sent messages (Berichten): who
     * configures the addresses and who oversees the procedure, not every handler.
     */
    record Me(String name, String username, String tenant, String tenantName, boolean caseWork, boolean readsCases,
              boolean compliance, boolean admin, boolean platformAdmin, boolean director, boolean oversight,
              boolean outbox) {
        Me(CurrentUser u, String tenantName) {
            this(u.displayName(), u.username(), u.tenantSlug(), tenantName, u.handlesCases(), u.readsCases(),
                    u.has(Role.COMPLIANCE) || u.has(Role.MANAGER), u.has(Role.ADMIN), u.has(Role.PLATFORM_ADMIN),
                    u.has(Role.DIRECTOR), u.oversees(), u.has(Role.ADMIN) || u.oversees());
        }
    }
}
