package org.aibase.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code run}: {@code [run] [--home DIR] [--port N] [--host ADDR]}. A flag that was given is
 * kept apart from a default, because a given flag beats configuration while a default does not.
 */
record LaunchOptions(Path home, Optional<Integer> port, Optional<String> host) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";

    int effectivePort() {
        return port.orElse(DEFAULT_PORT);
    }

    String effectiveHost() {
        return host.orElse(DEFAULT_HOST);
    }

    /** Parses the arguments after the command; throws {@link UsageException} naming what is wrong. */
    static LaunchOptions parse(List<String> args, Path workingDirectory) {
        Path home = workingDirectory;
        Optional<Integer> port = Optional.empty();
        Optional<String> host = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument '" + flag + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--home" -> home = workingDirectory.resolve(value).toAbsolutePath().normalize();
                case "--port" -> port = Optional.of(parsePort(value));
                case "--host" -> host = Optional.of(parseHost(value));
                default -> throw new UsageException("unknown option " + flag + " (allowed: --home, --port, --host)");
            }
        }
        return new LaunchOptions(home.toAbsolutePath().normalize(), port, host);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new UsageException("--port must be a number from 1 to 65535, got '" + value + "'");
    }

    private static String parseHost(String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--host must be a host name or IP address, got '" + value + "'");
        }
        return value;
    }

    /** A command line that cannot be followed; the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
