package org.aibase.console.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.owasp.encoder.Encode;

/**
 * Escapes values for the page. Everything taken from a plugin descriptor, a log or a report is
 * untrusted: a plugin's name may be markup.
 *
 * <p>Beyond HTML escaping, {@code $} and {@code \} are written as character references: the Web
 * Console passes every {@code text/html} response through a filter that expands {@code ${name}}
 * to its own variables and drops a backslash before {@code $}, so untrusted text containing them
 * would otherwise be rewritten by the console.
 */
final class Html {

    private Html() {
    }

    /** For element content. */
    static String text(Object value) {
        return consoleSafe(Encode.forHtml(String.valueOf(value)));
    }

    /** For a quoted attribute value. */
    static String attribute(Object value) {
        return consoleSafe(Encode.forHtmlAttribute(String.valueOf(value)));
    }

    /**
     * An instant as a {@code <time>} element: UTC to the second as its text, and the instant in
     * {@code datetime}, from which the page's script writes it in the reader's local time.
     */
    static String time(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        return "<time datetime=\"" + attribute(second) + "\">" + text(Figures.time(second)) + "</time>";
    }

    private static String consoleSafe(String html) {
        if (html.indexOf('$') < 0 && html.indexOf('\\') < 0) {
            return html;
        }
        return html.replace("$", "&#36;").replace("\\", "&#92;");
    }
}
