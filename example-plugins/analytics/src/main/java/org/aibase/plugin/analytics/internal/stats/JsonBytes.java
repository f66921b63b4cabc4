package org.aibase.plugin.analytics.internal.stats;

/** How many bytes text takes in UTF-8 JSON: as a quoted string, or as JSON text already written. */
public final class JsonBytes {

    private JsonBytes() {
    }

    /** The bytes of {@code text} as a JSON string, quotes and escapes included (control characters at their longest). */
    static long of(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else {
                bytes += utf8(c);
            }
        }
        return bytes;
    }

    /** The UTF-8 bytes of JSON text, e.g. a result as the job stores it. */
    public static long utf8(CharSequence json) {
        long bytes = 0;
        for (int i = 0; i < json.length(); i++) {
            bytes += utf8(json.charAt(i));
        }
        return bytes;
    }

    /** A surrogate is half of a 4-byte character. */
    private static int utf8(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }
}
