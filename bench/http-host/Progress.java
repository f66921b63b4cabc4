/** Progress of long work, on standard error so the table on standard output stays clean. */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void say(String message) {
        System.err.printf("[%5.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }
}
