package org.aibase.plugin.analytics.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.aibase.plugin.analytics.internal.frame.DatasetException;

/**
 * Reads a {@code multipart/form-data} body already in memory: the file part ({@code file}) and
 * the text fields ({@code name}, {@code config}). Small and strict: the page and curl's
 * {@code -F} send exactly this.
 */
public record MultipartUpload(String fileName, byte[] file, Map<String, String> fields) {

    /** Splits the body by the boundary of the Content-Type header. */
    public static MultipartUpload parse(String contentType, byte[] body) {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw DatasetException.invalid("invalid_multipart", "Content-Type", "multipart/form-data needs a boundary parameter");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        String fileName = null;
        byte[] file = null;
        Map<String, String> fields = new LinkedHashMap<>();
        while (at >= 0) {
            int partStart = at + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                break; // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), partStart);
            int next = indexOf(body, delimiter, partStart);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw DatasetException.invalid("invalid_multipart", "body", "a part of the multipart body is malformed");
            }
            String headers = new String(body, partStart, headersEnd - partStart, StandardCharsets.UTF_8);
            int contentEnd = next - 2; // the CRLF before the delimiter belongs to it
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
            String disposition = header(headers, "content-disposition");
            String name = disposition == null ? null : parameter(disposition, "name");
            if ("file".equals(name)) {
                fileName = parameter(disposition, "filename");
                file = content;
            } else if (name != null) {
                fields.put(name, new String(content, StandardCharsets.UTF_8));
            }
            at = next;
        }
        if (file == null) {
            throw DatasetException.invalid("missing_file", "file", "the upload has no part named \"file\" holding the CSV");
        }
        return new MultipartUpload(fileName, file, fields);
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    static String parameter(String header, String name) {
        for (String part : header.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
