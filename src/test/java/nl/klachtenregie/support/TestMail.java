package nl.klachtenregie.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for tests (GreenMail) on a free port, and the properties that point the product at it with
 * e-mail switched on. The messages it received are read back as they arrived.
 */
public final class TestMail implements AutoCloseable {

    /** One received e-mail, decoded. */
    public record Received(String to, String from, String subject, String body) {
    }

    private final GreenMail server;
    private final ServerSocket front;
    private volatile boolean up = true;

    public TestMail() {
        int smtpPort = freePort();
        server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            front = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> accept(smtpPort), "test-mail-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The product talks to a front port that stays bound for the whole test: it passes connections to GreenMail, or,
     * during an outage, drops them at once. (Stopping and restarting GreenMail itself would free its port, which the
     * machine may hand to another socket in between.)
     */
    private void accept(int smtpPort) {
        while (!front.isClosed()) {
            try {
                java.net.Socket client = front.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                java.net.Socket smtp = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), smtpPort);
                pump(client, smtp);
                pump(smtp, client);
            } catch (IOException e) {
                // closed while accepting: the test is over
            }
        }
    }

    private static void pump(java.net.Socket from, java.net.Socket to) {
        Thread t = new Thread(() -> {
            try (var in = from.getInputStream(); var out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "test-mail-pump");
        t.setDaemon(true);
        t.start();
    }

    /** The mail server is back: connections reach it again. */
    public void start() {
        up = true;
    }

    /** An outage: every connection is dropped (the product's send fails) until {@link #start()}. */
    public void stop() {
        up = false;
    }

    public int port() {
        return front.getLocalPort();
    }

    /** Properties for the product: e-mail on, sent to this server, retried at once (no back-off in a test). */
    public Map<String, String> properties() {
        return Map.of(
                "klachtenregie.mail.enabled", "true",
                "javamail.enabled", "true",
                "javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(port()),
                "klachtenregie.mail.from", "klachten@klachtenregie.example",
                "klachtenregie.mail.retry-base", "0s",
                "klachtenregie.mail.max-attempts", "3");
    }

    public List<Received> received() {
        return Arrays.stream(server.getReceivedMessages()).map(TestMail::decode).toList();
    }

    public List<Received> receivedBy(String to) {
        return received().stream().filter(m -> m.to().equalsIgnoreCase(to)).toList();
    }

    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received decode(MimeMessage m) {
        try {
            String body = text(m.getContent());
            return new Received(String.valueOf(m.getRecipients(Message.RecipientType.TO)[0]),
                    String.valueOf(m.getFrom()[0]), m.getSubject(), body.replace("\r\n", "\n"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                b.append(text(multipart.getBodyPart(i).getContent()));
            }
            return b.toString();
        }
        return String.valueOf(content);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        server.stop();
    }
}
