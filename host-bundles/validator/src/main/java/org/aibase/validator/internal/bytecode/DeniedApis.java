package org.aibase.validator.internal.bytecode;

import static org.aibase.validator.internal.bytecode.DeniedApi.Use.CALL;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.EXTENDS;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.FIELD;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.NEW;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aibase.validator.internal.bytecode.DeniedApi.Use;

/**
 * The bytecode scan's deny list: every JDK API a {@code sandbox} or {@code isolated} plugin may not
 * use, grouped by what it would let the plugin do and what it uses instead. Deny by default does
 * not work at this level (a plugin needs {@code java.lang} and {@code java.util}), so the list names
 * the ways out of the platform's governance.
 *
 * <p>{@code java.nio.file.Path} ({@code Path.of}, {@code resolve}, ...) stays allowed: a path is only
 * a name, and every way to touch the file it names ({@code Files}, {@code FileChannel}, the file
 * system provider, {@code java.io.File*}, constructors taking a path) is on this list.
 */
public final class DeniedApis {

    private static final String EXECUTOR = "Ljava/util/concurrent/Executor;";

    private static final Family PROCESSES = new Family("launches or controls operating-system processes",
            "no process: a plugin that must start programs needs the operator's trusted grant");
    private static final Family EXIT = new Family("stops the whole platform",
            "throwing an exception or returning a failed TaskResult");
    private static final Family ENVIRONMENT = new Family("reads the platform's environment, where secrets such as API keys live",
            "the plugin's configuration (PluginContext)");
    private static final Family NATIVE = new Family("loads native code, which nothing in the JVM confines",
            "pure-Java libraries");
    private static final Family NETWORK = new Family("opens network connections outside the declared network_hosts",
            "OutboundHttp (permission network)");
    private static final Family FILES = new Family("reads or writes files outside the plugin's own folder",
            "the files service, PluginFiles (permission files)");
    private static final Family REFLECTION = new Family("bypasses Java's access checks into the platform's internals",
            "public APIs");
    private static final Family CLASS_LOADING = new Family("defines classes the validator has not scanned",
            "classes inside the plugin JAR or a JAR on its Bundle-ClassPath");
    private static final Family THREADS = new Family("runs work on threads the platform cannot govern, meter or stop",
            "PluginContext executors and scheduler");

    private static final List<DeniedApi> TABLE = Stream.of(
            PROCESSES.everything("java.lang.ProcessBuilder", "java.lang.ProcessHandle"),
            PROCESSES.calls("java.lang.Runtime", "exec"),

            EXIT.calls("java.lang.System", "exit"),
            EXIT.calls("java.lang.Runtime", "exit", "halt"),

            ENVIRONMENT.calls("java.lang.System", "getenv"),

            NATIVE.calls("java.lang.System", "load", "loadLibrary"),
            NATIVE.calls("java.lang.Runtime", "load", "loadLibrary"),

            NETWORK.everything("java.net.Socket", "java.net.ServerSocket", "java.net.DatagramSocket",
                    "java.net.MulticastSocket", "java.nio.channels.SocketChannel", "java.nio.channels.ServerSocketChannel",
                    "java.nio.channels.DatagramChannel", "java.nio.channels.AsynchronousSocketChannel",
                    "java.nio.channels.AsynchronousServerSocketChannel", "java.net.http.HttpClient",
                    "javax.net.SocketFactory", "javax.net.ServerSocketFactory", "javax.net.ssl.SSLSocketFactory",
                    "javax.net.ssl.SSLServerSocketFactory"),
            NETWORK.calls("java.net.URL", "openConnection", "openStream", "getContent"),

            FILES.everything("java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader",
                    "java.io.FileWriter", "java.io.RandomAccessFile", "java.nio.file.Files", "java.nio.channels.FileChannel",
                    "java.nio.channels.AsynchronousFileChannel", "java.nio.file.FileSystems",
                    "java.nio.file.spi.FileSystemProvider"),
            // java.io.File's fields are constants (File.separator): reading them touches nothing
            FILES.creation("java.io.File"),
            FILES.calls("java.io.File", "*"),
            FILES.calls("java.nio.file.FileSystem", "provider", "newWatchService", "getFileStores", "getRootDirectories"),
            FILES.calls("java.nio.file.Path", "toRealPath", "register"),
            // constructors that open the file they are given a name or path of
            FILES.constructors("java.io.PrintWriter", "(Ljava/lang/String;", "(Ljava/io/File;"),
            FILES.constructors("java.io.PrintStream", "(Ljava/lang/String;", "(Ljava/io/File;"),
            FILES.constructors("java.util.Formatter", "(Ljava/lang/String;", "(Ljava/io/File;"),
            FILES.constructors("java.util.Scanner", "(Ljava/io/File;", "(Ljava/nio/file/Path;"),
            FILES.constructors("java.util.zip.ZipFile", "(Ljava/lang/String;", "(Ljava/io/File;"),
            FILES.constructors("java.util.jar.JarFile", "(Ljava/lang/String;", "(Ljava/io/File;"),

            REFLECTION.calls("java.lang.reflect.AccessibleObject", "setAccessible", "trySetAccessible"),
            REFLECTION.calls("java.lang.reflect.Executable", "setAccessible", "trySetAccessible"),
            REFLECTION.calls("java.lang.reflect.Field", "setAccessible", "trySetAccessible"),
            REFLECTION.calls("java.lang.reflect.Method", "setAccessible", "trySetAccessible"),
            REFLECTION.calls("java.lang.reflect.Constructor", "setAccessible", "trySetAccessible"),
            REFLECTION.calls("java.lang.invoke.MethodHandles", "privateLookupIn"),
            REFLECTION.everything("sun.misc.Unsafe", "jdk.internal.misc.Unsafe"),

            CLASS_LOADING.creation("java.lang.ClassLoader", "java.security.SecureClassLoader"),
            CLASS_LOADING.everything("java.net.URLClassLoader"),
            CLASS_LOADING.calls("java.lang.invoke.MethodHandles$Lookup", "defineClass", "defineHiddenClass",
                    "defineHiddenClassWithClassData"),

            THREADS.creation("java.lang.Thread", "java.util.concurrent.ThreadPoolExecutor",
                    "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool", "java.util.Timer"),
            THREADS.calls("java.lang.Thread", "ofPlatform", "ofVirtual", "startVirtualThread"),
            THREADS.calls("java.util.concurrent.Executors", "*"),
            THREADS.calls("java.util.concurrent.ForkJoinPool", "commonPool"),
            // a fork-join task forks onto the common pool when run outside a pool
            THREADS.subclassing("java.util.concurrent.ForkJoinTask", "java.util.concurrent.RecursiveTask",
                    "java.util.concurrent.RecursiveAction", "java.util.concurrent.CountedCompleter"),
            THREADS.calls("java.util.concurrent.ForkJoinTask", "fork"),
            // without an Executor argument these run on the JVM-wide common pool
            THREADS.callsWithout(EXECUTOR, "java.util.concurrent.CompletableFuture", "*Async", "delayedExecutor"),
            THREADS.callsWithout(EXECUTOR, "java.util.concurrent.CompletionStage", "*Async"),
            // any collection: javac names the receiver's static type, which may be the plugin's own
            THREADS.calls("*", "parallelStream"),
            THREADS.calls("java.util.stream.BaseStream", "parallel"),
            THREADS.calls("java.util.stream.Stream", "parallel"),
            THREADS.calls("java.util.stream.IntStream", "parallel"),
            THREADS.calls("java.util.stream.LongStream", "parallel"),
            THREADS.calls("java.util.stream.DoubleStream", "parallel"),
            THREADS.calls("java.util.Arrays", "parallel*"))
            .flatMap(Function.identity()).toList();

    private static final Map<String, List<DeniedApi>> BY_OWNER =
            TABLE.stream().collect(Collectors.groupingBy(DeniedApi::owner));

    private static final List<DeniedApi> ANY_OWNER = BY_OWNER.getOrDefault("*", List.of());

    private DeniedApis() {
    }

    /** Every row of the deny list. */
    public static List<DeniedApi> all() {
        return TABLE;
    }

    /** The row that denies this use, if any; {@code owner} is an internal name. */
    public static Optional<DeniedApi> denying(Use use, String owner, String member, String descriptor) {
        List<DeniedApi> rows = BY_OWNER.get(owner);
        if (rows != null) {
            for (DeniedApi row : rows) {
                if (row.matches(use, owner, member, descriptor)) {
                    return Optional.of(row);
                }
            }
        }
        return ANY_OWNER.stream().filter(row -> row.matches(use, owner, member, descriptor)).findFirst();
    }

    /** Rows that share a reason and an alternative; owners are given as Java names, e.g. {@code java.lang.Runtime}. */
    private record Family(String reason, String instead) {

        /** Calls of the named methods. */
        Stream<DeniedApi> calls(String owner, String... members) {
            return callsWithout("", owner, members);
        }

        /** Calls of the named methods unless one of their parameters has the exempt type. */
        Stream<DeniedApi> callsWithout(String exemptParameter, String owner, String... members) {
            return Arrays.stream(members).map(m -> row(CALL, owner, m, "", exemptParameter));
        }

        /** Constructor calls whose descriptor starts with one of the prefixes. */
        Stream<DeniedApi> constructors(String owner, String... descriptorPrefixes) {
            return Arrays.stream(descriptorPrefixes).map(d -> row(CALL, owner, "<init>", d, ""));
        }

        /** Subclasses (and implementations) only. */
        Stream<DeniedApi> subclassing(String... owners) {
            return Arrays.stream(owners).map(o -> row(EXTENDS, o, "", "", ""));
        }

        /** Instances and subclasses: creating the object is what escapes, using one is harmless. */
        Stream<DeniedApi> creation(String... owners) {
            return Arrays.stream(owners).flatMap(o -> Stream.of(row(NEW, o, "", "", ""), row(EXTENDS, o, "", "", "")));
        }

        /** Any use of the classes: their every member is a way out. */
        Stream<DeniedApi> everything(String... owners) {
            return Arrays.stream(owners).flatMap(o -> Stream.of(row(NEW, o, "", "", ""), row(EXTENDS, o, "", "", ""),
                    row(CALL, o, "*", "", ""), row(FIELD, o, "*", "", "")));
        }

        private DeniedApi row(Use use, String owner, String member, String descriptorPrefix, String exemptParameter) {
            return new DeniedApi(use, owner.replace('.', '/'), member, descriptorPrefix, exemptParameter, reason, instead);
        }
    }
}
