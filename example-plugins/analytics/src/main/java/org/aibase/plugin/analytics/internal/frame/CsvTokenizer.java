package org.aibase.plugin.analytics.internal.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as pandas' C parser does with its defaults: comma separated,
 * {@code "} quotes with {@code ""} for a literal quote, newlines inside quotes kept, {@code \n},
 * {@code \r\n} and {@code \r} ending records, blank lines skipped.
 */
final class CsvTokenizer {

    private final String text;
    private int pos;
    private int line = 1;
    private final StringBuilder field = new StringBuilder();

    CsvTokenizer(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The line the next record starts on (1-based), for error messages. */
    int line() {
        return line;
    }

    /** The next record's fields, or null at the end; a field that was quoted keeps its text. */
    List<String> next() {
        while (pos < text.length() && isLineEnd(text.charAt(pos))) {
            skipLineEnd();
        }
        if (pos >= text.length()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            field.setLength(0);
            boolean quoted = false;
            char c = 0;
            while (pos < text.length()) {
                c = text.charAt(pos);
                if (c == '"' && (field.length() == 0 || quoted)) {
                    quoted = true;
                    pos++;
                    readQuoted();
                    continue;
                }
                if (c == ',' || isLineEnd(c)) {
                    break;
                }
                field.append(c);
                pos++;
            }
            fields.add(field.toString());
            if (pos >= text.length()) {
                return fields;
            }
            if (c == ',' && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            skipLineEnd();
            return fields;
        }
    }

    private void readQuoted() {
        int start = line;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }
        throw DatasetException.invalid("invalid_csv", "line " + start, "a quoted field starting on line " + start + " is never closed");
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private void skipLineEnd() {
        char c = text.charAt(pos++);
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
