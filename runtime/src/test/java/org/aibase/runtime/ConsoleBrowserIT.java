package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in a real headless Chromium, as an operator uses it: sign in, see hello ACTIVE,
 * stop and start it with the buttons, upload a bad JAR and read its report. Leaves a screenshot in
 * {@code runtime/target/console-page.png}.
 *
 * <p>Uses the system's Chromium and chromedriver (Debian {@code chromium}, {@code chromium-driver};
 * {@code .ci/run} installs them), with the driver's path given so nothing is downloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private WebDriver browser;
    private HeadlessChromium chromium;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        chromium = HeadlessChromium.open(home, "1600,1200");
        browser = chromium.driver();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (launcher != null) {
                launcher.terminate(Duration.ofSeconds(15));
                launcher.close();
            }
        }
    }

    @Test
    void operatorStopsStartsAndUploadsFromThePage() throws Exception {
        String base = launcher.baseUrl();
        String user = launcher.credential("console.username");
        String password = launcher.credential("console.password");
        // HTTP Basic, as the console asks for it: credentials in the first URL sign the browser in for the realm
        browser.get(base.replace("http://", "http://" + user + ":" + password + "@") + "/system/console/aibase/data.json");
        browser.get(base + "/system/console/aibase");
        // the table is replaced on every refresh: elements found in it may go stale, so look again
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plugin-hello")));
        assertTrue(browser.getTitle().contains("AI Plugins"), browser.getTitle());
        wait.until(d -> d.findElement(By.cssSelector("#plugin-hello td.aibase-state")).getText().startsWith("ACTIVE"));
        assertEquals("active", wait.until(d -> d.findElement(By.id("plugin-hello")).getDomAttribute("data-state")));

        browser.findElement(By.id("stop-hello")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("plugin-hello"), "data-state", "stopped"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("aibase-message"), "STOPPED"));
        wait.until(d -> d.findElement(By.cssSelector("#plugin-hello td.aibase-state")).getText().startsWith("STOPPED"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-hello"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("plugin-hello"), "data-state", "active"));
        wait.until(d -> d.findElement(By.cssSelector("#plugin-hello td.aibase-state")).getText().startsWith("ACTIVE"));

        Path bad = Files.writeString(home.resolve("broken-plugin.jar"), "this is not a zip file");
        browser.findElement(By.id("aibase-jar")).sendKeys(bad.toString());
        browser.findElement(By.id("aibase-upload")).click();
        WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aibase-report")));
        assertTrue(report.getText().contains("broken-plugin.jar"), report.getText());
        assertTrue(report.getText().contains("is not a readable JAR"), report.getText());
        assertTrue(browser.findElement(By.id("aibase-message")).getText().contains("refused"),
                browser.findElement(By.id("aibase-message")).getText());

        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "console-page.png");
        Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a real screenshot");
    }
}
