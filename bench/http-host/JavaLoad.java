import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The fallback generator: one thread per keep-alive connection, each sending the next request on the answer. */
final class JavaLoad implements LoadGenerator {

    @Override
    public String describe() {
        return "Java keep-alive generator (wrk not found; Debian: apt-get install wrk), " + CONNECTIONS + " connections";
    }

    @Override
    public Segment run(String host, int port, String target, String authorization, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CONNECTIONS; c++) {
            long[][] mine = { new long[4096] };
            int[] count = { 0 };
            Thread thread = new Thread(() -> {
                try (KeepAliveClient client = new KeepAliveClient(host, port, authorization)) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = client.get(target).status();
                        if (status < 200 || status > 299) {
                            failed.incrementAndGet();
                        }
                        if (count[0] == mine[0].length) {
                            mine[0] = java.util.Arrays.copyOf(mine[0], count[0] * 2);
                        }
                        mine[0][count[0]++] = System.nanoTime() - start;
                    }
                }
                synchronized (latencies) {
                    latencies.add(java.util.Arrays.copyOf(mine[0], count[0]));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Stats.sorted(latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray());
        return new Segment(all.length / elapsed, Stats.millis(Stats.percentile(all, 50)), Stats.millis(Stats.percentile(all, 99)),
                all.length, failed.get());
    }
}
