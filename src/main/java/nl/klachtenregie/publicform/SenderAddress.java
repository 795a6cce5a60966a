package nl.klachtenregie.publicform;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import nl.klachtenregie.security.ClientAddress;

/**
 * Afzender: who counts as one sender of the public form for its rate limit. One IPv4 address, or one IPv6 /64 (what
 * one subscriber gets); from a proxy's header only the address the proxy itself put last, and nothing that is not an
 * address literal.
 *
 * <p>The parsing itself is {@link ClientAddress}'s, because the login lock-out counts by exactly the same buckets and
 * security must not depend on the public form; this type gives the form's use cases a sender instead of a bare string
 * or an HTTP request, so that they know nothing of HTTP.
 *
 * @param bucket what the limit counts by: an IPv4 address, an IPv6 /64 prefix, or {@code -} when unknown
 */
public record SenderAddress(String bucket) {

    public SenderAddress {
        Objects.requireNonNull(bucket, "bucket");
    }

    /** The sender of an address literal. */
    public static SenderAddress of(InetAddress address) {
        return new SenderAddress(ClientAddress.bucket(address));
    }

    /** The sender a proxy's forwarding header names last; empty when that is no IP address literal. */
    public static Optional<SenderAddress> lastIn(String forwardedHeader) {
        return ClientAddress.lastAddressIn(forwardedHeader).map(SenderAddress::of);
    }
}
