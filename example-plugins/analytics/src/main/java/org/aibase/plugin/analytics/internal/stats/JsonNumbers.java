package org.aibase.plugin.analytics.internal.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps results valid JSON: a NaN or an infinity is written as {@code null} and a note says which
 * value it was and why ({@code statistics.numeric_columns.x.std is NaN: ...}).
 */
public final class JsonNumbers {

    private final List<String> notes = new ArrayList<>();

    /** The number, or null with a note naming {@code path}. */
    public Double finite(String path, double value, String why) {
        if (Double.isFinite(value)) {
            return value;
        }
        String what = Double.isNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
        notes.add(path + " is " + what + (why == null ? "" : " (" + why + ")") + ": written as null");
        return null;
    }

    /** Adds a note. */
    public void note(String note) {
        notes.add(note);
    }

    /** The notes so far, in order. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
