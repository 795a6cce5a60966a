package nl.klachtenregie.shared;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Het adres van de applicatie: the absolute address links in e-mails point to. Configured as
 * {@code klachtenregie.public-url} (the address users reach, behind any proxy); without it, the running server's own
 * address.
 */
@Singleton
public class SiteUrl {

    private final String configured;
    private final BeanProvider<EmbeddedServer> server;

    SiteUrl(@Value("${klachtenregie.public-url:}") String configured, BeanProvider<EmbeddedServer> server,
            @Value("${klachtenregie.mail.enabled:false}") boolean mailEnabled) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.server = server;
        if (mailEnabled && this.configured.isEmpty()) {
            // Not fatal (a test or a single-host setup is served at its own address), but a real installation
            // would mail complainants links to "localhost".
            org.slf4j.LoggerFactory.getLogger(SiteUrl.class).warn("E-mail is on but klachtenregie.public-url "
                    + "(KLACHTENREGIE_PUBLIC_URL) is not set: links in e-mails point at this server's own address");
        }
    }

    /** {@code path} (starting with /) made absolute. */
    public String absolute(String path) {
        return base() + path;
    }

    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (server.isPresent()) {
            EmbeddedServer s = server.get();
            if (s.isRunning()) {
                return "http://localhost:" + s.getPort();
            }
        }
        return "http://localhost:8080";
    }
}
