package org.aibase.runtime;

import static org.aibase.runtime.AnalyticsGolden.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analytics page ({@code /api/v1/analytics/ui/}) in a real headless Chromium against the running
 * launcher: sign in once with the platform's session cookie (the page reads its role and CSRF token
 * from {@code GET /api/v1/session}), upload the golden CSV, watch the job complete in the polled list,
 * open it, and find pandas' numbers in the statistics table, the quality as percentages, and the
 * charts drawn by Chart.js with their axes and counts. A screenshot is saved as
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
                // the page has no sign-in of its own: the browser signs in once (POST /api/v1/session sets the
                // HttpOnly cookie), and the page reads its role and CSRF token from GET /api/v1/session
                assertEquals("user", chromium.signIn(launcher.baseUrl(), USER));
                assertTrue(browser.manage().getCookieNamed("aibase_session") != null, "the session cookie is set");
                browser.get(api + "/analytics/ui/");
                wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "signed in as user"));
                assertEquals(launcher.baseUrl() + "/", browser.findElement(By.linkText("Home")).getDomProperty("href"));

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
                String quality = browser.findElement(By.id("quality")).getText();
                assertTrue(quality.startsWith("Quality 99.7 % (excellent) — completeness 99.4 %, uniqueness 100 %"), quality);

                // 3 histograms and 2 top-value charts on canvas, read from their Chart.js instances: a titled count
                // axis with ticks, a label under every bar, and each bar's count written on it
                List<Map<String, Object>> charts = wait.until(d -> {
                    List<Map<String, Object>> drawn = chromium.charts("#charts canvas");
                    return drawn.size() == 5 && drawn.stream().noneMatch(c -> ((List<?>) c.get("values")).isEmpty()) ? drawn : null;
                });
                for (Map<String, Object> chart : charts) {
                    assertEquals("bar", chart.get("type"), chart.toString());
                    assertEquals("rows", chart.get("yTitle"), chart.toString());
                    assertTrue(((List<?>) chart.get("y")).size() >= 3, "a count axis with ticks: " + chart);
                    assertTrue(((List<?>) chart.get("y")).contains("0"), "the count axis starts at 0: " + chart);
                    assertTrue(((Number) chart.get("xRotation")).doubleValue() <= 45, "labels at most 45° steep: " + chart);
                }
                assertEquals(20, ((Number) charts.get(0).get("points")).intValue(), "20 bins");
                assertEquals(20, ((List<?>) charts.get(0).get("values")).size(), "a count on every bin");
                assertTrue(((List<?>) charts.get(0).get("x")).stream().allMatch(l -> String.valueOf(l).contains("–")),
                        "bins labelled by their range: " + charts.get(0));
                assertEquals(10, ((Number) charts.get(4).get("points")).intValue(), "top 10 values");
                List<?> counts = (List<?>) charts.get(4).get("values");
                assertTrue(counts.stream().allMatch(c -> String.valueOf(c).matches("[\\d,]+")), counts.toString());
                assertEquals(10, ((List<?>) charts.get(4).get("x")).size(), "every top value named: " + charts.get(4));

                // the insights are lists, never raw JSON, and nothing makes the page scroll sideways
                String insights = browser.findElement(By.id("insights")).getText();
                assertFalse(insights.isBlank() || insights.strip().startsWith("{") || insights.contains("\":"), insights);
                assertTrue(browser.findElements(By.cssSelector("#insights pre")).isEmpty(), "no preformatted JSON");
                assertFalse(chromium.scrollsSideways(), "the page fits the window");

                System.out.println("screenshot: " + chromium.screenshot("analytics-page.png").toAbsolutePath());
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
