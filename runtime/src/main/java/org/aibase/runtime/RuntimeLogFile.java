package org.aibase.runtime;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The runtime's log kept as a file, {@code data/logs/runtime.log}, for {@code GET /api/v1/logs}: every
 * line the runtime prints (its stages, SLF4J and java.util.logging lines, isolated plugins' output),
 * each prefixed with its UTC instant, because the console format carries only the time of day. At
 * {@link #ROTATE_AT} bytes the file becomes {@code runtime.log.1} (replacing the previous one), so the
 * log never takes more than twice that.
 */
final class RuntimeLogFile {

    static final String NAME = "runtime.log";
    static final long ROTATE_AT = 10L * 1024 * 1024;

    // the console's time of day, redundant after the instant
    private static final Pattern TIME_OF_DAY = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

    // the console as it was before a tee replaced System.err (this class is loaded before that)
    private static final PrintStream CONSOLE_ERR = System.err;

    private final Path file;
    private final Clock clock;
    private BufferedWriter writer;
    private long size;
    private boolean failed;

    private RuntimeLogFile(Path file, Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        open();
    }

    /** Opens (appends to) the log file in the folder, creating it when missing. */
    static RuntimeLogFile open(Path folder, Clock clock) throws IOException {
        Files.createDirectories(folder);
        return new RuntimeLogFile(folder.resolve(NAME), clock);
    }

    /** A stream that prints to {@code console} and copies each complete line to this file. */
    PrintStream tee(PrintStream console) {
        Charset charset = Charset.defaultCharset(); // what PrintStream encodes with when none is given
        return new PrintStream(new LineCopy(console, charset), true, charset);
    }

    /** Appends one line; a file that cannot be written is given up once, loudly, never failing the caller. */
    synchronized void append(String line) {
        if (failed) {
            return;
        }
        String text = clock.instant() + " " + TIME_OF_DAY.matcher(line).replaceFirst("") + "\n";
        try {
            if (size >= ROTATE_AT) {
                rotate();
            }
            writer.write(text);
            writer.flush(); // GET /api/v1/logs sees a line as soon as it is printed
            size += text.getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            failed = true;
            CONSOLE_ERR.println("The log file " + file + " cannot be written (" + e.getMessage()
                    + "); the log goes on on the console only");
        }
    }

    private void open() throws IOException {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        writer.close();
        Files.move(file, file.resolveSibling(NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /**
     * The longest line the file keeps: a plugin may print (System.out is allowed), and a line without end
     * must not grow in the runtime's heap.
     */
    static final int LONGEST_LINE = 8192;

    /** Passes bytes through to the console and hands each complete line (cut at {@link #LONGEST_LINE}) to the file. */
    private final class LineCopy extends OutputStream {
        private final PrintStream console;
        private final Charset charset;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        /** Whether the pending line went past {@link #LONGEST_LINE}: the rest of it is not kept. */
        private boolean cut;

        LineCopy(PrintStream console, Charset charset) {
            this.console = console;
            this.charset = charset;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            collect(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            console.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                collect(bytes[i]);
            }
        }

        @Override
        public void flush() {
            console.flush();
        }

        private void collect(int b) {
            if (b == '\n') {
                String line = pending.toString(charset);
                pending.reset();
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                append(cut ? line + " [cut at " + LONGEST_LINE + " bytes]" : line);
                cut = false;
            } else if (pending.size() < LONGEST_LINE) {
                pending.write(b);
            } else {
                cut = true;
            }
        }
    }
}
