package nl.klachtenregie.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.klachtenregie.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inloggen: checks name and password for the login form and for HTTP Basic on the API. It runs on the blocking
 * executor (bcrypt and JDBC). Every failure looks the same to the caller, so that it does not tell which names
 * exist or are locked. Attempts are counted per pair of name and client address and per address
 * ({@link LoginThrottle}); a refused attempt costs no bcrypt, and a name that does not exist costs one dummy bcrypt.
 */
@Singleton
class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAuthenticationProvider.class);

    // Providers, not beans: Micronaut Data's JDBC operations check at creation whether an authentication
    // provider exists, and creating this one eagerly would need those operations (a bean cycle).
    private final Provider<UserDirectory> users;
    private final PasswordHasher hasher;
    private final Provider<LoginThrottle> throttle;
    private final Provider<TenantDirectory> tenants;
    private final VerifiedCredentials credentials;
    private final Provider<ClientAddress> addresses;
    private final LoginClock clock;

    AccountAuthenticationProvider(Provider<UserDirectory> users, PasswordHasher hasher,
                                  Provider<LoginThrottle> throttle, Provider<TenantDirectory> tenants,
                                  VerifiedCredentials credentials, Provider<ClientAddress> addresses,
                                  LoginClock clock) {
        this.credentials = credentials;
        this.addresses = addresses;
        this.clock = clock;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tenants = tenants;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authRequest) {
        String username = authRequest.getIdentity() == null ? "" : authRequest.getIdentity().strip().toLowerCase();
        String password = authRequest.getSecret() == null ? "" : authRequest.getSecret();
        long now = clock.nowMillis();
        UserDirectory users = this.users.get();
        LoginThrottle throttle = this.throttle.get();
        if (username.isEmpty() || username.length() > 100) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        String address = addresses.get().of(request);
        // A locked pair is refused whatever the password, without bcrypt: the lock is what bounds the cost.
        if (throttle.isLocked(username, address, now)) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        Optional<UserAccount> account = users.findByUsername(username).filter(UserAccount::active);
        Optional<String> storedHash = account.flatMap(a -> users.passwordHash(a.id()));
        // A password verified a moment ago is no guess: it skips bcrypt and the attempt count.
        boolean ok = storedHash.isPresent() && credentials.matches(username, storedHash.get(), password, now);
        boolean counted = !ok;
        if (counted) {
            LoginThrottle.Admission admission = throttle.admit(username, address, now);
            if (!admission.admitted()) {
                // Refused before any bcrypt, for names that exist and names that do not alike.
                return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
            }
            if (admission.outcome() == LoginThrottle.Outcome.ADMITTED_AND_NOW_LOCKED) {
                LOG.warn("Login name '{}' locked from one address for {} after repeated attempts", loggable(username),
                        admission.lockedFor());
            }
            if (storedHash.isEmpty()) {
                // One dummy comparison at the same cost, so that a name that does not exist takes as long.
                hasher.burnTime(password);
            } else if (hasher.matches(password, storedHash.get())) {
                ok = true;
                credentials.remember(username, storedHash.get(), password, now);
            }
            forgetStaleNow(throttle, now);
        }
        if (!ok) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (counted) {
            throttle.recordSuccess(username, address);
        }
        UserAccount user = account.get();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(CurrentUser.ATTR_USER_ID, user.id().value());
        attributes.put(CurrentUser.ATTR_NAME, user.displayName());
        attributes.put(CurrentUser.ATTR_CREDENTIALS_VERSION, users.credentialsVersion(user.id()));
        if (user.tenant() != null) {
            String slug = tenants.get().slugOf(user.tenant()).orElse(null);
            if (slug == null) {
                return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
            }
            attributes.put(CurrentUser.ATTR_TENANT, slug);
        }
        return AuthenticationResponse.success(user.username(),
                user.roles().stream().map(Role::name).collect(Collectors.toList()), attributes);
    }

    /** Now and then (one counted attempt in 256), forgets throttle rows that can no longer matter. */
    private void forgetStaleNow(LoginThrottle throttle, long now) {
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(256) != 0) {
            return;
        }
        try {
            throttle.forgetStalePairs(now);
            throttle.forgetStaleAddresses(now);
        } catch (RuntimeException e) {
            // Housekeeping only: a deadlock with a login in flight must not fail that login.
            LOG.info("Login throttle housekeeping skipped: {}", e.toString());
        }
    }

    /** A user name as typed, safe to log (no line breaks that could forge log lines). */
    private static String loggable(String username) {
        return username.replaceAll("[\\p{Cntrl}]", "?");
    }
}
