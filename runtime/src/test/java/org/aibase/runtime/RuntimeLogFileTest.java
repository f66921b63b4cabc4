package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's log file as the console's copy: one line per line printed, none longer than it keeps. */
class RuntimeLogFileTest {

    @TempDir
    Path logs;

    @Test
    void aLineWithoutEndIsCutWhileTheConsoleGetsEverything() throws Exception {
        RuntimeLogFile file = RuntimeLogFile.open(logs, Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = file.tee(new PrintStream(console, true, StandardCharsets.UTF_8));
        String endless = "x".repeat(3 * RuntimeLogFile.LONGEST_LINE);

        out.print(endless);
        out.println();
        out.println("12:00:00.000 [INFO] next");

        List<String> lines = Files.readAllLines(logs.resolve(RuntimeLogFile.NAME));
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("2026-12-04T12:00:00Z " + "x".repeat(RuntimeLogFile.LONGEST_LINE) + " [cut at "
                + RuntimeLogFile.LONGEST_LINE + " bytes]", lines.get(0));
        assertEquals("2026-12-04T12:00:00Z [INFO] next", lines.get(1));
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith(endless), "the console gets it all");
    }
}
