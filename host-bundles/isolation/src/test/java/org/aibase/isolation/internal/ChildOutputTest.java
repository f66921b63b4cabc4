package org.aibase.isolation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A JVM's output as the runtime reads it: line by line, no line longer than it keeps. */
class ChildOutputTest {

    @Test
    void linesComeAsWrittenWithoutTheirEnds() throws IOException {
        assertEquals(List.of("aibase-child-ready 40123", "a warning", "", "last without an end"),
                read("aibase-child-ready 40123\na warning\r\n\nlast without an end"));
    }

    @Test
    void aLineWithoutEndIsCutAndTheNextOneComesWhole() throws IOException {
        String endless = "x".repeat(5 * ChildProcess.LONGEST_LINE + 17);
        List<String> lines = read(endless + "\nnext\n" + endless);
        String cut = "x".repeat(ChildProcess.LONGEST_LINE) + " [cut at " + ChildProcess.LONGEST_LINE + " characters]";
        assertEquals(List.of(cut, "next", cut), lines);
    }

    private static List<String> read(String output) throws IOException {
        List<String> lines = new ArrayList<>();
        ChildProcess.readLines(new StringReader(output), lines::add);
        return lines;
    }
}
