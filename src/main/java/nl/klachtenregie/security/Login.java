package nl.klachtenregie.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import jakarta.inject.Singleton;

/**
 * Inloggen met het formulier: checks name and password (with the lock-out) for the login page, which cannot use
 * Micronaut's own login endpoint because that endpoint does not check the form's CSRF token.
 */
@Singleton
public class Login {

    private final AccountAuthenticationProvider<Object> provider;

    Login(AccountAuthenticationProvider<Object> provider) {
        this.provider = provider;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public AuthenticationResponse authenticate(HttpRequest<?> request, String username, String password) {
        return provider.authenticate((HttpRequest) request, new UsernamePasswordCredentials(username, password));
    }
}
