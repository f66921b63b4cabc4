package org.aibase.llm.internal.http;

import java.util.Map;
import java.util.Optional;

/** A provider's HTTP answer: status, headers (lower-case names) and body text. */
public record HttpReply(int status, Map<String, String> headers, String body) {

    /** Copies the headers. */
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    /** A header's value by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** Whether the status is 2xx. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
