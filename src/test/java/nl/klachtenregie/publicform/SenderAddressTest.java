package nl.klachtenregie.publicform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import nl.klachtenregie.security.ClientAddress;
import org.junit.jupiter.api.Test;

/**
 * Who counts as one sender for the public form's rate limit: one IPv4 address, or one IPv6 /64 (what one subscriber
 * gets); from a proxy's header only the address the proxy itself put last, and nothing that is not an address.
 */
class SenderAddressTest {

    private static String bucketOf(String header) {
        return ClientAddress.lastAddressIn(header).map(ClientAddress::bucket).orElse("(none)");
    }

    @Test
    void oneIpv6SubscriberIsOneSenderHoweverManyAddressesTheyUse() throws Exception {
        assertEquals(ClientAddress.bucket(InetAddress.getByName("2001:db8:1:2::1")),
                ClientAddress.bucket(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:fffe")));
        assertTrue(!ClientAddress.bucket(InetAddress.getByName("2001:db8:1:2::1"))
                .equals(ClientAddress.bucket(InetAddress.getByName("2001:db8:1:3::1"))));
        assertEquals("203.0.113.9", ClientAddress.bucket(InetAddress.getByName("203.0.113.9")));
    }

    @Test
    void onlyTheLastEntryOfAForwardedListCountsAndPortsAreDropped() {
        // The client writes the start of X-Forwarded-For; the proxy appends the address it saw.
        assertEquals("198.51.100.7", bucketOf("10.0.0.1, 203.0.113.200, 198.51.100.7"));
        assertEquals(bucketOf("random-1, 198.51.100.7"), bucketOf("random-2, 198.51.100.7"));
        assertEquals("198.51.100.7", bucketOf("198.51.100.7:51234"));
        assertEquals(bucketOf("[2001:db8::5]:443"), bucketOf("2001:db8::9"));
    }

    @Test
    void somethingThatIsNoAddressIsNotASender() {
        assertEquals("(none)", bucketOf("unknown"));
        assertEquals("(none)", bucketOf("evil.example.org"));
        assertEquals("(none)", bucketOf(""));
        assertEquals("(none)", bucketOf(null));
        // Words of the letters a-f and out-of-range numbers are no literal: they must not reach a DNS lookup.
        assertEquals("(none)", bucketOf("cafe"));
        assertEquals("(none)", bucketOf("999.1.2.3"));
        assertEquals("(none)", bucketOf("1.2.3"));
    }
}
