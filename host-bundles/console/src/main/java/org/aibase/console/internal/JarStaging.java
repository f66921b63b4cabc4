package org.aibase.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams an uploaded JAR (the request body) to a staging file and stops at the size limit, so an
 * oversized upload fills neither the disk nor the heap. The staging folder lives in the bundle's
 * data area under the runtime's home, like the deploy folder, so the registry can move it there.
 */
final class JarStaging {

    static final Set<String> CONTENT_TYPES = Set.of("application/java-archive", "application/octet-stream");

    /** A plain JAR file name as the browser sends it; anything else is staged as {@code upload.jar}. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.jar");

    /** A staged file in a folder of its own (so reports name the uploaded file), deleted on close unless moved. */
    record StagedJar(Path path) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        }
    }

    private final Path folder;
    private final long maxBytes;

    JarStaging(Path folder, long maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max.upload.bytes of " + AiPluginsPage.PID + " must be at least 1, not "
                    + maxBytes);
        }
        this.folder = Files.createDirectories(folder);
        this.maxBytes = maxBytes;
    }

    /**
     * Stages a request body.
     *
     * @throws ActionException 415 for another content type, 413 past the limit, 400 for an empty body
     */
    StagedJar stage(String fileName, String contentType, long declaredLength, InputStream body) throws IOException {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            throw new ActionException(415, "unsupported_media_type", "Send the JAR as the body with Content-Type "
                    + "application/java-archive or application/octet-stream" + (type.isEmpty() ? "" : ", not " + type),
                    Map.of("accepted", CONTENT_TYPES.stream().sorted().toList()));
        }
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        String name = fileName != null && FILE_NAME.matcher(fileName).matches() ? fileName : "upload.jar";
        StagedJar jar = new StagedJar(Files.createTempDirectory(folder, "upload-").resolve(name));
        try (OutputStream out = Files.newOutputStream(jar.path())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0;) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ActionException(400, "empty_body", "The request has no body: send the plugin JAR", Map.of());
            }
        } catch (IOException | RuntimeException e) {
            jar.close();
            throw e;
        }
        return jar;
    }

    private ActionException tooLarge() {
        return new ActionException(413, "payload_too_large", "The upload exceeds the limit of " + Figures.bytes(maxBytes)
                + " (max.upload.bytes of " + AiPluginsPage.PID + ")", Map.of("limit_bytes", maxBytes));
    }
}
