package org.aibase.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Web Console page {@code /system/console/aibase} as a signed-in operator's browser reaches it:
 * HTTP Basic with the console credentials of {@code data/credentials.properties}, and the page's
 * token on every action.
 */
final class ConsoleClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern TOKEN = Pattern.compile("data-token=\"([^\"]+)\"");

    private final String page;
    private final String authorization;

    ConsoleClient(String baseUrl, String user, String password) {
        this.page = baseUrl + "/system/console/aibase";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in with the credentials the launcher generated. */
    static ConsoleClient of(RunningLauncher launcher) throws IOException {
        return new ConsoleClient(launcher.baseUrl(), launcher.credential("console.username"),
                launcher.credential("console.password"));
    }

    String pageUrl() {
        return page;
    }

    /** GET of the page ({@code ""}) or below it, e.g. {@code /data.json}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token the page carries for this user. */
    String token() throws IOException, InterruptedException {
        HttpResponse<String> html = get("");
        Matcher matcher = TOKEN.matcher(html.body());
        if (html.statusCode() != 200 || !matcher.find()) {
            throw new AssertionError("no token on the page: " + html.statusCode() + "\n" + html.body());
        }
        return matcher.group(1);
    }

    /** A POST as the page's script sends it: with the token (none when null) and optional extra headers. */
    HttpResponse<String> post(String path, String token, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("X-AIBase-Token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of any console page, e.g. {@code /config/configuration-status.txt}. */
    HttpResponse<String> consoleGet(String path) throws IOException, InterruptedException {
        return consoleGet(path, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> consoleGet(String path, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(page.substring(0, page.lastIndexOf('/')) + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).GET().build(), body);
    }

    /**
     * The console's pages and dumps that show any of the secrets: the status dump as text and as the
     * zip of every printer (text and JSON), and every service's properties on the Services page.
     */
    List<String> pagesShowing(String... secrets) throws IOException, InterruptedException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("configuration-status.txt", consoleGet("/config/configuration-status.txt").body());
        byte[] zip = consoleGet("/config/configuration-status.zip", HttpResponse.BodyHandlers.ofByteArray()).body();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                pages.put("configuration-status.zip!" + entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (pages.size() < 5) {
            throw new AssertionError("the status zip holds no printers: " + pages.keySet());
        }
        Matcher ids = Pattern.compile("\"id\":\"?(\\d+)").matcher(consoleGet("/services.json").body());
        while (ids.find()) {
            String service = "/services/" + ids.group(1) + ".json";
            pages.put(service, consoleGet(service).body());
        }
        return pages.entrySet().stream()
                .filter(page -> Arrays.stream(secrets).anyMatch(page.getValue()::contains))
                .map(Map.Entry::getKey).toList();
    }

    /** A form POST to any console page, e.g. {@code /bundles/74} (Felix's own), with optional extra headers. */
    HttpResponse<String> consoleForm(String path, String form, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page.substring(0, page.lastIndexOf('/')) + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(page + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }
}
