package org.aibase.runtime;

import static org.aibase.runtime.AnalyticsGolden.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analytics page ({@code /api/v1/analytics/ui/}) in a real headless Chromium against the running
 * launcher: sign in (the platform's session cookie, then the page's own sign-in for the session's
 * CSRF token), upload the
 * golden CSV, watch the job complete in the polled list, open it, and find pandas' numbers in the
 * statistics table and the charts drawn as SVG. A screenshot is saved as
 * {@code runtime/target/analytics-page.png}.
 *
 * <p>Uses the system's Chromium and chromedriver (Debian {@code chromium}, {@code chromium-driver}),
 * with the driver's path given so nothing is downloaded.
 */
class AnalyticsBrowserIT {

    @TempDir
    Path work;

    @Test
    void uploadACsvAndReadItsStatisticsAndCharts() throws Exception {
        Path home = AnalyticsGolden.home(work, "browser");
        Path csv = Files.write(work.resolve("golden-sales.csv"), AnalyticsGolden.resource("dataset.csv"));
        JsonNode expected = AnalyticsGolden.expected().path("statistics");


        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            AnalyticsGolden.awaitServing(api);
            HeadlessChromium chromium = HeadlessChromium.open(work, "1400,2400");
            WebDriver browser = chromium.driver();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
                // the page itself needs a session: sign in as a browser does, POST /api/v1/session from the
                // same origin (a public URL of it), which sets the HttpOnly session cookie
                browser.get(api + "/health");
                Object signIn = ((JavascriptExecutor) browser).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/session', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({key: arguments[0]})}).then(r => done(r.status), e => done(String(e)));", USER);
                assertEquals(200L, signIn, "signed in");
                assertTrue(browser.manage().getCookieNamed("aibase_session") != null, "the session cookie is set");

                // the cookie reads; uploading also needs the session's CSRF token, which this tab does not
                // have yet: the page asks for the key once and keeps the token
                browser.get(api + "/analytics/ui/");
                WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin input[name=key]")));
                key.sendKeys(USER);
                browser.findElement(By.cssSelector("#signin button")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload input[type=file]")));

                browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(csv.toString());
                browser.findElement(By.cssSelector("#upload input[name=name]")).sendKeys("golden sales");
                browser.findElement(By.cssSelector("#upload button")).click();
                wait.until(ExpectedConditions.textMatches(By.id("upload-status"), java.util.regex.Pattern.compile("queued as")));

                // the list is polled: wait for the job's Open button, which appears once it completed
                By open = By.xpath("//table[@id='jobs']//tr[td[1][text()='golden sales'] and td[2][text()='completed']]//button");
                wait.until(ExpectedConditions.elementToBeClickable(open)).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#numeric tbody tr")));

                assertTrue(browser.findElement(By.id("result-title")).getText().contains("2000 rows × 10 columns"),
                        browser.findElement(By.id("result-title")).getText());
                Map<String, List<String>> numeric = rows(browser, "#numeric tbody tr");
                assertEquals(7, numeric.size(), numeric.toString());
                for (String column : numeric.keySet()) {
                    JsonNode n = expected.path("numeric_columns").path(column);
                    List<String> cells = numeric.get(column);
                    // Column, Type, Missing, Mean, Median, Std, Min, 25%, 75%, Max — shown to 6 significant digits
                    assertEquals(expected.path("data_types").path(column).asText(), cells.get(1), column);
                    assertEquals(expected.path("missing_values").path(column).asText(), cells.get(2), column);
                    assertEquals(shown(n.path("mean").asDouble()), cells.get(3), column + " mean");
                    assertEquals(shown(n.path("std").asDouble()), cells.get(5), column + " std");
                    assertEquals(shown(n.path("quartiles").path("0.75").asDouble()), cells.get(8), column + " 75%");
                }
                Map<String, List<String>> categorical = rows(browser, "#categorical tbody tr");
                assertEquals(expected.path("categorical_columns").path("category").path("unique_count").asText(),
                        categorical.get("category").get(2));
                assertEquals(expected.path("categorical_columns").path("customer").path("mode").asText(),
                        categorical.get("customer").get(3));
                assertTrue(browser.findElement(By.id("quality")).getText().contains("0.997"), browser.findElement(By.id("quality")).getText());

                // 3 histograms and 2 bar charts, drawn as SVG with one rect per bar
                List<WebElement> charts = browser.findElements(By.cssSelector("#charts svg"));
                assertEquals(5, charts.size(), "3 histograms and 2 top-value charts");
                assertEquals(20, charts.get(0).findElements(By.tagName("rect")).size(), "20 bins");
                assertEquals(10, charts.get(4).findElements(By.tagName("rect")).size(), "top 10 values");
                for (WebElement chart : charts) {
                    assertTrue(chart.getSize().getHeight() > 100 && chart.getSize().getWidth() > 100, "rendered with a size");
                }

                Path shot = Path.of("target", "analytics-page.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                System.out.println("screenshot: " + shot.toAbsolutePath());
            } finally {
                chromium.close();
            }
        }
    }

    /** The page's number format: integers as they are, others as JavaScript's toPrecision(6) (values below 1e6). */
    static String shown(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(v);
        int magnitude = exact.precision() - exact.scale() - 1; // the exponent of the leading digit
        return exact.setScale(5 - magnitude, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, List<String>> rows(WebDriver browser, String selector) {
        Map<String, List<String>> rows = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector(selector))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }
}
