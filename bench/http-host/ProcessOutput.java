import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The output of a started server process, read as it comes: the lines the bench waits for, and the
 * last lines for the message when something does not come up.
 */
final class ProcessOutput {

    private static final int KEPT_LINES = 400;

    private final Process process;
    private final String name;
    private final Deque<String> lines = new ArrayDeque<>();
    private long linesSeen;
    private boolean ended;

    ProcessOutput(Process process, String name) {
        this.process = process;
        this.name = name;
        Thread reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** How many lines the process has printed so far; a mark for {@link #lineWithin}. */
    synchronized long mark() {
        return linesSeen;
    }

    /** The first line after the mark that passes the test; fails when none comes in time or the process ends. */
    String awaitLine(Predicate<String> test, long mark, int timeoutSeconds, String what) throws InterruptedException {
        return lineWithin(test, mark, timeoutSeconds, what)
                .orElseThrow(() -> failure("no " + what + " within " + timeoutSeconds + " s"));
    }

    /** The first line after the mark that passes the test, or empty when none comes in time; fails when the process ends. */
    Optional<String> lineWithin(Predicate<String> test, long mark, int timeoutSeconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (this) {
            while (true) {
                long index = linesSeen - lines.size();
                for (String line : lines) {
                    if (index++ >= mark && test.test(line)) {
                        return Optional.of(line);
                    }
                }
                if (ended) {
                    throw failure("the " + name + " ended its output (alive: " + process.isAlive() + ") before " + what);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** An exception whose message ends with the process's last lines. */
    synchronized IllegalStateException failure(String message) {
        StringBuilder text = new StringBuilder(message).append("\n--- last lines of the ").append(name).append(" ---");
        lines.stream().skip(Math.max(0, lines.size() - 40)).forEach(line -> text.append('\n').append(line));
        return new IllegalStateException(text.toString());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    lines.addLast(line);
                    linesSeen++;
                    if (lines.size() > KEPT_LINES) {
                        lines.removeFirst();
                    }
                    notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process ended: lineWithin says so
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }
}
