package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    private static final Set<String> FLAGS = Set.of("--json", "--follow");
    private static final Set<String> VALUED = Set.of("--url", "--key", "--since");

    @Test
    void separatesOperandsFlagsAndValuesInAnyOrder() {
        CommandLine line = CommandLine.parse(List.of("hello", "--json", "--url", "http://h:1", "--since=10m", "a=b"), FLAGS, VALUED);
        assertEquals(List.of("hello", "a=b"), line.operands());
        assertTrue(line.flag("--json"));
        assertFalse(line.flag("--follow"));
        assertEquals(Optional.of("http://h:1"), line.value("--url"));
        assertEquals(Optional.of("10m"), line.value("--since"));
        assertEquals(Optional.empty(), line.value("--key"));
    }

    @Test
    void takesEverythingAfterDoubleDashAsOperands() {
        CommandLine line = CommandLine.parse(List.of("--", "--json", "-x"), FLAGS, VALUED);
        assertEquals(List.of("--json", "-x"), line.operands());
        assertFalse(line.flag("--json"));
    }

    @Test
    void refusesWithExitStatus2NamingTheOption() {
        assertUsage("unknown option --jsn (allowed: --follow, --json, --key, --since, --url)", List.of("--jsn"));
        assertUsage("--url needs a value", List.of("hello", "--url"));
        assertUsage("--json takes no value, got '--json=yes'", List.of("--json=yes"));
        assertUsage("--key is given twice", List.of("--key", "a", "--key=b"));
        CommandFailure none = assertThrows(CommandFailure.class, () -> CommandLine.parse(List.of("-v"), Set.of(), Set.of()));
        assertEquals("unknown option -v (this command takes none)", none.getMessage());
    }

    @Test
    void asksForExactlyOneOperandWhereOneIsNeeded() {
        assertEquals("hello", CommandLine.parse(List.of("hello"), FLAGS, VALUED).single("status", "plugin id"));
        CommandFailure missing = assertThrows(CommandFailure.class,
                () -> CommandLine.parse(List.of(), FLAGS, VALUED).single("status", "plugin id"));
        assertEquals("status needs exactly one plugin id", missing.getMessage());
        CommandFailure two = assertThrows(CommandFailure.class,
                () -> CommandLine.parse(List.of("a", "b"), FLAGS, VALUED).single("status", "plugin id"));
        assertEquals("status needs exactly one plugin id, got 2: a b", two.getMessage());
        assertEquals(ExitStatus.USAGE, two.status());
    }

    @Test
    void findsTheRuntimeByFlagThenEnvironmentThenDefault() {
        CommandLine none = CommandLine.parse(List.of(), FLAGS, VALUED);
        assertEquals(new RuntimeAddress(URI.create("http://127.0.0.1:8080"), Optional.empty()), RuntimeAddress.of(none, Map.of()));
        Map<String, String> env = Map.of("AIBASE_URL", "http://box:9090/", "AIBASE_API_KEY", " secret ");
        assertEquals(new RuntimeAddress(URI.create("http://box:9090"), Optional.of("secret")), RuntimeAddress.of(none, env));
        CommandLine flags = CommandLine.parse(List.of("--url", "https://other", "--key", "k2"), FLAGS, VALUED);
        assertEquals(new RuntimeAddress(URI.create("https://other"), Optional.of("k2")), RuntimeAddress.of(flags, env));
        assertEquals(URI.create("https://other/api/v1/plugins/hello"), RuntimeAddress.of(flags, env).api("plugins/hello"));
    }

    @Test
    void refusesAUrlThatIsNotHttpNamingWhereItCameFrom() {
        CommandFailure flag = assertThrows(CommandFailure.class,
                () -> RuntimeAddress.of(CommandLine.parse(List.of("--url", "ftp://x"), FLAGS, VALUED), Map.of()));
        assertEquals("--url must be an http:// or https:// URL such as http://127.0.0.1:8080, got 'ftp://x'", flag.getMessage());
        assertEquals(ExitStatus.USAGE, flag.status());
        CommandFailure env = assertThrows(CommandFailure.class,
                () -> RuntimeAddress.of(CommandLine.parse(List.of(), FLAGS, VALUED), Map.of("AIBASE_URL", "localhost:8080")));
        assertTrue(env.getMessage().startsWith("AIBASE_URL must be"), env.getMessage());
    }

    @Test
    void readsTheNewCommandWithDefaultsAndRefusesWrongValues(@TempDir Path cwd) {
        NewPluginCommand.Request request = NewPluginCommand.parse(List.of("weather"), cwd);
        assertEquals(new NewPluginCommand.Request("weather", "endpoint", cwd, "org.example", "1.0.0", false), request);
        assertEquals(List.of("-B", "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeGroupId=org.aibase",
                "-DarchetypeArtifactId=aibase-plugin-archetype", "-DarchetypeVersion=1.2.3", "-DpluginId=weather",
                "-Dkind=endpoint", "-DgroupId=org.example", "-DartifactId=weather", "-Dversion=1.0.0",
                "-Dpackage=org.example.weather", "-DinteractiveMode=false"), request.mavenArguments("1.2.3", "3.3.1"));
        NewPluginCommand.Request all = NewPluginCommand.parse(List.of("chat", "--kind", "llm", "--dir", "sub", "--group",
                "com.acme", "--version", "2.0.0-SNAPSHOT", "--offline"), cwd);
        assertEquals(new NewPluginCommand.Request("chat", "llm", cwd.resolve("sub"), "com.acme", "2.0.0-SNAPSHOT", true), all);
        assertEquals("-o", all.mavenArguments("1.0.0", "3.3.1").get(0));

        assertEquals("--kind 'chat' is not a kind of plugin (allowed: endpoint, llm, storage-jobs)",
                assertThrows(CommandFailure.class, () -> NewPluginCommand.parse(List.of("x1", "--kind", "chat"), cwd)).getMessage());
        assertTrue(assertThrows(CommandFailure.class, () -> NewPluginCommand.parse(List.of("My-Plugin"), cwd)).getMessage()
                .startsWith("'My-Plugin' is not a plugin id"));
        assertTrue(assertThrows(CommandFailure.class, () -> NewPluginCommand.parse(List.of("x1", "--version", "1.0"), cwd))
                .getMessage().startsWith("--version '1.0' is not a plugin version"));
        assertTrue(assertThrows(CommandFailure.class, () -> NewPluginCommand.parse(List.of("x1", "--group", "Org.Ex-ample"), cwd))
                .getMessage().startsWith("--group 'Org.Ex-ample' is not a Maven groupId"));
    }

    private static void assertUsage(String message, List<String> args) {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> CommandLine.parse(args, FLAGS, VALUED));
        assertEquals(message, failure.getMessage());
        assertEquals(ExitStatus.USAGE, failure.status());
    }
}
