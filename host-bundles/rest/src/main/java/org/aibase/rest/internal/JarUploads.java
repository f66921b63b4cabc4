package org.aibase.rest.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Receives a plugin JAR sent as the request body ({@code POST /plugins}, {@code POST /validate}):
 * checks the content type, streams it to a staging file and stops at the size limit, so an
 * oversized or endless upload neither fills the disk nor the heap.
 *
 * <p>Staging happens in the bundle's data area, which lives under the runtime's home like the
 * deploy folder: the registry can then move the file there atomically.
 */
@Component(service = JarUploads.class, configurationPid = JarUploads.PID)
@Designate(ocd = JarUploads.Settings.class)
public final class JarUploads {

    static final String PID = "org.aibase.rest.uploads";
    static final Set<String> CONTENT_TYPES = Set.of("application/java-archive", "application/octet-stream");

    @ObjectClassDefinition(name = "AI Base plugin uploads", description = "Plugin JARs sent to the HTTP API")
    @interface Settings {
        @AttributeDefinition(name = "Maximum size", min = "1", description = "Bytes an uploaded JAR may have")
        long max_bytes() default 64L * 1024 * 1024;
    }

    private final Path folder;
    private final long maxBytes;

    @Activate
    public JarUploads(BundleContext context, Settings settings) throws IOException {
        this(stagingFolder(context), settings.max_bytes());
    }

    JarUploads(Path folder, long maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max.bytes of " + PID + " must be at least 1, not " + maxBytes);
        }
        this.folder = Files.createDirectories(folder);
        this.maxBytes = maxBytes;
    }

    /**
     * Stages a request body.
     *
     * @throws ApiException 415 for another content type, 413 past the limit, 400 for an empty body
     */
    StagedJar stage(String contentType, String contentLength, InputStream body) throws IOException {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            throw new ApiException(415, "unsupported_media_type",
                    "Send the JAR as the body with Content-Type application/java-archive or application/octet-stream"
                            + (type.isEmpty() ? "" : ", not " + type),
                    Map.of("accepted", CONTENT_TYPES.stream().sorted().toList()));
        }
        // refuse a declared oversize before reading a byte of it
        if (declaredLength(contentLength) > maxBytes) {
            throw tooLarge();
        }
        Path staged = Files.createTempFile(folder, "upload-", ".jar");
        StagedJar jar = new StagedJar(staged);
        try (OutputStream out = Files.newOutputStream(staged)) {
            long copied = copy(body, out);
            if (copied == 0) {
                throw new ApiException(400, "empty_body", "The request has no body: send the plugin JAR");
            }
        } catch (IOException | RuntimeException e) {
            jar.close();
            throw e;
        }
        return jar;
    }

    private long copy(InputStream body, OutputStream out) throws IOException {
        if (body == null) {
            return 0;
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) >= 0;) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large",
                "The upload exceeds the limit of " + describe(maxBytes) + " (max.bytes of " + PID + ")",
                Map.of("limit_bytes", maxBytes));
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String describe(long bytes) {
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
    }

    private static Path stagingFolder(BundleContext context) {
        File data = context.getDataFile("uploads");
        return data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "aibase-uploads");
    }
}
