package org.aibase.validator;

/**
 * The source of a plugin class that uses every family of APIs the verifier allows, the way real
 * plugin code does: the language's own types and what javac emits for them (lambdas, method
 * references, string concatenation, records, enum switches, assert, try-with-resources), collections,
 * concurrency through the governed executors, streams, regular expressions, time, numbers, text,
 * character sets, memory streams, compression, buffers, URIs, Jackson, SLF4J, Jakarta REST and
 * Persistence, and the platform's API.
 */
final class AllowedFamilies {

    static final String SOURCE = """
            package org.example;

            import java.io.*;
            import java.lang.annotation.*;
            import java.math.*;
            import java.net.URI;
            import java.net.URLEncoder;
            import java.nio.ByteBuffer;
            import java.nio.charset.StandardCharsets;
            import java.text.*;
            import java.time.*;
            import java.time.format.DateTimeFormatter;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.atomic.*;
            import java.util.concurrent.locks.*;
            import java.util.function.*;
            import java.util.regex.Pattern;
            import java.util.stream.*;
            import java.util.zip.*;

            import com.fasterxml.jackson.annotation.JsonProperty;
            import com.fasterxml.jackson.core.type.TypeReference;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import jakarta.persistence.*;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import jakarta.ws.rs.QueryParam;
            import jakarta.ws.rs.core.Response;
            import org.aibase.api.plugin.PluginContext;
            import org.aibase.api.plugin.TaskResult;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            @Path("everything")
            public class Everything {

                private static final Logger LOG = LoggerFactory.getLogger(Everything.class);
                private static final ObjectMapper JSON = new ObjectMapper();

                @Retention(RetentionPolicy.RUNTIME)
                @interface Marker {
                    String value() default "";
                }

                record Point(@JsonProperty("x") int x, int y) {
                }

                enum Mood { HAPPY, SAD }

                @Entity
                @Table(name = "NOTE")
                @NamedQuery(name = "Note.all", query = "SELECT n FROM Note n ORDER BY n.id")
                public static class Note {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;
                    @Column(name = "TEXT", length = 200) String text;
                }

                public static class Words extends ArrayList<String> {
                    long longest() {
                        return stream().mapToInt(String::length).max().orElse(0);
                    }
                }

                @Marker("resource")
                @GET
                @Produces("application/json")
                public Response get(@QueryParam("q") String q) {
                    return Response.ok(Map.of("q", String.valueOf(q))).build();
                }

                public static List<Note> notes(EntityManagerFactory factory) {
                    EntityManager em = factory.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        em.persist(new Note());
                        em.getTransaction().commit();
                        return em.createNamedQuery("Note.all", Note.class).setMaxResults(10).getResultList();
                    } finally {
                        em.close();
                    }
                }

                public static TaskResult run(PluginContext context, List<String> words) throws Exception {
                    assert words != null : "words";
                    Map<String, Object> out = new LinkedHashMap<>();
                    StringBuilder text = new StringBuilder("x").append(1).append('c');
                    out.put("text", text.length() + "/" + words.size() + Math.max(1, 2) + Integer.parseInt("3") + Character.isDigit('5'));
                    out.put("thread", Thread.currentThread().getName() + Thread.currentThread().isInterrupted());
                    out.put("time", System.nanoTime() - System.currentTimeMillis());
                    out.put("class", Everything.class.getSimpleName() + Point.class.getName());
                    Mood mood = Mood.valueOf("HAPPY");
                    out.put("mood", switch (mood) { case HAPPY -> 1; case SAD -> 2; });
                    Point point = new Point(1, 2);
                    out.put("point", point.equals(new Point(1, 2)) + point.toString() + point.hashCode());
                    try (StringWriter writer = new StringWriter(); PrintWriter print = new PrintWriter(writer)) {
                        print.print("printed");
                    }
                    Words list = new Words();
                    list.addAll(words);
                    out.put("longest", list.longest());
                    out.put("sorted", words.stream().map(String::trim).filter(Predicate.not(String::isEmpty)).sorted()
                            .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.counting())));
                    out.put("sum", IntStream.rangeClosed(1, 10).boxed().reduce(0, Integer::sum));
                    out.put("match", Pattern.compile("a+").matcher("aaa").matches());
                    Optional.of(1).ifPresent(i -> out.put("optional", i));

                    ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
                    counts.computeIfAbsent("a", k -> new AtomicLong()).incrementAndGet();
                    ReentrantLock lock = new ReentrantLock();
                    lock.lock();
                    try {
                        out.put("counts", counts.size());
                    } finally {
                        lock.unlock();
                    }
                    Future<Integer> future = context.executor().submit(() -> 42);
                    CompletableFuture<Integer> stage = CompletableFuture.supplyAsync(() -> 1, context.executor())
                            .thenApplyAsync(i -> i + 1, context.executor());
                    ScheduledFuture<?> tick = context.scheduler().schedule(() -> LOG.debug("tick"), 1, TimeUnit.SECONDS);
                    tick.cancel(false);
                    out.put("future", future.get(1, TimeUnit.SECONDS) + stage.join());
                    CountDownLatch latch = new CountDownLatch(1);
                    latch.countDown();

                    out.put("date", LocalDate.of(2026, 1, 1).format(DateTimeFormatter.ISO_DATE) + Duration.ofSeconds(5) + Instant.EPOCH);
                    out.put("big", new BigDecimal("1.5").multiply(BigDecimal.TEN).setScale(2, RoundingMode.HALF_UP) + "" + BigInteger.TWO.pow(10));
                    out.put("format", new DecimalFormat("0.00").format(1.5) + MessageFormat.format("{0}", "x"));
                    byte[] bytes = "h\\u00e9llo".getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                    try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(buffer), StandardCharsets.UTF_8)) {
                        writer.write("zip");
                    }
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                            new GZIPInputStream(new ByteArrayInputStream(buffer.toByteArray())), StandardCharsets.UTF_8))) {
                        out.put("unzipped", reader.readLine());
                    }
                    out.put("uri", URI.create("https://example.org/a?b=c").getHost() + URLEncoder.encode("a b", StandardCharsets.UTF_8));
                    out.put("buffer", ByteBuffer.wrap(bytes).getShort(0));
                    out.put("base64", Base64.getEncoder().encodeToString(bytes));
                    out.put("config", context.configuration().getOrDefault("greeting", "hello"));

                    Map<String, Object> parsed = JSON.readValue("{\\"a\\":1}", new TypeReference<Map<String, Object>>() { });
                    JsonNode tree = JSON.readTree("{\\"b\\":[1,2]}");
                    out.put("json", JSON.writeValueAsString(parsed) + tree.path("b").size() + JSON.convertValue(point, Map.class));
                    LOG.info("ran with {} words", words.size());
                    System.out.println("done");
                    return TaskResult.ok(out);
                }
            }
            """;

    private AllowedFamilies() {
    }
}
