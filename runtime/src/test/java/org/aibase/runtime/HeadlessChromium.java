package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
