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

    private final int port;
    private GreenMail server;

    public TestMail() {
        this.port = freePort();
        start();
    }

    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        // A restart on the same port must really listen before the test goes on (it asserts on delivery next).
        long until = System.currentTimeMillis() + 10_000;
        while (!listening()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("GreenMail does not listen on port " + port);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server: sending fails (connection refused) until {@link #start()}. */
    public void stop() {
        server.stop();
    }

    public int port() {
        return port;
    }

    /** Properties for the product: e-mail on, sent to this server, retried at once (no back-off in a test). */
    public Map<String, String> properties() {
        return Map.of(
                "klachtenregie.mail.enabled", "true",
                "javamail.enabled", "true",
                "javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(port),
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
        server.stop();
    }
}
