package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in a real headless Chromium, as an operator uses it: sign in, see hello ACTIVE with
 * its limits in words and units, a refused request counted apart from errors and deployment times in
 * local time; stop and start it with the buttons, upload a bad JAR and read its report, said once. Leaves a screenshot in
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

        // a caller's bad request (404) is a refusal, not an error of the plugin
        String key = launcher.credential("admin.api.key");
        assertEquals(404, Http.get(base + "/api/v1/hello/no-such-resource", key).statusCode());
        assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Console", key).statusCode());
        wait.until(d -> d.findElement(By.cssSelector("#plugin-hello .aibase-usage-refused")).getText()
                .matches("Refused \\(4xx\\): (.*, )?[1-9]\\d* total \\(.*"));
        String errors = browser.findElement(By.cssSelector("#plugin-hello .aibase-usage-errors")).getText();
        assertTrue(errors.matches("Errors \\(5xx\\): (.*, )?0 total \\(0\\.0 %\\)"), errors);
        String limits = browser.findElement(By.cssSelector("#plugin-hello td.aibase-limits")).getText();
        assertTrue(limits.contains("Timeout: ") && !limits.contains("_ms") && !limits.contains("_bytes"), limits);
        // deployment times: the reader's local time, to the second; the UTC time is the tooltip
        WebElement deployed = browser.findElement(By.cssSelector("#aibase-deployments time"));
        assertFalse(deployed.getText().matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), deployed.getText());
        assertTrue(deployed.getDomAttribute("title").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"),
                deployed.getDomAttribute("title"));
        assertTrue(deployed.getDomAttribute("datetime").matches("[-\\d]+T[\\d:]+Z"), "no fraction of a second");

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
        String message = browser.findElement(By.id("aibase-message")).getText();
        assertTrue(message.contains("refused"), message);
        assertEquals(message.indexOf("is not a readable JAR"), message.lastIndexOf("is not a readable JAR"),
                "the reason once: " + message);

        chromium.screenshot("console-page.png");
    }
}
