package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium: a dashboard created through the API, traffic
 * generated, the page signed in with the platform's session cookie; its widgets render with data and
 * update from the event stream. Leaves a screenshot in {@code runtime/target/dashboard-page.png}.
 * Uses the system's Chromium and chromedriver, so nothing is downloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private WebDriver browser;
    private HeadlessChromium chromium;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.metrics.cfg"), "interval.seconds=1\n");
        RunningLauncher.deploy(home, "hello.jar");
        RunningLauncher.deploy(home, "dashboard.jar");
        launcher = RunningLauncher.ready(home);
        chromium = HeadlessChromium.open(home, "1400,1000");
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
    void widgetsRenderWithDataAndUpdateLive() throws Exception {
        String base = launcher.baseUrl();
        String key = launcher.credential("admin.api.key");
        new GuardApi(base + "/api/v1", key).awaitSettled(List.of("hello.jar", "dashboard.jar"), Duration.ofSeconds(60));
        HttpResponse<String> created = Http.send("POST", base + "/api/v1/plugins/dashboard/tasks", key, "application/json",
                BodyPublishers.ofString("""
                        {"type":"create_dashboard","config":{"name":"Browser","time_range":"15m","widgets":[
                          {"type":"line","data_source":"requests","plugin":"hello","title":"Hello requests"},
                          {"type":"bar","data_source":"cpu_ms"},
                          {"type":"stat","data_source":"heap_used_bytes","title":"Heap"},
                          {"type":"gauge","data_source":"threads"}]}}"""));
        long id = GuardApi.json(created.body()).path("data").path("dashboard_id").asLong();
        assertTrue(id > 0, created.body());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Browser", key).statusCode());
        }
        Thread.sleep(2500); // samples after the traffic

        // sign in as a page does: POST /api/v1/session sets the HttpOnly session cookie for the origin
        browser.get(base + "/api/v1/health");
        Object role = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/session', {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({key: arguments[0]})}).then(r => r.json()).then(j => done(j.role), e => done(String(e)));
                """, key);
        assertEquals("admin", role);
        browser.get(base + "/api/v1/dashboard/ui/?dashboard=" + id);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElements(By.cssSelector("#widgets section.widget")).size() == 4);
        // the widgets are rebuilt at every live event: read each one inside the wait, which retries stale ones
        String line = wait.until(d -> {
            WebElement first = d.findElements(By.cssSelector("#widgets section.widget")).get(0);
            return Integer.parseInt(first.getDomAttribute("data-points")) > 0
                    && !first.findElements(By.cssSelector("svg polyline")).isEmpty() ? first.getText() : null;
        });
        assertTrue(line.contains("Hello requests (hello)"), line);
        String heap = wait.until(d -> d.findElements(By.cssSelector("#widgets section.widget")).get(2).getText());
        assertTrue(heap.contains("Heap") && heap.matches("(?s).*\\d.*"), heap);

        String firstRender = wait.until(d -> d.findElement(By.id("widgets")).getDomAttribute("data-rendered"));
        String liveRender = wait.until(d -> {
            String now = d.findElement(By.id("widgets")).getDomAttribute("data-rendered");
            return now != null && !now.equals(firstRender) ? now : null;
        });
        assertNotEquals(firstRender, liveRender);
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("live"));

        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard-page.png");
        Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a real screenshot");
    }
}
