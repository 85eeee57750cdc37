package org.spotcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: the machine's Chromium, headless, driven by its chromedriver
 * (Debian packages chromium and chromium-driver; .ci/run installs them). A failing test
 * leaves a screenshot of what the browser showed in {@code target/browser-screenshots/}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    public Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, or run bash .ci/run,"
                    + " which installs them");
        }
        try {
            downloads = Files.createTempDirectory("spotcheck-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement await(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    /** Waits until the element is on the page, shown or not (a table folded in {@code <details>}). */
    public WebElement present(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    public void awaitUrl(java.util.function.Predicate<String> url) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> url.test(d.getCurrentUrl()));
    }

    /** Types as a person does, a key at a time: form inputs react to each keystroke. */
    public void type(WebElement input, String text) {
        input.clear();
        for (char c : text.toCharArray()) {
            input.sendKeys(String.valueOf(c));
            pause(30);
        }
    }

    /** Signs in through the Camunda webapps' own login form (Welcome). */
    public void signIn(String user, String password) {
        open("/camunda/app/welcome/default/#!/login");
        type(await(By.cssSelector("input[ng-model='username']")), user);
        type(await(By.cssSelector("input[type='password']")), password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        awaitUrl(url -> !url.contains("login"));
    }

    /** @return the file the browser downloaded under this name, once it is complete */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Keeps a screenshot of each open browser when a test fails ({@code target/browser-screenshots/}). */
    public static final class ScreenshotOnFailure implements TestWatcher {

        private final java.util.List<Browser> browsers = new java.util.ArrayList<>();

        public Browser track(Browser browser) {
            browsers.add(browser);
            return browser;
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    browsers.get(i).screenshot("FAILED-" + context.getRequiredTestMethod().getName() + "-" + i);
                } catch (RuntimeException ignored) {
                    // the browser may be gone with the failure; the test's own error says why
                }
            }
            close();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            close();
        }

        private void close() {
            browsers.forEach(b -> {
                try {
                    b.close();
                } catch (RuntimeException ignored) {
                    // already closed
                }
            });
            browsers.clear();
        }
    }

}
