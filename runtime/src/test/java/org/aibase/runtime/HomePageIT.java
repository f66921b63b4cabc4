package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home page, sign-in and the API description, over the real launcher with the example plugins:
 * what an anonymous caller and a browser get, the OpenAPI document checked against the OpenAPI 3.1
 * schema, and a headless Chromium that signs in, follows every plugin page, opens the API UI and
 * signs out. Screenshots go to {@code runtime/target/home-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The platform's own paths: every one must be described. */
    private static final List<String> PLATFORM_PATHS = List.of("/api/v1/plugins", "/api/v1/plugins/{id}",
            "/api/v1/plugins/{id}/start", "/api/v1/plugins/{id}/stop", "/api/v1/plugins/{id}/config",
            "/api/v1/plugins/{id}/usage", "/api/v1/plugins/{id}/tasks", "/api/v1/plugins/{id}/quarantine", "/api/v1/jobs",
            "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/events", "/api/v1/llm/models", "/api/v1/llm/usage", "/api/v1/deployments",
            "/api/v1/health", "/api/v1/session", "/api/v1/validate", "/metrics");

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private HeadlessChromium chromium;
    private String base;
    private String key;

    @BeforeAll
    void start() throws Exception {
        for (String plugin : List.of("hello.jar", "analytics.jar", "dashboard.jar")) {
            RunningLauncher.deploy(home, plugin);
        }
        launcher = RunningLauncher.ready(home);
        base = launcher.baseUrl();
        key = launcher.credential("admin.api.key");
        new GuardApi(base + "/api/v1", key).awaitSettled(List.of("hello.jar", "analytics.jar", "dashboard.jar"), WAIT);
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
    void anAnonymousBrowserIsSentToSignInAndAnApiCallerGets401() throws Exception {
        HttpResponse<String> page = Http.get(base + "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("/api/v1/ui/home.js"), page.body());
        assertEquals(200, Http.get(base + "/api/v1/ui/home.js").statusCode());

        HttpResponse<String> navigation = Http.send("GET", base + "/api/v1/analytics/ui/?tab=charts", null, null, null,
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(303, navigation.statusCode());
        String location = navigation.headers().firstValue("Location").orElseThrow();
        assertEquals("/?next=/api/v1/analytics/ui/?tab=charts", URLDecoder.decode(location, StandardCharsets.UTF_8));

        for (String path : List.of("/api/v1/analytics/ui/", "/api/v1/openapi.json", "/api/v1/plugins")) {
            HttpResponse<String> call = Http.send("GET", base + path, null, null, null, "Accept", "application/json");
            assertEquals(401, call.statusCode(), path);
            assertEquals("unauthorized", GuardApi.json(call.body()).path("error").path("code").asText(), path);
        }
        // a wrong key is a wrong key, even from a browser: no redirect hides it
        assertEquals(401, Http.send("GET", base + "/api/v1/docs/", "wrong", null, null, "Accept", "text/html").statusCode());

        HttpResponse<String> nothing = Http.get(base + "/favicon.ico");
        assertEquals(404, nothing.statusCode());
        assertEquals("not_found", GuardApi.json(nothing.body()).path("error").path("code").asText());
        assertEquals(404, Http.get(base + "/api/v1/ui/nothing.js").statusCode());
    }

    @Test
    void theApiDescriptionIsOpenApi31AndDescribesEveryPlatformPathAndServedPlugin() throws Exception {
        HttpResponse<String> answer = Http.get(base + "/api/v1/openapi.json", key);
        assertEquals(200, answer.statusCode(), answer.body());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://spec.openapis.org/",
                        "classpath:spec.openapis.org/")));
        Schema openApi31 = registry.getSchema(SchemaLocation.of("https://spec.openapis.org/oas/3.1/schema/2022-10-07"));
        List<Error> errors = openApi31.validate(answer.body(), InputFormat.JSON);
        assertEquals(List.of(), errors, "valid OpenAPI 3.1");
        // the validator must be able to fail: a document without info is not OpenAPI
        assertFalse(openApi31.validate("{\"openapi\":\"3.1.0\",\"paths\":{}}", InputFormat.JSON).isEmpty());

        JsonNode document = GuardApi.json(answer.body());
        assertEquals("3.1.0", document.path("openapi").asText());
        Set<String> paths = new HashSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> missing = new ArrayList<>(PLATFORM_PATHS.stream().filter(p -> !paths.contains(p)).toList());
        assertEquals(List.of(), missing, "every platform path is described: " + paths);
        assertTrue(paths.containsAll(List.of("/api/v1/hello/greeting", "/api/v1/analytics/analyze",
                "/api/v1/dashboard/dashboards/{id}")), paths.toString());
        JsonNode stop = document.path("paths").path("/api/v1/plugins/{id}/stop").path("post");
        assertEquals("admin", stop.path("x-aibase-role").asText());
        assertEquals("public", document.path("paths").path("/api/v1/health").path("get").path("x-aibase-role").asText());
        JsonNode greeting = document.path("paths").path("/api/v1/hello/greeting").path("get");
        assertEquals("hello", greeting.path("x-aibase-plugin").asText());
        assertEquals("user", greeting.path("x-aibase-role").asText());
        assertTrue(greeting.path("parameters").toString().contains("\"name\":\"name\""), greeting.toString());
        assertTrue(document.path("components").path("securitySchemes").has("bearer"));

        JsonNode hello = GuardApi.json(Http.get(base + "/api/v1/hello/openapi.json", key).body());
        Set<String> helloPaths = new HashSet<>();
        hello.path("paths").fieldNames().forEachRemaining(helloPaths::add);
        assertEquals(Set.of("/api/v1/hello/greeting"), helloPaths);
        assertEquals(List.of(), openApi31.validate(hello.toString(), InputFormat.JSON));
        HttpResponse<String> none = Http.get(base + "/api/v1/nobody/openapi.json", key);
        assertEquals(404, none.statusCode());
        assertEquals("not_found", GuardApi.json(none.body()).path("error").path("code").asText());
    }

    @Test
    void aBrowserSignsInFollowsEveryPageOpensTheApiUiAndSignsOut() throws Exception {
        chromium = HeadlessChromium.open(home, "1400,1000");
        WebDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        // a page opened without a session comes back after sign-in
        browser.get(base + "/api/v1/analytics/ui/");
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        assertTrue(browser.getCurrentUrl().contains("/?next="), browser.getCurrentUrl());
        screenshot(browser, "home-sign-in");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/api/v1/analytics/ui/"));

        browser.get(base + "/");
        wait.until(d -> d.findElements(By.cssSelector("#plugins tbody tr")).size() == 3);
        assertTrue(browser.findElement(By.id("who")).getText().contains("admin"));
        screenshot(browser, "home-plugins");
        List<String> pages = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("#plugins tbody td:nth-child(4) a"))) {
            pages.add(link.getAttribute("href"));
        }
        assertEquals(List.of(base + "/api/v1/analytics/ui/", base + "/api/v1/dashboard/ui/"), pages);
        for (String page : pages) {
            browser.get(page);
            wait.until(d -> d.getCurrentUrl().equals(page) && !d.getTitle().isEmpty()
                    && !d.findElements(By.tagName("main")).isEmpty());
            screenshot(browser, "home-page-" + page.replaceAll(".*/api/v1/([a-z]+)/.*", "$1"));
        }

        browser.get(base + "/api/v1/docs/?plugin=hello");
        wait.until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .anyMatch(e -> e.getText().replace("\u200b", "").equals("/api/v1/hello/greeting")));
        browser.get(base + "/api/v1/docs/");
        wait.until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() > PLATFORM_PATHS.size());
        screenshot(browser, "home-api-docs");
        // "Try it out" sends what a POST with the session needs: the session's CSRF token
        Object sent = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/session').then(r => r.json()).then(session => {
                  const request = window.ui.getConfigs().requestInterceptor({ method: 'POST', headers: {} });
                  done(request.headers['X-CSRF-Token'] === session.csrf_token && session.csrf_token.length > 20);
                });
                """);
        assertEquals(Boolean.TRUE, sent, "the API UI sends the session's CSRF token");

        browser.get(base + "/");
        wait.until(d -> d.findElement(By.id("sign-out")).isDisplayed());
        browser.findElement(By.id("sign-out")).click();
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        browser.get(base + "/api/v1/dashboard/ui/");
        wait.until(d -> d.getCurrentUrl().contains("/?next="));

        // a foreign place to continue is refused, and sign-in stays home
        browser.get(base + "/?next=https://example.org/steal");
        wait.until(d -> d.findElement(By.id("notice")).isDisplayed());
        assertTrue(browser.findElement(By.id("notice")).getText().contains("outside this server"));
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> d.findElement(By.id("home")).isDisplayed());
        assertTrue(browser.getCurrentUrl().startsWith(base + "/"), browser.getCurrentUrl());
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
