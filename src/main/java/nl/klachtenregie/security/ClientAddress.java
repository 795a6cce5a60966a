package nl.klachtenregie.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Clientadres: where a login comes from, as the lock-out counts it. Behind a proxy,
 * {@code micronaut.server.client-address-header} names the header the proxy sets, and Micronaut's resolver reads it
 * (the last entry, the proxy's own word); without that setting the connection's own address counts, because the
 * resolver would otherwise believe any Forwarded header a caller makes up. One bucket per IPv4 address and per /64
 * for IPv6 (one subscriber holds a whole /64). The login lock-out and the public form's rate limit both count by it.
 */
@Singleton
public class ClientAddress {

    /** The bucket of a request whose address is unknown. */
    static final String UNKNOWN = "-";

    private final HttpClientAddressResolver resolver;
    private final HttpServerConfiguration server;

    ClientAddress(HttpClientAddressResolver resolver, HttpServerConfiguration server) {
        this.resolver = resolver;
        this.server = server;
    }

    /** The bucket the request's sender counts in, for a lock-out or a rate limit. */
    public String of(HttpRequest<?> request) {
        if (request == null) {
            return UNKNOWN;
        }
        String header = server.getClientAddressHeader();
        if (header != null && !header.isBlank()) {
            Optional<InetAddress> parsed = lastAddressIn(resolver.resolve(request));
            if (parsed.isPresent()) {
                return bucket(parsed.get());
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() == null ? remote.getHostString() : bucket(remote.getAddress());
    }

    /** The address last in a header value, without a port; empty when it is no IP address literal at all. */
    public static Optional<InetAddress> lastAddressIn(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String last = value.substring(value.lastIndexOf(',') + 1).strip();
        if (last.startsWith("[") && last.contains("]")) {
            last = last.substring(1, last.indexOf(']'));
        } else if (last.indexOf(':') >= 0 && last.indexOf(':') == last.lastIndexOf(':')) {
            last = last.substring(0, last.indexOf(':'));
        }
        // A dotted quad (IPv4) or hex with colons (IPv6, which getByName never looks up): anything else, such as
        // "cafe" or "999.1.2.3", could make getByName ask the DNS.
        if (last.contains(":") ? !last.matches("[0-9a-fA-F:.]{2,45}") : !isDottedQuad(last)) {
            return Optional.empty();
        }
        try {
            // A literal only: getByName does no lookup for a string of digits, dots and colons.
            return Optional.of(InetAddress.getByName(last));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isDottedQuad(String s) {
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String part : s.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** One bucket per IPv4 address, and per /64 for IPv6. */
    public static String bucket(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", b[i], b[i + 1]));
            }
            return prefix + ":/64";
        }
        return address.getHostAddress();
    }
}
