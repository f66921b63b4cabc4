package org.aibase.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the running runtime is and which API key to show it: {@code --url} or {@code AIBASE_URL}
 * (default {@value #DEFAULT_URL}), {@code --key} or {@code AIBASE_API_KEY}. A flag beats the environment.
 */
record RuntimeAddress(URI base, Optional<String> key) {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    static final String URL_ENV = "AIBASE_URL";
    static final String KEY_ENV = "AIBASE_API_KEY";
    /** The options every command that talks to a runtime accepts. */
    static final Set<String> OPTIONS = Set.of("--url", "--key");

    /** The address from the command line, then the environment. */
    static RuntimeAddress of(CommandLine line, Map<String, String> env) {
        Optional<String> flag = line.value("--url");
        String text = flag.or(() -> Optional.ofNullable(env.get(URL_ENV)).filter(s -> !s.isBlank())).orElse(DEFAULT_URL);
        String source = flag.isPresent() ? "--url" : env.containsKey(URL_ENV) ? URL_ENV : "the default URL";
        Optional<String> key = line.value("--key").or(() -> Optional.ofNullable(env.get(KEY_ENV))).map(String::strip)
                .filter(s -> !s.isEmpty());
        return new RuntimeAddress(parse(text.strip(), source), key);
    }

    /** The URL of an API path, e.g. {@code plugins/hello} under {@code /api/v1/}. */
    URI api(String path) {
        return URI.create(base + "/api/v1/" + path);
    }

    private static URI parse(String text, String source) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, with what is allowed
        }
        throw CommandFailure.usage(source + " must be an http:// or https:// URL such as " + DEFAULT_URL + ", got '" + text + "'");
    }
}
