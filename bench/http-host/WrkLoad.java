import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk -t2 -c32 -dNs --latency with the Authorization header, its summary parsed. */
final class WrkLoad implements LoadGenerator {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path wrk;

    WrkLoad(Path wrk) {
        this.wrk = wrk;
    }

    @Override
    public String describe() {
        return "wrk (" + wrk + ") -t" + THREADS + " -c" + CONNECTIONS + " --latency";
    }

    @Override
    public Segment run(String host, int port, String target, String authorization, int seconds) throws Exception {
        Process process = new ProcessBuilder(wrk.toString(), "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency", "-H", "Authorization: " + authorization, "http://" + host + ":" + port + target)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        long failed = find(NON_2XX, out).map(m -> Long.parseLong(m.group(1))).orElse(0L);
        Matcher errors = find(SOCKET_ERRORS, out).orElse(null);
        if (errors != null) {
            for (int g = 1; g <= 4; g++) {
                failed += Long.parseLong(errors.group(g));
            }
        }
        return new Segment(Double.parseDouble(required(RATE, out).group(1)), percentile("50%", out), percentile("99%", out),
                Long.parseLong(required(TOTAL, out).group(1)), failed);
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double percentile(String label, String out) {
        Matcher m = required(Pattern.compile("^\\s*" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE), out);
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static java.util.Optional<Matcher> find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? java.util.Optional.of(m) : java.util.Optional.empty();
    }

    private static Matcher required(Pattern pattern, String out) {
        return find(pattern, out).orElseThrow(() -> new IllegalStateException("wrk printed no " + pattern + ":\n" + out));
    }
}
