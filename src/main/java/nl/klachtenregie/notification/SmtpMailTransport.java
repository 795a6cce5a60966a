package nl.klachtenregie.notification;

import io.micronaut.context.BeanProvider;
import io.micronaut.email.BodyType;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;

/**
 * Sends through Micronaut Email (Jakarta Mail over SMTP, configured under {@code javamail.*}). Plain text only: a
 * complainant's words never become markup in anyone's mail client.
 */
@Singleton
class SmtpMailTransport implements MailTransport {

    private final BeanProvider<EmailSender<?, ?>> sender;

    SmtpMailTransport(BeanProvider<EmailSender<?, ?>> sender) {
        this.sender = sender;
    }

    @Override
    public void send(String from, String to, String subject, String body) {
        if (!sender.isPresent()) {
            throw new IllegalStateException("Geen e-mailverbinding ingesteld (javamail.properties ontbreekt)");
        }
        sender.get().send(Email.builder().from(from).to(to).subject(oneLine(subject)).body(body, BodyType.TEXT));
    }

    /** A subject with a line break in it could add headers; the text of a subject never needs one. */
    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u0000-\\u001f]+", " ").strip();
    }
}
