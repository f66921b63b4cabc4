package org.aibase.rest.internal.mcp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Ends a session in the SDK as its client would, with a {@code DELETE} carrying its id: the SDK has no
 * other way to forget a session. The {@code DELETE} is the request in hand seen through a wrapper
 * (same caller, same origin, already admitted), and what the SDK answers to it is dropped: the
 * request in hand still gets its own answer.
 */
final class SessionEnd {

    private SessionEnd() {
    }

    /** The request in hand as a {@code DELETE} of session {@code id}. */
    static HttpServletRequest request(HttpServletRequest current, String id) {
        return new HttpServletRequestWrapper(current) {
            @Override
            public String getMethod() {
                return "DELETE";
            }

            @Override
            public String getHeader(String name) {
                return name.toLowerCase(Locale.ROOT).equals(McpEndpoint.SESSION_HEADER) ? id : super.getHeader(name);
            }
        };
    }

    /** A response whose status, headers and body go nowhere. */
    static HttpServletResponse discarded(HttpServletResponse current) {
        return new HttpServletResponseWrapper(current) {
            private final PrintWriter writer = new PrintWriter(Writer.nullWriter());
            private int status = 200;

            @Override
            public void setStatus(int sc) {
                status = sc;
            }

            @Override
            public int getStatus() {
                return status;
            }

            @Override
            public void sendError(int sc) {
                status = sc;
            }

            @Override
            public void sendError(int sc, String msg) {
                status = sc;
            }

            @Override
            public void setHeader(String name, String value) {
            }

            @Override
            public void addHeader(String name, String value) {
            }

            @Override
            public void setIntHeader(String name, int value) {
            }

            @Override
            public void setContentType(String type) {
            }

            @Override
            public void setCharacterEncoding(String charset) {
            }

            @Override
            public void setContentLength(int len) {
            }

            @Override
            public void setContentLengthLong(long len) {
            }

            @Override
            public PrintWriter getWriter() {
                return writer;
            }

            @Override
            public ServletOutputStream getOutputStream() {
                return new ServletOutputStream() {
                    private final OutputStream sink = OutputStream.nullOutputStream();

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }

                    @Override
                    public void write(int b) throws IOException {
                        sink.write(b);
                    }
                };
            }

            @Override
            public void flushBuffer() {
            }

            @Override
            public void reset() {
            }

            @Override
            public void resetBuffer() {
            }

            @Override
            public boolean isCommitted() {
                return false;
            }
        };
    }
}
