package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium, signed in with the platform's session cookie: a
 * dashboard created through the API draws its widgets with axes and units and updates from the event
 * stream; the editor creates, edits and deletes a dashboard (checked through the REST API) and shows
 * the API's validation problems at their fields; without a session the page sends the browser to sign
 * in. Leaves screenshots in {@code runtime/target/dashboard-page.png} and {@code dashboard-editor.png}.
 * Uses the system's Chromium and chromedriver, so nothing is downloaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final String PAGE = "/api/v1/dashboard/ui/";

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private WebDriver browser;
    private HeadlessChromium chromium;
    private String base;
    private String key;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.metrics.cfg"), "interval.seconds=1\n");
        RunningLauncher.deploy(home, "hello.jar");
        RunningLauncher.deploy(home, "dashboard.jar");
        launcher = RunningLauncher.ready(home);
        chromium = HeadlessChromium.open(home, "1400,1000");
        browser = chromium.driver();
        base = launcher.baseUrl();
        key = launcher.credential("admin.api.key");
        new GuardApi(base + "/api/v1", key).awaitSettled(List.of("hello.jar", "dashboard.jar"), Duration.ofSeconds(60));
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
    void aPageWhoseSessionEndedSendsTheBrowserToSignInAndBack() throws Exception {
        assertEquals("admin", chromium.signIn(base, key));
        browser.get(base + PAGE);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "signed in as admin"));
        // started: the dashboards are listed (and the first one drawn) or there are none
        wait.until(d -> d.findElement(By.id("widgets")).getDomAttribute("data-rendered") != null
                || d.findElement(By.id("status")).getText().startsWith("no dashboards"));
        // the session ends (as at its idle timeout); the page's next request answers 401
        browser.manage().deleteCookieNamed("aibase_session");
        try {
            browser.findElement(By.id("new-dashboard")).click();
            browser.findElement(By.cssSelector("#editor-form input[name=name]")).sendKeys("Never saved");
            browser.findElement(By.id("save-dashboard")).click();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            // the page's live stream met the ended session first and has already left: the same outcome
        }
        // back to this page after signing in: its path (and the dashboard it shows, if any) in next
        String signIn = wait.until(d -> d.getCurrentUrl().startsWith(base + "/?next=") ? d.getCurrentUrl() : null);
        String next = URLDecoder.decode(URI.create(signIn).getRawQuery().substring("next=".length()), StandardCharsets.UTF_8);
        assertTrue(next.equals(PAGE) || next.matches(Pattern.quote(PAGE) + "\\?dashboard=\\d+"), next);
    }

    @Test
    void widgetsDrawAxesAndUnitsAndUpdateLive() throws Exception {
        HttpResponse<String> created = Http.send("POST", base + "/api/v1/plugins/dashboard/tasks", key, "application/json",
                BodyPublishers.ofString("""
                        {"type":"create_dashboard","config":{"name":"Browser","time_range":"15m","widgets":[
                          {"type":"line","data_source":"requests","plugin":"hello","title":"Hello requests"},
                          {"type":"line","data_source":"heap_used_bytes","title":"Heap over time"},
                          {"type":"stat","data_source":"heap_used_bytes","title":"Heap"},
                          {"type":"gauge","data_source":"cpu_load"}]}}"""));
        long id = GuardApi.json(created.body()).path("data").path("dashboard_id").asLong();
        assertTrue(id > 0, created.body());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Browser", key).statusCode());
        }
        Thread.sleep(2500); // samples after the traffic

        assertEquals("admin", chromium.signIn(base, key));
        browser.get(base + PAGE + "?dashboard=" + id);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElements(By.cssSelector("#widgets section.widget")).size() == 4);
        assertEquals("signed in as admin", browser.findElement(By.id("signed-in")).getText());
        assertEquals(base + "/", browser.findElement(By.linkText("Home")).getDomProperty("href"));

        // charts are drawn on canvas: their axes are read from the Chart.js instances
        List<Map<String, Object>> charts = wait.until(d -> {
            List<Map<String, Object>> now = chromium.charts("#widgets canvas");
            return now.size() == 2 && ((Number) now.get(0).get("points")).intValue() > 0 ? now : null;
        });
        Map<String, Object> requests = charts.get(0);
        assertEquals("line", requests.get("type"));
        assertTrue(String.valueOf(requests.get("yTitle")).startsWith("requests"), requests.toString());
        assertTrue(((List<?>) requests.get("y")).size() >= 2, "a value axis with ticks: " + requests);
        assertTrue(((List<?>) requests.get("x")).stream().allMatch(t -> String.valueOf(t).matches("\\d{1,2}:\\d{2}( [AP]M)?")),
                "a time axis in local clock time: " + requests);
        Map<String, Object> heapLine = charts.get(1);
        assertTrue(((List<?>) heapLine.get("y")).stream().anyMatch(t -> String.valueOf(t).endsWith(" MiB")),
                "bytes on the axis as MiB: " + heapLine);
        String heap = wait.until(d -> d.findElements(By.cssSelector("#widgets section.widget")).get(2).getText());
        assertTrue(heap.matches("(?s).*Heap.*\\n[\\d.,]+ MiB"), "heap in MiB, not bytes: " + heap);
        String cpu = wait.until(d -> d.findElements(By.cssSelector("#widgets section.widget")).get(3).getText());
        assertTrue(cpu.matches("(?s).*\\n[\\d.,]+ %"), "CPU load as a percentage: " + cpu);
        assertFalse(chromium.scrollsSideways(), "the page fits the window");

        String firstRender = wait.until(d -> d.findElement(By.id("widgets")).getDomAttribute("data-rendered"));
        String liveRender = wait.until(d -> {
            String now = d.findElement(By.id("widgets")).getDomAttribute("data-rendered");
            return now != null && !now.equals(firstRender) ? now : null;
        });
        assertNotEquals(firstRender, liveRender);
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("live"));
        chromium.screenshot("dashboard-page.png");
    }

    @Test
    void theEditorCreatesEditsAndDeletesADashboard() throws Exception {
        assertEquals("admin", chromium.signIn(base, key));
        browser.get(base + PAGE);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-dashboard"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-form")));

        // what the API refuses is shown next to the field it names
        WebElement name = browser.findElement(By.cssSelector("#editor-form input[name=name]"));
        name.sendKeys("   ");
        widgetField(1, "plugin").sendKeys("Not A Plugin");
        browser.findElement(By.id("save-dashboard")).click();
        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for='name']")));
        assertTrue(nameError.getText().contains("1 to 100 characters"), nameError.getText());
        String pluginError = browser.findElement(By.cssSelector("[data-error-for='widgets[0].plugin']")).getText();
        assertTrue(pluginError.contains("must be a plugin id"), pluginError);
        assertEquals("true", widgetField(1, "plugin").getDomAttribute("aria-invalid"));
        chromium.screenshot("dashboard-editor.png");

        name.clear();
        name.sendKeys("Made in the editor");
        widgetField(1, "plugin").clear();
        new Select(widgetField(1, "type")).selectByValue("histogram");
        new Select(widgetField(1, "data_source")).selectByValue("threads");
        browser.findElement(By.id("add-widget")).click();
        new Select(widgetField(2, "type")).selectByValue("stat");
        new Select(widgetField(2, "data_source")).selectByValue("heap_used_bytes");
        widgetField(2, "title").sendKeys("Heap now");
        browser.findElement(By.id("save-dashboard")).click();
        savedOrProblems();

        JsonNode made = dashboardNamed("Made in the editor");
        long id = made.path("id").asLong();
        assertEquals(2, made.path("widgets").size(), made.toString());
        assertEquals("histogram", made.path("widgets").get(0).path("type").asText());
        assertEquals("threads", made.path("widgets").get(0).path("data_source").asText());
        assertEquals("Heap now", made.path("widgets").get(1).path("title").asText());
        wait.until(d -> new Select(d.findElement(By.id("dashboard"))).getFirstSelectedOption().getText().equals("Made in the editor"));
        // the histogram counts how often each range of values was sampled, the count written on each bar
        Map<String, Object> histogram = wait.until(d -> {
            List<Map<String, Object>> now = chromium.charts("#widgets canvas");
            return now.size() == 1 && !((List<?>) now.get(0).get("values")).isEmpty() ? now.get(0) : null;
        });
        assertEquals("bar", histogram.get("type"));
        assertEquals("samples", histogram.get("yTitle"));
        assertTrue(((List<?>) histogram.get("values")).stream().allMatch(v -> String.valueOf(v).matches("[\\d,]+")), histogram.toString());

        browser.findElement(By.id("edit-dashboard")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-form")));
        name = browser.findElement(By.cssSelector("#editor-form input[name=name]"));
        assertEquals("Made in the editor", name.getDomProperty("value"));
        name.clear();
        name.sendKeys("Edited in the editor");
        browser.findElements(By.cssSelector("#editor-widgets .remove-widget")).get(1).click();
        new Select(widgetField(1, "type")).selectByValue("line");
        new Select(widgetField(1, "data_source")).selectByValue("heap_used_bytes");
        browser.findElement(By.id("save-dashboard")).click();
        savedOrProblems();

        JsonNode edited = GuardApi.json(Http.get(base + "/api/v1/dashboard/dashboards/" + id, key).body());
        assertEquals("Edited in the editor", edited.path("name").asText(), edited.toString());
        assertEquals(1, edited.path("widgets").size(), edited.toString());
        assertEquals("line", edited.path("widgets").get(0).path("type").asText());
        assertEquals("heap_used_bytes", edited.path("widgets").get(0).path("data_source").asText());

        browser.findElement(By.id("delete-dashboard")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        // gone from the page's list (its status line says so only until the next live event)
        wait.until(d -> d.findElements(By.cssSelector("#dashboard option[value='" + id + "']")).isEmpty());
        assertEquals(404, Http.get(base + "/api/v1/dashboard/dashboards/" + id, key).statusCode());
    }

    /** Waits for the editor to close after a save; the problems it shows otherwise are the failure's message. */
    private void savedOrProblems() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "not saved: " + browser.findElements(By.cssSelector("#editor .field-error")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList())
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor")));
    }

    /** A field of the n-th widget row (from 1) of the editor. */
    private WebElement widgetField(int row, String name) {
        return browser.findElement(By.cssSelector("#editor-widgets > li:nth-child(" + row + ") [name='" + name + "']"));
    }

    private JsonNode dashboardNamed(String name) throws Exception {
        JsonNode list = GuardApi.json(Http.get(base + "/api/v1/dashboard/dashboards", key).body());
        for (JsonNode item : list.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no dashboard named " + name + " in " + list);
    }
}
