package nl.klachtenregie.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Base for tests of the server-rendered pages over real HTTP: a {@link PageSession} keeps its cookies like a
 * browser (also the Secure ones, which the JDK's cookie manager drops on plain http), does not follow redirects,
 * and posts forms with the CSRF token of the page it last loaded.
 */
public abstract class PageTestSupport extends ApiTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    /** What Chromium sends: pages first, anything else accepted (the login endpoint answers with a redirect). */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    protected EmbeddedServer server;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A page response: status, HTML body, Location header (or null) and all headers. */
    public record Page(int status, String body, String location, HttpHeaders headers) {
        public boolean contains(String text) {
            return body.contains(text);
        }
    }

    /** A browser-like session without JavaScript. */
    public class PageSession {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String csrf;

        /** Sends this header with every request of the session (as a proxy would set the client's address). */
        public PageSession withHeader(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Page get(String path) {
            Page p = send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", BROWSER_ACCEPT));
            remember(p);
            return p;
        }

        /** Posts a form with the CSRF token of the last page loaded (loading {@code /login} first if none). */
        public Page post(String path, Map<String, String> form) {
            if (csrf == null) {
                get("/login");
            }
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.putIfAbsent("csrfToken", csrf);
            return postRaw(path, withToken);
        }

        /** Posts exactly the given fields: no CSRF token is added. */
        public Page postRaw(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue() == null ? "" : e.getValue()))
                    .collect(Collectors.joining("&"));
            Page p = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", BROWSER_ACCEPT).POST(HttpRequest.BodyPublishers.ofString(body)));
            remember(p);
            return p;
        }

        /** GET of a binary resource (a PDF). */
        public HttpResponse<byte[]> download(String path) {
            try {
                return client.send(withCookies(HttpRequest.newBuilder(uri(path)).GET()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Map<String, String> cookies() {
            return cookies;
        }

        public String csrfToken() {
            return csrf;
        }

        private void remember(Page p) {
            Matcher m = CSRF.matcher(p.body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }

        private Page send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> r = client.send(withCookies(builder).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String header : r.headers().allValues("set-cookie")) {
                    String pair = header.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq).strip();
                    String value = pair.substring(eq + 1).strip();
                    boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                    if (expired) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return new Page(r.statusCode(), r.body(), r.headers().firstValue("location").orElse(null),
                        r.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
            headers.forEach(b::header);
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return b;
        }
    }

    /** A new, anonymous session. */
    protected PageSession anonymous() {
        return new PageSession();
    }

    /** A session signed in through the login form as the given demo user; fails unless login succeeds. */
    protected PageSession loggedInAs(String username) {
        PageSession s = new PageSession();
        s.get("/login");
        Page r = s.post("/login", Map.of("username", username, "password", DEMO_PASSWORD));
        assertEquals(303, r.status(), () -> "login of " + username + " answered " + r.status() + ": " + r.body());
        assertEquals("/", r.location(), "login of " + username + " failed");
        return s;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The text of the first element with this id (tags inside removed), or null. */
    protected static String textOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").strip() : null;
    }

    protected static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }
}
