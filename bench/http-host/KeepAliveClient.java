import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive across GET requests, as a browser or a load tool keeps it:
 * the smallest client that costs the measured server nothing beyond the protocol. Reconnects when
 * the server closes; a failed exchange is an answer with status {@link #IO_ERROR}, never an
 * exception, so a load loop counts it and goes on.
 */
final class KeepAliveClient implements AutoCloseable {

    /** The status of an exchange that failed below HTTP (refused, reset, timed out). */
    static final int IO_ERROR = -1;

    /** A status and body; for {@link #IO_ERROR} the body is the failure. */
    record Answer(int status, String body) {
    }

    private final InetSocketAddress server;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(String host, int port, String authorization) {
        this.server = new InetSocketAddress(host, port);
        this.authorization = authorization;
    }

    /** GET of a path with its query, e.g. {@code /api/v1/hello/greeting?name=Ada}. */
    Answer get(String target) {
        try {
            if (socket == null) {
                connect();
            }
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nAuthorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            return new Answer(IO_ERROR, e.toString());
        }
    }

    /**
     * Asks for a target every few milliseconds until it answers the status; returns the nanoseconds
     * from {@code sinceNanos} to that answer, or fails with the last answer after the timeout.
     */
    long awaitStatus(String target, int status, long sinceNanos, long timeoutMillis) throws InterruptedException {
        long deadline = sinceNanos + timeoutMillis * 1_000_000;
        while (true) {
            Answer answer = get(target);
            long now = System.nanoTime();
            if (answer.status() == status) {
                return now - sinceNanos;
            }
            if (now > deadline) {
                String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
                throw new IllegalStateException("GET " + target + " did not answer " + status + " within " + timeoutMillis
                        + " ms; the last answer was " + answer.status() + " " + body);
            }
            Thread.sleep(5); // tighter polling competes with the deployment for the two cores
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(server, 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closing = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closing = value.contains("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(exactly(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            body.write(exactly((int) length));
        } else if (status >= 200 && status != 204 && status != 304) {
            in.transferTo(body); // no length: the body ends with the connection
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private byte[] exactly(int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new EOFException("the connection ended inside a body");
        }
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection ended" + (line.length() > 0 ? " inside a line" : ""));
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
