package nl.klachtenregie.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base for browser tests: the application on a real port (fresh schema, seed tenants, demo users, pinned day, see
 * {@link PageTestSupport}) driven by one headless Chromium per test class. The browser is Debian's chromium with
 * its chromedriver; nothing is downloaded (no Selenium Manager), so the tests run offline in CI. A failing test
 * leaves a screenshot and the page's HTML in {@code target/browser-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserSupport.ScreenshotOnFailure.class)
public abstract class BrowserSupport extends PageTestSupport {

    /** Overridable for machines that keep the browser elsewhere (-Dklachtenregie.chromium=...). */
    static final Path CHROMIUM = Path.of(System.getProperty("klachtenregie.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("klachtenregie.chromedriver",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    static final String SESSION_COOKIE = "KLACHTENREGIE_SESSION";

    /** Generous for a 2-core CI machine under a parallel build; waits end as soon as the condition holds. */
    protected static final Duration WAIT = Duration.ofSeconds(15);

    protected WebDriver driver;
    private ChromeDriverService service;
    private Path scratch;
    private final HttpClient plainHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startBrowser() throws IOException {
        // A missing browser is a broken test machine, not a reason to skip: a skipped browser suite would look
        // green while nothing was tested.
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them: apt-get install -y chromium chromium-driver (.ci/run does this in CI).");
        }
        scratch = Files.createTempDirectory("klachtenregie-browser");
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path profile = Files.createDirectories(scratch.resolve("profile"));
        // Selenium Manager would otherwise try to resolve (and download) a driver; giving the driver path
        // explicitly keeps it out, like SE_OFFLINE=true.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // Chromium writes caches and crash reports under $HOME; keep them out of the real home.
                .withEnvironment(Map.of("HOME", home.toString(), "SE_OFFLINE", "true"))
                .withLogFile(scratch.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,1600", "--lang=nl-NL");
        // The console is read after every test: a page that the Content-Security-Policy breaks fails there.
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            fail("Chromium did not start (" + CHROMIUM + " via " + CHROMEDRIVER + "); is the chromium-driver "
                    + "version the chromium version? apt-get install -y chromium chromium-driver. Driver log: "
                    + scratch.resolve("chromedriver.log"), e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteQuietly(scratch);
        }
    }

    /**
     * No page the test saw was broken by the Content-Security-Policy: Chromium reports every refused script,
     * style, image or frame on the console ("Refused to ... Content Security Policy").
     */
    @org.junit.jupiter.api.AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> refused = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                .stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), refused, "the Content-Security-Policy broke a page");
    }

    /** Every test starts signed out in Dutch: the cookies of the previous test are gone. */
    @BeforeEach
    void freshBrowserSession() {
        for (String handle : driver.getWindowHandles().stream().skip(1).toList()) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(driver.getWindowHandles().iterator().next());
        if (driver.getCurrentUrl().startsWith(baseUrl())) {
            driver.manage().deleteAllCookies();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Navigation and waiting
    // ---------------------------------------------------------------------------------------------------------

    protected String baseUrl() {
        // localhost, not 127.0.0.1: Chromium accepts the Secure session cookie over plain http only from localhost.
        return "http://localhost:" + server.getPort();
    }

    /** Loads a path of the application and waits for the page. */
    protected void open(String path) {
        driver.get(baseUrl() + path);
        waitForPage();
    }

    /** The path (and query) of the page the browser shows. */
    protected String currentPath() {
        URI u = URI.create(driver.getCurrentUrl());
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    protected WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected WebElement waitForPresent(By by) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the path of the page matches the regular expression; returns the match. */
    protected Matcher waitForPath(String regex) {
        Pattern p = Pattern.compile(regex);
        waiting().withMessage(() -> "path matching " + regex + ", but the browser shows " + currentPath())
                .until(d -> p.matcher(currentPath()).matches());
        waitForPage();
        Matcher m = p.matcher(currentPath());
        m.matches();
        return m;
    }

    protected void waitForPage() {
        waiting().ignoring(WebDriverException.class)
                .until(d -> "complete".equals(js("return document.readyState")));
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits until the new page is there. */
    protected void clickAndWaitForNewPage(WebElement element) {
        expectNewPage(element::click);
    }

    /**
     * Runs something that makes the browser load another page and waits until that page has replaced the current
     * one. The old page's window gets a marker that the new document does not have. (Waiting for the old
     * {@code <html>} element to go stale is not enough: while Chromium swaps documents it may answer "node does not
     * belong to the document" instead of "stale element".)
     */
    protected void expectNewPage(Runnable action) {
        js("window.__klachtenregieOldPage = true;");
        action.run();
        waiting().withMessage(() -> "a new page after the action; the browser shows " + currentPath())
                .until(d -> {
                    try {
                        return js("return window.__klachtenregieOldPage === true") != Boolean.TRUE;
                    } catch (WebDriverException busy) {
                        // the documents are being swapped; ask again
                        return false;
                    }
                });
        waitForPage();
    }

    /** Where the page screenshots go that a person opens to look at a page (1366x900 and 390x844). */
    protected static final Path PAGE_SHOTS = Path.of("target", "screenshots");

    /** The window at {@code size}, scrolled to the top. */
    protected void show(org.openqa.selenium.Dimension size) {
        driver.manage().window().setSize(size);
        js("window.scrollTo(0, 0)");
    }

    /** Nothing on the page is wider than the window. */
    protected void assertFits(String what) {
        Object fits = js("return document.documentElement.scrollWidth <= window.innerWidth");
        assertEquals(Boolean.TRUE, fits, () -> what + " is wider than the window: "
                + js("return document.documentElement.scrollWidth") + " > " + js("return window.innerWidth"));
    }

    /** The whole page as one image: the window made as tall as the page for the shot, then back to {@code size}. */
    protected void shoot(String name, org.openqa.selenium.Dimension size) {
        try {
            Files.createDirectories(PAGE_SHOTS);
            long height = ((Number) js("return Math.min(document.documentElement.scrollHeight, 12000)")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                    (int) Math.max(size.getHeight(), height + 160)));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(PAGE_SHOTS.resolve(name + "-" + size.getWidth() + "x" + size.getHeight() + ".png"), png);
            driver.manage().window().setSize(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    protected Optional<WebElement> find(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    protected String text(By by) {
        return driver.findElement(by).getText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Login
    // ---------------------------------------------------------------------------------------------------------

    /** Signs in through the login form with the demo password; waits until the browser has left the login page. */
    protected void login(String username) {
        login(username, DEMO_PASSWORD);
        waiting().withMessage(() -> "login of " + username + " did not leave the login page: " + currentPath())
                .until(d -> !currentPath().startsWith("/login"));
        waitForPage();
    }

    /** Fills and submits the login form; does not check the outcome. */
    protected void login(String username, String password) {
        open("/login");
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    }

    /** Signs out with the button in the header; waits for the login page. */
    protected void logout() {
        clickAndWaitForNewPage(driver.findElement(By.cssSelector("header form[action='/logout'] button")));
        waitForPath("/login.*");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forms and case actions
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Sets a date input. Chromium's {@code <input type=date>} takes typed keys in the order of the browser's
     * locale (dd-mm-jjjj under nl, mm/dd/yyyy under en-US) and silently drops an ISO string, so sendKeys would make
     * the test depend on the machine's locale. The value property always takes ISO yyyy-MM-dd, which is also what
     * the form posts.
     */
    protected void setDate(WebElement input, String isoDate) {
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
        assertEquals(isoDate, input.getAttribute("value"), "date input " + input.getAttribute("name"));
    }

    /**
     * Fills one field of a form by name, whatever its kind: date inputs via {@link #setDate}, selects by value,
     * checkboxes ticked for "true", text inputs and textareas typed.
     */
    protected void fill(SearchContext form, String name, String value) {
        List<WebElement> found = form.findElements(By.name(name));
        if (found.isEmpty()) {
            fail("no field '" + name + "' in the form");
        }
        WebElement field = found.get(0);
        String tag = field.getTagName();
        String type = String.valueOf(field.getAttribute("type"));
        if (tag.equals("select")) {
            new Select(field).selectByValue(value);
        } else if (type.equals("date")) {
            setDate(field, value);
        } else if (type.equals("checkbox")) {
            if (field.isSelected() != Boolean.parseBoolean(value)) {
                field.click();
            }
        } else if (type.equals("hidden")) {
            js("arguments[0].value = arguments[1]", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    protected By actionForm(String type) {
        return By.cssSelector("form.action-form[data-action='" + type + "']");
    }

    /** Opens the {@code <details>} of an action by clicking its summary (unless it is open); returns the form. */
    protected WebElement openAction(String type) {
        List<WebElement> forms = driver.findElements(actionForm(type));
        if (forms.isEmpty()) {
            fail("action " + type + " is not offered; offered: " + offeredActions());
        }
        WebElement form = forms.get(0);
        WebElement details = form.findElement(By.xpath("ancestor::details[1]"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        waiting().until(ExpectedConditions.visibilityOf(form.findElement(By.cssSelector("button[type=submit]"))));
        return form;
    }

    /** Opens the action, fills the fields and submits; waits for the page that answers. */
    protected void submitAction(String type, Map<String, String> fields) {
        WebElement form = openAction(type);
        fields.forEach((name, value) -> fill(form, name, value));
        clickAndWaitForNewPage(form.findElement(By.cssSelector("button[type=submit]")));
    }

    /** The actions the case page offers, in page order. */
    protected List<String> offeredActions() {
        return driver.findElements(By.cssSelector("form.action-form")).stream()
                .map(f -> f.getAttribute("data-action")).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading the case page
    // ---------------------------------------------------------------------------------------------------------

    protected String caseStatus() {
        return driver.findElement(By.id("case-status")).getAttribute("data-status");
    }

    /** data-status of the obligation rows with this code, in page order. */
    protected List<String> obligationStatuses(String code) {
        return driver.findElements(By.cssSelector("#obligations tr[data-code='" + code + "']")).stream()
                .map(r -> r.getAttribute("data-status")).toList();
    }

    /** The due date (dd-MM-yyyy) shown for the single obligation with this code. */
    protected String obligationDue(String code) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#obligations tr[data-code='" + code + "']"));
        assertEquals(1, rows.size(), () -> "obligation rows " + code);
        String cell = rows.get(0).findElements(By.tagName("td")).get(1).getText();
        Matcher m = Pattern.compile("\\d{2}-\\d{2}-\\d{4}").matcher(cell);
        if (!m.find()) {
            fail("no due date for " + code + " in '" + cell + "'");
        }
        return m.group();
    }

    /** data-type of each timeline entry, in page order. */
    protected List<String> timelineTypes() {
        return driver.findElements(By.cssSelector("#timeline li[data-type]")).stream()
                .map(li -> li.getAttribute("data-type")).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Talking to the server with the browser's session
    // ---------------------------------------------------------------------------------------------------------

    /** The browser's cookies as a Cookie header (HttpOnly ones included: WebDriver sees them). */
    protected String browserCookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    protected Optional<Cookie> sessionCookie() {
        return Optional.ofNullable(driver.manage().getCookieNamed(SESSION_COOKIE));
    }

    /** GET with the browser's cookies, outside the browser, to see status, headers and raw bytes. */
    protected HttpResponse<byte[]> fetchWithBrowserSession(String pathOrUrl, String accept) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept);
        String cookies = browserCookieHeader();
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        try {
            return plainHttp.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    /** Saves what the browser showed when a test failed, so a red CI run can be diagnosed from its artefacts. */
    public static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Object instance = context.getTestInstance().orElse(null);
            if (!(instance instanceof BrowserSupport test) || test.driver == null) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            try {
                Files.createDirectories(SCREENSHOTS);
                byte[] png = ((TakesScreenshot) test.driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + ".png"), png);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), "<!-- " + test.driver.getCurrentUrl()
                        + " -->\n" + test.driver.getPageSource());
            } catch (IOException | RuntimeException e) {
                System.err.println("No screenshot for " + name + ": " + e);
            }
        }
    }
}
