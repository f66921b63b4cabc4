package org.aibase.rest.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;

/**
 * A plugin's web page: the files in its bundle's {@code ui/} folder, served by the host at
 * {@code /api/v1/<id>/ui/} ({@code index.html} for the folder itself) with their content type and
 * the same security headers for every plugin. No plugin code runs for them.
 */
final class StaticPages {

    /** The folder in a plugin's JAR, and the path segment it is served at. */
    static final String FOLDER = "ui";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"));

    private StaticPages() {
    }

    /**
     * The bundle entry a request path names, if it is a file of the plugin's page: {@code /ui/} and
     * {@code /ui} name {@code ui/index.html}; names with {@code ..}, {@code .} or empty segments
     * name nothing (they are never a page file).
     *
     * @param pathInfo the path below {@code /api/v1/<id>}, e.g. {@code /ui/app.js}
     */
    static Optional<URL> file(Bundle bundle, String pathInfo) {
        return file(bundle, FOLDER, pathInfo);
    }

    /** The same for another folder of the bundle, served at {@code /<folder>/}. */
    static Optional<URL> file(Bundle bundle, String folder, String pathInfo) {
        if (pathInfo == null || !(pathInfo.equals("/" + folder) || pathInfo.startsWith("/" + folder + "/"))) {
            return Optional.empty();
        }
        String relative = pathInfo.substring(folder.length() + 1);
        String name = relative.isEmpty() || relative.equals("/") ? "/index.html" : relative;
        for (String segment : name.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(bundle.getEntry(folder + name));
        } catch (IllegalStateException e) {
            return Optional.empty(); // uninstalled meanwhile
        }
    }

    /** Writes the file with its type, or 404 in the platform's shape when it cannot be read. */
    static void serve(URL file, boolean head, HttpServletResponse response) throws IOException {
        String path = file.getPath();
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] bytes;
        try (InputStream in = file.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            ErrorAnswers.write(response, 404, "not_found", "The page file cannot be read", Map.of());
            return;
        }
        response.setStatus(200);
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        response.setContentLength(bytes.length);
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }
}
