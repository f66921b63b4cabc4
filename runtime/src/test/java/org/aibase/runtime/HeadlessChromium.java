package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through its chromedriver (Debian {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). The driver's path is given, so Selenium
 * Manager never tries to download one.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final WebDriver driver;

    private HeadlessChromium(ChromeDriverService service, WebDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts a browser with its profile in a new folder under {@code work}.
     *
     * @param windowSize e.g. {@code 1400,1000}: what a screenshot shows
     */
    static HeadlessChromium open(Path work, String windowSize) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver"
                        + " (bash .ci/run installs them)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + windowSize, "--user-data-dir=" + Files.createTempDirectory(work, "chromium"));
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Signs the browser in as a page of the runtime does: {@code POST /api/v1/session} from the
     * runtime's origin (a public URL of it), which sets the HttpOnly session cookie.
     *
     * @return the role the session answered
     */
    String signIn(String baseUrl, String key) {
        driver.get(baseUrl + "/api/v1/health");
        Object role = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/session', {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({key: arguments[0]})}).then(r => r.json()).then(j => done(j.role), e => done(String(e)));
                """, key);
        return String.valueOf(role);
    }

    /**
     * What the Chart.js charts on the page show, read from each chart's instance (the library draws on
     * a canvas, so its axes are not in the DOM): {@code type}, {@code x} and {@code y} (the tick labels
     * drawn), {@code yTitle}, {@code xRotation} (degrees), {@code values} (the numbers written on the
     * bars) and {@code points} (data points).
     *
     * @param canvases a CSS selector of the charts' canvas elements, in page order
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts(String canvases) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll(arguments[0])].map(canvas => {
                  const chart = Chart.getChart(canvas);
                  if (!chart) return {type: 'none'};
                  return {type: chart.config.type, x: chart.scales.x.ticks.map(t => String(t.label)),
                    y: chart.scales.y.ticks.map(t => String(t.label)), yTitle: chart.options.scales.y.title.text,
                    xRotation: chart.scales.x.labelRotation, values: chart.$barValues || [],
                    points: chart.data.datasets.reduce((n, d) => n + d.data.length, 0)};
                });
                """, canvases);
    }

    /** Whether the page is wider than the window (a reader would have to scroll sideways). */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /** Saves a screenshot of the window as {@code runtime/target/<name>}; its path. */
    Path screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(target) > 10_000, "a real screenshot: " + target);
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
