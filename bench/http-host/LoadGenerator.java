import java.nio.file.Files;
import java.nio.file.Path;

/** Keep-alive load on one URL for a number of seconds: wrk when it is installed, else {@link JavaLoad}. */
interface LoadGenerator {

    /** Connections kept open, and wrk's threads. */
    int CONNECTIONS = 32;
    int THREADS = 2;

    /**
     * What one stretch of load measured; {@code failed} counts answers other than 2xx and
     * connection errors.
     */
    record Segment(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long failed) {

        /** Requests per second answered 2xx. */
        double answeredPerSecond() {
            return requests == 0 ? 0 : requestsPerSecond * (requests - failed) / requests;
        }
    }

    /** Which generator this is and how it loads, for the report. */
    String describe();

    Segment run(String host, int port, String target, String authorization, int seconds) throws Exception;

    /** wrk when it is on the PATH, else the Java generator. */
    static LoadGenerator detect() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                return new WrkLoad(Path.of(dir, "wrk"));
            }
        }
        return new JavaLoad();
    }
}
