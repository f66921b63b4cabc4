import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The baseline server of bench/bare-jersey, started from its built classes and dependency class path. */
final class BareServer implements AutoCloseable {

    private static final String READY = "Bare Jersey ready at ";

    private final Process process;
    private final int port;
    private final String versions;

    private BareServer(Process process, int port, String readyLine) {
        this.process = process;
        this.port = port;
        this.versions = readyLine.substring(readyLine.indexOf('(') + 1, readyLine.lastIndexOf(')'));
    }

    /** Starts it on a free port with the one key it accepts; {@code project} is bench/bare-jersey after its package. */
    static BareServer start(Path project, String key) throws Exception {
        Path classes = project.resolve("target/classes");
        Path classPath = project.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classPath)) {
            throw new IllegalStateException(project + " is not built: mvn -q -f " + project.resolve("pom.xml") + " package");
        }
        int port = RuntimeProcess.freePort();
        Progress.say("throughput: starting the bare Jersey server on port " + port + " ...");
        Process process = new ProcessBuilder(RuntimeProcess.javaCommand("java"), "-cp",
                classes + ":" + Files.readString(classPath).strip(), "org.aibase.bench.bare.BareJerseyServer",
                String.valueOf(port), key).redirectErrorStream(true).start();
        try {
            String ready = new ProcessOutput(process, "bare Jersey server").awaitLine(l -> l.startsWith(READY), 0, 60, "its ready line");
            return new BareServer(process, port, ready);
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** The Jetty, Jersey and Jackson versions it says it runs. */
    String versions() {
        return versions;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
