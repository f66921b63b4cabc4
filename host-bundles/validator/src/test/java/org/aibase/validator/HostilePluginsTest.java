package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One hostile plugin per way out of the sandbox, each a {@code sandbox} plugin with only {@code http},
 * compiled from source at test time (the invokedynamic with a bootstrap of its own is written with
 * ASM, as javac never emits one): every one is refused, and the refusal names the member it uses.
 * The first ones escaped the deny-list scan this verifier replaces.
 */
class HostilePluginsTest extends RuleTestSupport {

    /** Hostile class (simple name in {@code org.example}) to its method bodies and what the refusal names. */
    private static final Map<String, Hostile> CORPUS = new LinkedHashMap<>();

    static {
        hostile("ReflectiveFileRead", """
                public static Object run() throws Exception {
                    Class<?> paths = Class.forName("java.nio.file.Paths");
                    Object path = paths.getMethod("get", String.class, String[].class).invoke(null, "data/credentials.properties", new String[0]);
                    return Class.forName("java.nio.file.Files").getMethod("readAllBytes", Class.forName("java.nio.file.Path")).invoke(null, path);
                }""", "uses java.lang.reflect.Method.invoke");
        hostile("ReflectiveFileWrite", """
                public static void run(Object path, byte[] bytes) throws Exception {
                    Class<?> files = Class.forName("java.nio.file.Files");
                    for (java.lang.reflect.Method m : files.getMethods()) {
                        if (m.getName().equals("write") && m.getParameterCount() == 3) { m.invoke(null, path, bytes, new Object[0]); }
                    }
                }""", "uses java.lang.Class.getMethods");
        hostile("FileHandlerWrite", """
                public static void run() throws Exception {
                    java.util.logging.FileHandler handler = new java.util.logging.FileHandler("/tmp/owned.log");
                    handler.publish(new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, "owned"));
                    handler.close();
                }""", "uses new java.util.logging.FileHandler(String)");
        hostile("ReflectiveEnvironment", """
                public static Object run() throws Exception {
                    return System.class.getMethod("getenv").invoke(null);
                }""", "uses java.lang.System.class");
        hostile("HandleEnvironment", """
                public static Object run() throws Throwable {
                    java.lang.invoke.MethodHandle getenv = java.lang.invoke.MethodHandles.publicLookup().findStatic(
                            Class.forName("java.lang.System"), "getenv", java.lang.invoke.MethodType.methodType(java.util.Map.class));
                    return getenv.invoke();
                }""", "uses java.lang.invoke.MethodHandles.publicLookup");
        hostile("FindStatic", """
                public static void run() throws Throwable {
                    java.lang.invoke.MethodHandles.lookup().findStatic(Class.forName("java.lang.Runtime"), "getRuntime",
                            java.lang.invoke.MethodType.methodType(Object.class)).invoke();
                }""", "uses java.lang.invoke.MethodHandles.Lookup.findStatic");
        hostile("ReflectiveThread", """
                public static void run(Runnable work) throws Exception {
                    Thread thread = Thread.class.getConstructor(Runnable.class).newInstance(work);
                    thread.start();
                }""", "uses java.lang.Class.getConstructor");
        hostile("CleanerThread", """
                public static void run(Runnable work) {
                    java.lang.ref.Cleaner.create().register(new Object(), work);
                }""", "uses java.lang.ref.Cleaner.create");
        hostile("ReflectiveExit", """
                public static void run() throws Exception {
                    Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 7);
                }""", "uses java.lang.Class.forName");
        hostile("ForNameGetMethod", """
                public static Object run(String type, String method) throws Exception {
                    return Class.forName(type).getMethod(method).invoke(null);
                }""", "uses java.lang.Class.getMethod");
        hostile("ServiceLoading", """
                public static void run() {
                    java.util.ServiceLoader.load(Runnable.class).forEach(Runnable::run);
                }""", "uses java.util.ServiceLoader.load");
        hostile("UrlClassLoading", """
                public static Object run() throws Exception {
                    return new java.net.URLClassLoader(new java.net.URL[0]).loadClass("org.example.Elsewhere");
                }""", "uses new java.net.URLClassLoader(URL[])");
        hostile("ReflectiveProcess", """
                public static Object run() throws Exception {
                    Object builder = Class.forName("java.lang.ProcessBuilder").getConstructor(String[].class)
                            .newInstance((Object) new String[] {"sh", "-c", "id"});
                    return builder.getClass().getMethod("start").invoke(builder);
                }""", "uses java.lang.reflect.Constructor.newInstance");
        hostile("Deserialization", """
                public static Object run(byte[] bytes) throws Exception {
                    return new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes)).readObject();
                }""", "uses new java.io.ObjectInputStream(InputStream)");
        hostile("LoggingHandler", """
                public static void run() {
                    java.util.logging.Logger.getLogger("").addHandler(new java.util.logging.ConsoleHandler());
                }""", "uses java.util.logging.Logger.addHandler");
        hostile("ShutdownHook", """
                public static void run(Thread hook) {
                    Runtime.getRuntime().addShutdownHook(hook);
                }""", "uses java.lang.Runtime.addShutdownHook");
        hostile("CommonPool", """
                public static void run(Runnable work) {
                    java.util.concurrent.ForkJoinPool.commonPool().execute(work);
                }""", "uses java.util.concurrent.ForkJoinPool.commonPool");
        hostile("AsyncWithoutExecutor", """
                public static Object run() {
                    return java.util.concurrent.CompletableFuture.supplyAsync(() -> 42).join();
                }""", "uses java.util.concurrent.CompletableFuture.supplyAsync");
        hostile("ParallelStream", """
                public static long run(java.util.List<String> words) {
                    return words.parallelStream().filter(String::isEmpty).count();
                }""", "uses java.util.Collection.parallelStream (through java.util.List)");
        hostile("ParallelSubclass", """
                public static class Words extends java.util.ArrayList<String> {
                }
                public static long run() {
                    return new Words().parallelStream().count();
                }""", "uses java.util.Collection.parallelStream (through org.example.ParallelSubclass.Words)");
        hostile("ParallelInts", """
                public static int run() {
                    return java.util.stream.IntStream.range(0, 1000).parallel().sum();
                }""", "uses java.util.stream.IntStream.parallel (which overrides java.util.stream.BaseStream.parallel)");
        hostile("UnsafeAccess", """
                public static Object run() throws Exception {
                    java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                    field.setAccessible(true);
                    return field.get(null);
                }""", "uses sun.misc.Unsafe.class");
        hostile("NativeMethod", """
                public static native void escape();
                """, "declares native method escape()");
        hostile("UncaughtHandler", """
                public static void run() {
                    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> { });
                }""", "uses java.lang.Thread.setDefaultUncaughtExceptionHandler");
        hostile("SystemProperty", """
                public static void run() {
                    System.setProperty("derby.system.home", "/tmp");
                }""", "uses java.lang.System.setProperty");
        hostile("StandardOut", """
                public static void run() {
                    System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
                }""", "uses java.lang.System.setOut");
        hostile("MethodReference", """
                public static Object run() {
                    java.util.function.Supplier<java.util.Map<String, String>> environment = System::getenv;
                    return environment.get();
                }""", "uses java.lang.System.getenv");
        hostile("DefaultTyping", """
                public static Object run() {
                    return new com.fasterxml.jackson.databind.ObjectMapper().activateDefaultTyping(
                            com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build());
                }""", "uses com.fasterxml.jackson.databind.ObjectMapper.activateDefaultTyping");
        hostile("ClassTypeInfo", """
                @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)
                public static class Payload {
                }""", "uses com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS");
        hostile("ClassNamedByInput", """
                public static Object run(String json, String type) throws Exception {
                    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    return mapper.readValue(json, mapper.getTypeFactory().constructFromCanonical(type));
                }""", "uses com.fasterxml.jackson.databind.type.TypeFactory.constructFromCanonical");
        hostile("ClassFromData", """
                public static Object run(String json, String payload) throws Exception {
                    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    return mapper.readValue(payload, mapper.readValue(json, Class.class));
                }""", "uses java.lang.Class.class");
        hostile("JacksonFileWrite", """
                public static void run(Object value, java.io.File file) throws Exception {
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file, value);
                }""", "uses com.fasterxml.jackson.databind.ObjectMapper.writeValue");
        hostile("NativeQuery", """
                public static Object run(jakarta.persistence.EntityManager em) {
                    return em.createNativeQuery("CREATE FUNCTION QUIT(CODE INT) RETURNS INT PARAMETER STYLE JAVA NO SQL "
                            + "LANGUAGE JAVA EXTERNAL NAME 'java.lang.System.exit'").executeUpdate();
                }""", "uses jakarta.persistence.EntityManager.createNativeQuery");
        hostile("JpqlSql", """
                public static Object run(jakarta.persistence.EntityManager em) {
                    return em.createQuery("SELECT SQL('(SELECT PASSWORD FROM SYS.SYSUSERS)') FROM Note n").getResultList();
                }""", "uses JPQL SQL() in \"SELECT SQL('(SELECT PASSWORD FROM SYS.SYSUSERS)')");
        hostile("ColumnDefinition", """
                @jakarta.persistence.Entity
                public static class Note {
                    @jakarta.persistence.Id long id;
                    @jakarta.persistence.Column(columnDefinition = "INT); DROP TABLE ANALYTICS_RESULT; CREATE TABLE X (Y INT") int text;
                }""", "uses @jakarta.persistence.Column(columnDefinition)");
        hostile("RestClient", """
                public static Object run() {
                    return jakarta.ws.rs.client.ClientBuilder.newClient().target("http://169.254.169.254/").request().get();
                }""", "uses jakarta.ws.rs.client.ClientBuilder.newClient");
        hostile("ExtendsThread", """
                public static class Worker extends Thread {
                }""", "extends java.lang.Thread");
        hostile("Finalizer", """
                @Override
                protected void finalize() {
                }""", "overrides finalize()");
    }

    @TempDir
    static Path compiled;

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        CORPUS.forEach((name, hostile) -> sources.put("org.example." + name,
                "package org.example;\npublic class " + name + " {\n" + hostile.body() + "\n}\n"));
        classes = CompiledClasses.compile(compiled, sources);
    }

    static Stream<Arguments> corpus() {
        return CORPUS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().refusal()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedNamingWhatItUses(String name, String refusal) throws IOException {
        ValidationReport report = validate(classes.addTo(TestJar.validPlugin(), "org.example." + name));

        assertRefusedWith(report, "org/example/" + name, refusal);
    }

    @Test
    void aNestedJarOnTheBundleClassPathIsVerifiedLikeTheJarItself() throws IOException {
        TestJar jar = TestJar.validPlugin().header("Bundle-ClassPath", ".,lib/evil.jar")
                .entry("lib/evil.jar", classes.library("org.example.ReflectiveExit"));

        assertRefusedWith(validate(jar), "lib/evil.jar!/org/example/ReflectiveExit", "uses java.lang.Class.forName");
    }

    @Test
    void anInvokedynamicWithABootstrapOfItsOwnIsRefused() throws IOException {
        TestJar jar = TestJar.validPlugin().entry("org/example/Indy.class", HandMadeClasses.ownBootstrap("org/example/Indy"));

        assertRefusedWith(validate(jar), "org/example/Indy", "uses invokedynamic bootstrap org.example.Indy.boot");
    }

    @Test
    void aClassOfTheJdksOrAnAllowedLibrarysNameInTheJarDoesNotStandInForIt() throws IOException {
        // at run time the JDK's System and the platform's ObjectMapper are loaded, whatever the JAR holds
        TestJar jar = classes.addTo(TestJar.validPlugin(), "org.example.ReflectiveExit")
                .entry("java/lang/System.class", HandMadeClasses.impostor("java/lang/System", "exit", "(I)V"))
                .entry("java/lang/Class.class", HandMadeClasses.impostor("java/lang/Class", "forName",
                        "(Ljava/lang/String;)Ljava/lang/Class;"))
                .entry("com/fasterxml/jackson/databind/ObjectMapper.class", HandMadeClasses.impostor(
                        "com/fasterxml/jackson/databind/ObjectMapper", "activateDefaultTyping", "()Ljava/lang/Object;"));
        jar = classes.addTo(jar, "org.example.MethodReference");
        jar = classes.addTo(jar, "org.example.DefaultTyping");

        ValidationReport report = validate(jar);

        assertRefusedWith(report, "org/example/ReflectiveExit", "uses java.lang.Class.forName");
        assertRefusedWith(report, "org/example/MethodReference", "uses java.lang.System.getenv");
        assertRefusedWith(report, "org/example/DefaultTyping", "uses com.fasterxml.jackson.databind.ObjectMapper.activateDefaultTyping");
    }

    @Test
    void theCorpusHasAPluginForEveryEscapeRoute() {
        assertTrue(CORPUS.size() >= 25, CORPUS.size() + " hostile plugins");
    }

    private static void assertRefusedWith(ValidationReport report, String classEntry, String refusal) {
        assertFalse(report.valid(), report.summary());
        List<Finding> errors = report.findings(Severity.ERROR);
        assertTrue(errors.stream().anyMatch(f -> f.location().startsWith(classEntry) && f.message().contains(refusal)
                        && !f.allowed().isBlank()),
                "an error at " + classEntry + " names '" + refusal + "' and what is allowed instead: " + report.summary());
        // every error is the verifier's, at a class file: the rest of the plugin is valid
        errors.forEach(f -> assertTrue(f.location().endsWith(".class"), f.describe()));
    }

    private static void hostile(String name, String body, String refusal) {
        CORPUS.put(name, new Hostile(body, refusal));
    }

    private record Hostile(String body, String refusal) {
    }
}
