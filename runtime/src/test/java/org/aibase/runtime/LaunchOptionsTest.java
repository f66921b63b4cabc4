package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private final Path cwd = Path.of("/srv/aibase");

    @Test
    void defaultsAreTheWorkingDirectoryPort8080AndLoopback() {
        LaunchOptions options = LaunchOptions.parse(List.of(), cwd);
        assertEquals(cwd, options.home());
        assertEquals(8080, options.effectivePort());
        assertEquals("127.0.0.1", options.effectiveHost());
        assertEquals(Optional.empty(), options.port(), "a default is not a flag");
    }

    @Test
    void flagsAreKeptAndHomeIsResolvedAgainstTheWorkingDirectory() {
        LaunchOptions options = LaunchOptions.parse(List.of("--home", "h", "--port", "9090", "--host", "0.0.0.0"), cwd);
        assertEquals(Path.of("/srv/aibase/h"), options.home());
        assertEquals(Optional.of(9090), options.port());
        assertEquals(Optional.of("0.0.0.0"), options.host());
    }

    @Test
    void badPortNamesTheFlagAndTheAllowedRange() {
        var e = assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--port", "70000"), cwd));
        assertEquals("--port must be a number from 1 to 65535, got '70000'", e.getMessage());
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--port", "http"), cwd));
    }

    @Test
    void missingValueAndUnknownFlagsAreRefused() {
        assertEquals("--home needs a value",
                assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--home"), cwd)).getMessage());
        assertTrue(assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(List.of("--verbose", "x"), cwd)).getMessage().contains("unknown option --verbose"));
    }
}
