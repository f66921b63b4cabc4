package org.aibase.deployer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployment log: one JSON object per line in {@code data/deployments.log}, rotated at a size into
 * {@code deployments.log.1} (newest) .. {@code .N}. A file, not a database: it must work before and
 * without any persistence service, and an operator can read it with {@code tail}.
 */
final class DeploymentLog {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    // since the runtime started: counters, unlike the rotated file, never go down
    private final Map<DeploymentEvent.Type, LongAdder> counts =
            new ConcurrentHashMap<>();
    private volatile long maxBytes;
    private volatile int keptFiles;

    /** A log at the given file, rotated at {@code maxBytes} keeping {@code keptFiles} old files. */
    DeploymentLog(Path file, long maxBytes, int keptFiles) {
        this.file = file;
        resize(maxBytes, keptFiles);
    }

    /** Takes new rotation settings; they apply from the next append. */
    void resize(long maxBytes, int keptFiles) {
        this.maxBytes = maxBytes;
        this.keptFiles = keptFiles;
    }

    /** Appends an event; a log that cannot be written is reported, never fails a deployment. */
    synchronized void append(DeploymentEvent event) {
        counts.computeIfAbsent(event.type(), t -> new LongAdder()).increment();
        try {
            byte[] line = (JSON.writeValueAsString(toMap(event)) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) + line.length > maxBytes) {
                rotate();
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Cannot write the deployment log {}: {} {} lost", file, event.type().id(), event.file(), e);
        }
    }

    /** Events appended since this log was opened, by type. */
    Map<DeploymentEvent.Type, Long> counts() {
        Map<DeploymentEvent.Type, Long> now = new EnumMap<>(DeploymentEvent.Type.class);
        counts.forEach((type, count) -> now.put(type, count.sum()));
        return now;
    }

    /** A page of events, newest first, across the current and the rotated files. */
    synchronized DeploymentPage page(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<DeploymentEvent> events = new ArrayList<>();
        long total = 0;
        for (Path f : filesNewestFirst()) {
            List<DeploymentEvent> inFile = read(f);
            Collections.reverse(inFile);
            for (DeploymentEvent e : inFile) {
                if (total >= offset && events.size() < limit) {
                    events.add(e);
                }
                total++;
            }
        }
        return new DeploymentPage(events, total, offset, limit);
    }

    private void rotate() throws IOException {
        int kept = keptFiles;
        Files.deleteIfExists(rotated(kept));
        for (int i = kept - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        // files beyond a lowered 'log.files' setting would otherwise stay forever
        for (int i = kept + 1; Files.exists(rotated(i)); i++) {
            Files.delete(rotated(i));
        }
    }

    private List<Path> filesNewestFirst() {
        List<Path> files = new ArrayList<>();
        files.add(file);
        for (int i = 1; Files.exists(rotated(i)); i++) {
            files.add(rotated(i));
        }
        return files;
    }

    private Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private static List<DeploymentEvent> read(Path f) {
        List<DeploymentEvent> events = new ArrayList<>();
        if (!Files.exists(f)) {
            return events;
        }
        try (BufferedReader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    parse(line).ifPresent(events::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the deployment log " + f, e);
        }
        return events;
    }

    /** A line written by this class; a damaged line (e.g. cut by a crash) is skipped. */
    private static Optional<DeploymentEvent> parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return Optional.of(new DeploymentEvent(Instant.parse(n.path("time").asText()),
                    DeploymentEvent.Type.valueOf(n.path("type").asText().toUpperCase(Locale.ROOT)),
                    n.path("file").asText(), text(n, "plugin"), text(n, "version"), text(n, "reason")));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("Skipping a damaged deployment log line: {}", line);
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Map<String, Object> toMap(DeploymentEvent e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("time", e.time().toString());
        map.put("type", e.type().id());
        map.put("file", e.file());
        map.put("plugin", e.pluginId().orElse(null));
        map.put("version", e.version().orElse(null));
        map.put("reason", e.reason().orElse(null));
        return map;
    }
}
