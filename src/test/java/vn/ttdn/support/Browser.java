package vn.ttdn.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the browser tests: Debian's Chromium, headless, driven through its own
 * chromedriver, so nothing is downloaded (Selenium Manager stays off). One browser per test class,
 * registered as an extension:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * ...
 * browser.at(port).signIn("cv.stttt.qng").open("/ke-hoach/" + id);
 * </pre>
 *
 * Every wait is explicit and bounded ({@link #WAIT}); a failed test leaves a screenshot and the
 * page's HTML in {@code target/browser/}. The helpers for task forms know how form-js 1.23 draws
 * its fields ({@code fjs-form-<form>-<field id>}) and the states {@code js/task-form.js} sets.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    /** The longest any page, form or request may take. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final Path SCREENSHOTS = Path.of("target", "browser");

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ChromeDriverService service;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // Selenium Manager runs only when a driver or browser is not given (both are, by path); should it run,
        // SE_OFFLINE (Selenium passes SE_* properties to it as its environment) keeps it from downloading.
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("ttdn-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withSilent(true).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // An English browser, as many officials have: the pages must still read and take dates the Vietnamese way.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteProfile();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                + "-failed";
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The application under test, at http://localhost:{port}. */
    public Browser at(int port) {
        this.base = "http://localhost:" + port;
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path and query of the page shown now. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in through the login page as a demo user (password "demo"), ending any earlier session. */
    public Browser signIn(String username) {
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), "demo");
        click(By.id("login-submit"));
        until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
        return this;
    }

    /** Waits until the condition holds, at most {@link #WAIT}. */
    public <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    public WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Optional<WebElement> maybe(By by) {
        return all(by).stream().findFirst();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public Browser click(By by) {
        until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clears the field and types into it, as a person would. */
    public Browser type(By by, String text) {
        WebElement field = until(ExpectedConditions.elementToBeClickable(by));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        return this;
    }

    /** What the pages wrote to the browser's console as errors since the last call (scripts failing, 4xx, 5xx). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    // --- task forms (js/task-form.js with form-js) ---------------------------------------------

    /** Waits until the task page's form is drawn and may be filled. */
    public Browser formReady() {
        until(ExpectedConditions.attributeToBe(By.id("task-form"), "data-state", "ready"));
        return this;
    }

    /** A form-js field by the id it has in the Camunda Form ({@code field_number}). */
    public static By field(String fieldId) {
        return By.cssSelector("#task-form [id^='fjs-form-'][id$='-" + fieldId + "']");
    }

    public Browser fill(String fieldId, String text) {
        return type(field(fieldId), text);
    }

    /** A form-js date field's input by the field's id in the Camunda Form. */
    public static By dateField(String fieldId) {
        return By.cssSelector("#task-form [id^='fjs-form-'][id$='-" + fieldId + "-date']");
    }

    /** Types a date as Vietnamese write it (02/11/2026 is 2 November), then Enter, as a person does. */
    public Browser fillDate(String fieldId, LocalDate date) {
        type(dateField(fieldId), DAY.format(date));
        find(dateField(fieldId)).sendKeys(Keys.ENTER);
        return this;
    }

    /** Picks the option with this label in a form-js radio group or checklist. */
    public Browser choose(String fieldId, String label) {
        By option = By.xpath("//*[@id='task-form']//input[starts-with(@id, 'fjs-form-') and contains(@id, '-"
                + fieldId + "-')]/following-sibling::label[normalize-space()='" + label + "']");
        return click(option);
    }

    /** Sends the form and waits until the page moved on (the task is completed). */
    public Browser submitForm() {
        String before = driver.getCurrentUrl();
        click(By.id("task-form-submit"));
        until(d -> !before.equals(d.getCurrentUrl()) || problemsShown());
        if (before.equals(driver.getCurrentUrl())) {
            throw new AssertionError("The form was not accepted: " + text(By.cssSelector("#task-form")));
        }
        return this;
    }

    private boolean problemsShown() {
        return !driver.findElements(By.cssSelector("#task-form .task-form-alerts .alert, #task-form .fjs-has-errors"))
                .isEmpty() && "ready".equals(driver.findElement(By.id("task-form")).getAttribute("data-state"));
    }

    // --- screenshots ---------------------------------------------------------------------------

    /** The whole page (not only the window) as {@code target/browser/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Number height = (Number) driver.executeScript("window.scrollTo(0, 0); return Math.max("
                    + "document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
            driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, height.intValue())));
            return save(name, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    /** What the window shows from the top of the page, as a person first sees it. */
    public Path screenshotTop(String name) {
        driver.executeScript("window.scrollTo(0, 0)");
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** One element of the page. */
    public Path screenshot(String name, By element) {
        WebElement found = find(element);
        driver.executeScript("arguments[0].scrollIntoView()", found);
        return save(name, found.getScreenshotAs(OutputType.BYTES));
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
