package nl.klachtenregie.notification;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;

/**
 * The mail session of this application context. Micronaut Email's default takes Jakarta Mail's JVM-wide default
 * session, which keeps the settings of whichever context asked first: a second context in the same JVM (a test, an
 * embedded use) would send through the first one's server.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(beans = MailPropertiesProvider.class)
class SmtpSessionProvider implements SessionProvider {

    private final Session session;

    SmtpSessionProvider(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        this.session = Session.getInstance(properties.mailProperties(), authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
