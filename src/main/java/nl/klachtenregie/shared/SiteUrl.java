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

    SiteUrl(@Value("${klachtenregie.public-url:}") String configured, BeanProvider<EmbeddedServer> server) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.server = server;
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
