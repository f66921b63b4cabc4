package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class StackTracesTest {

    @Test
    void aStackOverflowIsLoggedWithItsFirstFramesOnly() {
        StackOverflowError overflow = overflow();
        assertTrue(overflow.getStackTrace().length > 500, "the JVM recorded " + overflow.getStackTrace().length + " frames");
        StackTraceElement top = overflow.getStackTrace()[0];

        assertSame(overflow, StackTraces.cut(overflow));
        assertEquals(StackTraces.LOGGED_FRAMES, overflow.getStackTrace().length);
        assertEquals(top, overflow.getStackTrace()[0], "the frames kept are the top ones, where the fault is");
        StringWriter printed = new StringWriter();
        overflow.printStackTrace(new PrintWriter(printed));
        assertTrue(printed.toString().length() < 10_000, printed.toString().length() + " characters");
    }

    @Test
    void causesAndSuppressedFailuresAreCutTooAndACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second); // a cycle of causes, as careless code can build
        first.setStackTrace(overflow().getStackTrace());
        IllegalStateException wrapper = new IllegalStateException("wrapped", second);
        wrapper.addSuppressed(overflow());

        StackTraces.cut(wrapper);

        assertEquals(StackTraces.LOGGED_FRAMES, first.getStackTrace().length);
        assertEquals(StackTraces.LOGGED_FRAMES, wrapper.getSuppressed()[0].getStackTrace().length);
    }

    @Test
    void aShortTraceIsKeptWhole() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        failure.setStackTrace(Arrays.copyOf(failure.getStackTrace(), 10));

        assertEquals(10, StackTraces.cut(failure).getStackTrace().length);
    }

    private static StackOverflowError overflow() {
        try {
            return fail(dive(0));
        } catch (StackOverflowError e) {
            return e;
        }
    }

    private static StackOverflowError fail(int depth) {
        throw new AssertionError("no overflow after " + depth + " frames");
    }

    private static int dive(int depth) {
        return dive(depth + 1) + 1;
    }
}
