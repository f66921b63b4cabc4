package org.aibase.rest.internal.host;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.aibase.rest.internal.SessionCookie;

/**
 * The response a plugin's code writes on a governor thread, which the host can take back at any
 * moment: when the governor stops the work (timeout, memory) the host answers itself, and whatever
 * the stopped work still writes goes nowhere instead of into the host's answer.
 *
 * <p>Every change goes through one lock, so taking over waits for a write in progress and never
 * interleaves with it; withdrawing only marks the response, so no thread ever waits for a plugin's
 * write to a slow client. The platform's session cookie is never set through it (see
 * {@link #setsPlatformCookie}).
 */
final class GuardedResponse extends HttpServletResponseWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private final Object lock = new Object();
    private volatile boolean taken;
    private ServletOutputStream stream;
    private PrintWriter writer;

    GuardedResponse(HttpServletResponse response) {
        super(response);
    }

    /**
     * Takes the response away from the plugin's code at once, without waiting for a write in
     * progress: whatever it writes from now on goes nowhere. Safe on any thread (the governor's
     * watchdog calls it before it interrupts the work).
     */
    void withdraw() {
        taken = true;
    }

    /**
     * Takes the response away from the plugin's code, waiting for a write in progress to end.
     *
     * @return true when nothing was sent yet, so the host may answer on the underlying response
     */
    boolean takeOver() {
        synchronized (lock) {
            taken = true;
            return !getResponse().isCommitted();
        }
    }

    private boolean open() {
        return !taken;
    }

    @Override
    public void setStatus(int status) {
        synchronized (lock) {
            if (open()) {
                super.setStatus(status);
            }
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        synchronized (lock) {
            if (open()) {
                super.sendError(status, message);
            }
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        synchronized (lock) {
            if (open()) {
                super.sendRedirect(location);
            }
        }
    }

    @Override
    public void setHeader(String name, String value) {
        synchronized (lock) {
            if (open() && !setsPlatformCookie(name, value)) {
                super.setHeader(name, value);
            }
        }
    }

    @Override
    public void addHeader(String name, String value) {
        synchronized (lock) {
            if (open() && !setsPlatformCookie(name, value)) {
                super.addHeader(name, value);
            }
        }
    }

    @Override
    public void addCookie(Cookie cookie) {
        synchronized (lock) {
            if (open() && !SessionCookie.NAME.equals(cookie.getName())) {
                super.addCookie(cookie);
            }
        }
    }

    /**
     * Whether the header would set the platform's session cookie: a plugin's answer reaches the browser
     * that holds the console's session, and must neither replace it (planting a session its author knows)
     * nor clear it. Dropped; the plugin's other cookies pass.
     */
    private static boolean setsPlatformCookie(String name, String value) {
        return SET_COOKIE.equalsIgnoreCase(name) && value != null && value.stripLeading().startsWith(SessionCookie.NAME + "=");
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        synchronized (lock) {
            if (open()) {
                super.setDateHeader(name, date);
            }
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        synchronized (lock) {
            if (open()) {
                super.addDateHeader(name, date);
            }
        }
    }

    @Override
    public void setContentType(String type) {
        synchronized (lock) {
            if (open()) {
                super.setContentType(type);
            }
        }
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        synchronized (lock) {
            if (open()) {
                super.setContentLengthLong(length);
            }
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        synchronized (lock) {
            if (open()) {
                super.setCharacterEncoding(charset);
            }
        }
    }

    @Override
    public void setBufferSize(int size) {
        synchronized (lock) {
            if (open()) {
                super.setBufferSize(size);
            }
        }
    }

    @Override
    public void reset() {
        synchronized (lock) {
            if (open()) {
                super.reset();
            }
        }
    }

    @Override
    public void resetBuffer() {
        synchronized (lock) {
            if (open()) {
                super.resetBuffer();
            }
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        synchronized (lock) {
            if (open()) {
                super.flushBuffer();
            }
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        synchronized (lock) {
            if (stream == null) {
                stream = new GuardedStream(super.getOutputStream());
            }
            return stream;
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        synchronized (lock) {
            if (writer == null) {
                writer = new PrintWriter(new GuardedWriter(super.getWriter()));
            }
            return writer;
        }
    }

    private final class GuardedStream extends ServletOutputStream {

        private final ServletOutputStream out;

        GuardedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (lock) {
                if (open()) {
                    out.write(b);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (lock) {
                if (open()) {
                    out.write(bytes, offset, length);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (open()) {
                    out.flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (lock) {
                if (open()) {
                    out.close();
                }
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class GuardedWriter extends Writer {

        private final PrintWriter out;

        GuardedWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (lock) {
                if (open()) {
                    out.write(chars, offset, length);
                }
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                if (open()) {
                    out.flush();
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (open()) {
                    out.close();
                }
            }
        }
    }
}
