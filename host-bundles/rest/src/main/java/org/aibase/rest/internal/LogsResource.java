package org.aibase.rest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/logs?plugin=&since=&limit=} (admin): the newest lines of the runtime's log file,
 * which the launcher writes under {@code data/logs/} (framework property {@code aibase.log.file}), each
 * line prefixed with its instant, oldest first. Each request reads the file from its start (at most twice
 * 10 MiB, with the rotated part, which is read first and skipped when it ends before {@code since}): fine for
 * an operator's look and {@code aibase logs --follow}, not for a log shipper. Without
 * a launcher (a test framework) there is no file and the answer is empty.
 */
@Component(service = LogsResource.class, property = { PlatformApplication.RESOURCE, PlatformApplication.SELECTED })
@jakarta.ws.rs.Path("logs")
@Produces(MediaType.APPLICATION_JSON)
public final class LogsResource {

    static final String LOG_FILE_PROPERTY = "aibase.log.file";
    private static final Logger LOG = LoggerFactory.getLogger(LogsResource.class);

    private final Optional<java.nio.file.Path> file;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public LogsResource(BundleContext context) {
        this.file = Optional.ofNullable(context.getProperty(LOG_FILE_PROPERTY)).map(java.nio.file.Path::of);
    }

    @GET
    public Map<String, Object> lines(@QueryParam("plugin") String plugin, @QueryParam("since") String since,
            @QueryParam("limit") String limit) {
        LogQuery query = LogQuery.parse(plugin, since, limit, clock);
        ArrayDeque<Map<String, Object>> newest = new ArrayDeque<>();
        long matched = 0;
        if (file.isPresent()) {
            java.nio.file.Path current = file.get();
            Predicate<String> mentionsPlugin = query.pluginFilter();
            for (java.nio.file.Path part : List.of(current.resolveSibling(current.getFileName() + ".1"), current)) {
                if (!endsBefore(part, query.since())) {
                    matched += read(part, query, mentionsPlugin, newest);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", List.copyOf(newest));
        json.put("returned", newest.size());
        json.put("matched", matched);
        json.put("limit", query.limit());
        return json;
    }

    /**
     * Whether the file was last written before {@code since}: then every line of it is older, and a follower
     * polling with {@code since} does not read the rotated 10 MiB again and again.
     */
    private static boolean endsBefore(java.nio.file.Path part, Optional<Instant> since) {
        try {
            return since.isPresent() && Files.getLastModifiedTime(part).toInstant().isBefore(since.get());
        } catch (IOException e) {
            return false; // not there (yet): reading it says so
        }
    }

    /** Adds the file's matching lines, keeping only the newest {@code limit}; returns how many matched. */
    private static long read(java.nio.file.Path part, LogQuery query, Predicate<String> mentionsPlugin,
            ArrayDeque<Map<String, Object>> newest) {
        long matched = 0;
        // a line cut by a rotation or written in another encoding is read with replacement characters, never refused
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(part), decoder))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                Optional<Instant> time = space < 0 ? Optional.empty() : instant(line.substring(0, space));
                String text = time.isPresent() ? line.substring(space + 1) : line;
                if (query.since().isPresent() && (time.isEmpty() || time.get().isBefore(query.since().get()))
                        || !mentionsPlugin.test(text)) {
                    continue;
                }
                matched++;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("time", time.map(Instant::toString).orElse(null));
                item.put("line", text);
                newest.addLast(item);
                if (newest.size() > query.limit()) {
                    newest.removeFirst();
                }
            }
        } catch (NoSuchFileException e) {
            // no rotated file yet, or no log at all
        } catch (IOException e) {
            LOG.warn("The runtime's log {} cannot be read: {}", part, e.getMessage());
            throw new ApiException(503, "log_unavailable", "The runtime's log cannot be read: " + e.getMessage());
        }
        return matched;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
