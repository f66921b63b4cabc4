package org.aibase.isolation.child;

/**
 * What runtime and child say to each other over their loopback channel. The runtime's side
 * ({@code org.aibase.isolation}) names the same things; the runtime JAR carries both sides, so
 * they never differ in version. The child's properties ({@code aibase.child.*}) are system properties
 * of its JVM, which the framework answers for as its own: a spare JVM's are replaced when it is assigned
 * a plugin.
 */
public final class ChildProtocol {

    /** The property with the plugin's id. */
    public static final String PLUGIN_PROPERTY = "aibase.child.plugin";
    /** The property with the secret every call of the runtime carries. */
    public static final String SECRET_PROPERTY = "aibase.child.secret";
    /** The property with the file holding the plugin's effective configuration, as a JSON object. */
    public static final String CONFIG_PROPERTY = "aibase.child.config";
    /**
     * The property saying what the plugin registers once it runs, comma-separated:
     * {@code endpoints} (it holds {@code http}), {@code tasks} (it declares tasks). The child announces
     * itself ready when they are there (or after {@link #SETTLE_MILLIS} without them).
     */
    public static final String EXPECTS_PROPERTY = "aibase.child.expects";
    /** How long a child waits for what the plugin should register before it announces itself anyway. */
    public static final long SETTLE_MILLIS = 5_000;
    /** The property with the runtime's service endpoint for this child ({@code http://127.0.0.1:<port>}), or {@code -}. */
    public static final String RUNTIME_PROPERTY = "aibase.child.runtime";
    /** The property naming the platform services the plugin is granted, comma-separated ({@code llm}, {@code jobs}). */
    public static final String SERVICES_PROPERTY = "aibase.child.services";
    /** The runtime's service endpoint's calls: {@code POST /llm/chat}, {@code GET /llm/models}. */
    public static final String LLM = "/llm";
    /**
     * The runtime's service endpoint's jobs calls, each {@code POST /jobs/<operation>} with a JSON object:
     * the {@code JobService} operations ({@code submit}, {@code get}, {@code list}, {@code cancel},
     * {@code delete}, {@code counts}), {@code handlers} (the job types the plugin handles now) and
     * {@code progress} (of an attempt the runtime asked the child to run).
     */
    public static final String JOBS = "/jobs";
    /** The property with how many calls the child serves at once. */
    public static final String THREADS_PROPERTY = "aibase.child.threads";
    /** The header carrying the secret. */
    public static final String SECRET_HEADER = "X-AIBase-Secret";
    /** The header naming a call, so the runtime can interrupt it. */
    public static final String CALL_HEADER = "X-AIBase-Call";
    /** The header with the caller's role ({@code admin}, {@code user}, or absent). */
    public static final String ROLE_HEADER = "X-AIBase-Role";
    /** The line the child prints on standard output once it serves: followed by its port. */
    public static final String READY_LINE = "aibase-child-ready ";
    /** Where the control calls are: {@code /_aibase/task}, {@code /_aibase/job}, {@code /_aibase/interrupt/<call>}, {@code /_aibase/health}. */
    public static final String CONTROL = "/_aibase";
    /** The manifest header of a plugin's stand-in bundle in the runtime: the entry holding the plugin's own JAR. */
    public static final String STUB_HEADER = "AIBase-Isolated";
    /** The entry of the stand-in bundle that holds the plugin's JAR. */
    public static final String STUB_ENTRY = "aibase-isolated/plugin.jar";
    /** The main class of a child JVM (in the runtime JAR). */
    public static final String MAIN_CLASS = "org.aibase.runtime.ChildMain";
    /**
     * The plugin JAR argument of a JVM that runs no plugin: the runtime starts one to record the classes
     * every child loads into a class-data archive, from which later children start faster.
     */
    public static final String NO_PLUGIN = "-";
    /** The property set (to {@code true}) in a JVM that runs no plugin ({@link #NO_PLUGIN}). */
    public static final String NO_PLUGIN_PROPERTY = "aibase.child.no-plugin";
    /** The environment variable carrying the secret into the child. */
    public static final String SECRET_VARIABLE = "AIBASE_CHILD_SECRET";
    /**
     * The id a spare JVM serves under: one started ahead without a plugin ({@link #NO_PLUGIN}), warm, until
     * the runtime gives it one with an {@link Assignment}. No plugin can take it (plugin ids have no hyphen).
     */
    public static final String SPARE_ID = "spare-jvm";
    /** The first word of an {@link Assignment}'s line. */
    private static final String ASSIGN = "assign";

    /**
     * The plugin the runtime gives a spare JVM, as one line on the JVM's standard input (a pipe only the
     * runtime holds, so the secret never shows on a command line): the child properties it then runs
     * the plugin with, as a JVM started for it would have them.
     */
    public record Assignment(String pluginId, String jar, String threads, String configuration, String expects,
            String runtime, String services, String secret) {

        /** The line that carries it, each value URL-encoded so that none can end it early. */
        public String line() {
            StringBuilder line = new StringBuilder(ASSIGN);
            for (String value : java.util.List.of(pluginId, jar, threads, configuration, expects, runtime, services, secret)) {
                line.append(' ').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
            return line.toString();
        }

        /** The assignment a line carries. */
        public static Assignment of(String line) {
            String[] words = line.strip().split(" ", -1);
            if (words.length != 9 || !words[0].equals(ASSIGN)) {
                throw new IllegalArgumentException("not an assignment: " + words.length + " words");
            }
            String[] values = new String[8];
            for (int i = 0; i < values.length; i++) {
                values[i] = java.net.URLDecoder.decode(words[i + 1], java.nio.charset.StandardCharsets.UTF_8);
            }
            return new Assignment(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        }
    }

    private ChildProtocol() {
    }
}
