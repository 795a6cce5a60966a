package nl.klachtenregie.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.klachtenregie.security.Login;

/** Logging in and out with the forms of the site; both check the form's CSRF token. */
@Controller
@CsrfProtected
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    /** The login form. */
    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String csrfToken)
            implements CsrfForm {
    }

    /** The logout form (only the token). */
    @Serdeable
    record LogoutForm(@Nullable String csrfToken) implements CsrfForm {
    }

    private final Login login;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler;

    LoginController(Login login, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
                    LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler) {
        this.login = login;
        this.loginHandler = loginHandler;
        this.logoutHandler = logoutHandler;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(@Nullable @Body LoginForm form, HttpRequest<?> request) {
        AuthenticationResponse response = login.authenticate(request, form.username(), form.password());
        if (response.isAuthenticated() && response.getAuthentication().isPresent()) {
            return loginHandler.loginSuccess(response.getAuthentication().get(), request);
        }
        return loginHandler.loginFailed(response, request);
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(@Nullable @Body LogoutForm form, HttpRequest<?> request) {
        return logoutHandler.logout(request);
    }
}
