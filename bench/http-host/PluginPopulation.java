import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugins active in one runtime: hello, which it starts with, and clones of hello added in
 * bursts (each JAR renamed into deploy/) until a given number answer.
 */
final class PluginPopulation {

    private static final long SETTLE_MILLIS = 3_000;

    private final RuntimeProcess runtime;
    private final PluginJars jars;
    private final KeepAliveClient client;
    private final Path staging;
    private final List<String> ids = new ArrayList<>(List.of(PluginJars.HELLO));

    PluginPopulation(RuntimeProcess runtime, PluginJars jars, KeepAliveClient client) throws Exception {
        this.runtime = runtime;
        this.jars = jars;
        this.client = client;
        this.staging = Files.createDirectories(runtime.home().resolve("staging"));
        if (runtime.activeAtStart() != 1) {
            throw runtime.failure("expected hello alone active at the ready line, got " + runtime.activeAtStart() + " plugins");
        }
        client.awaitStatus(greeting(PluginJars.HELLO), 200, System.nanoTime(), 30_000);
    }

    /** The GET target of a hello-like plugin's greeting. */
    static String greeting(String id) {
        return "/api/v1/" + id + "/greeting?name=Ada";
    }

    int size() {
        return ids.size();
    }

    /**
     * Adds clones until {@code n} plugins are active, all renamed in at once; returns the
     * nanoseconds from the first rename until every plugin, old and new, answers 200. Then lets
     * what the burst left behind (registrations, collections) settle before anything is measured.
     */
    long growTo(int n) throws Exception {
        List<String> added = new ArrayList<>();
        for (int i = ids.size() + 1; i <= n; i++) {
            String id = String.format("bench_%02d", i);
            jars.cloneAs(id, staging.resolve(id + ".jar"));
            added.add(id);
        }
        long start = System.nanoTime();
        for (String id : added) {
            PluginJars.moveInto(staging.resolve(id + ".jar"), runtime.deployFolder(), id + ".jar");
        }
        ids.addAll(added);
        for (String id : ids) {
            client.awaitStatus(greeting(id), 200, start, 180_000);
        }
        long took = System.nanoTime() - start;
        Thread.sleep(SETTLE_MILLIS);
        return took;
    }

    /** Deletes the clones added last until {@code n} plugins are active, and waits until each answers 404. */
    void shrinkTo(int n) throws Exception {
        List<String> removed = new ArrayList<>(ids.subList(n, ids.size()));
        long start = System.nanoTime();
        for (String id : removed) {
            Files.delete(runtime.deployFolder().resolve(id + ".jar"));
        }
        ids.removeAll(removed);
        for (String id : removed) {
            client.awaitStatus(greeting(id), 404, start, 180_000);
        }
        Thread.sleep(SETTLE_MILLIS);
    }

    Path staging() {
        return staging;
    }
}
