package org.aibase.validator.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Unix file type each entry of a zip declares in the central directory's external attributes
 * (a symbolic link, a device, ...). {@link java.util.zip.ZipFile} keeps those attributes to itself,
 * so the directory is read here, and only for this: names and sizes stay {@code ZipFile}'s.
 */
final class EntryFileTypes {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int HOST_UNIX = 3;

    /** The S_IFMT bits of a Unix mode and the types a plugin JAR may hold. */
    static final int TYPE_MASK = 0170000;
    static final int REGULAR = 0100000;
    static final int DIRECTORY = 0040000;
    static final int SYMLINK = 0120000;

    private EntryFileTypes() {
    }

    /**
     * The file type of every entry written on Unix with one, by name; entries without a Unix mode
     * (most JAR tools write none) are absent. Throws when the directory cannot be read.
     */
    static Map<String, Integer> read(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = channel.size();
            int tail = (int) Math.min(length, END_SIZE + MAX_COMMENT);
            ByteBuffer end = read(channel, length - tail, tail);
            int at = tail - END_SIZE;
            while (at >= 0 && end.getInt(at) != END_SIGNATURE) {
                at--;
            }
            if (at < 0) {
                throw new IOException("has no end of central directory");
            }
            long size = Integer.toUnsignedLong(end.getInt(at + 12));
            long offset = Integer.toUnsignedLong(end.getInt(at + 16));
            if (size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                throw new IOException("uses ZIP64 end records, which a plugin JAR never needs");
            }
            // counted back from the end record, so data prepended to the zip shifts nothing
            long start = length - tail + at - size;
            if (start < 0 || size > Integer.MAX_VALUE) {
                throw new IOException("declares a central directory outside the file");
            }
            return types(read(channel, start, (int) size));
        }
    }

    private static Map<String, Integer> types(ByteBuffer directory) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        int at = 0;
        while (at + ENTRY_SIZE <= directory.limit() && directory.getInt(at) == ENTRY_SIGNATURE) {
            int host = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int type = (directory.getInt(at + 38) >>> 16) & TYPE_MASK;
            if (at + ENTRY_SIZE + nameLength > directory.limit()) {
                throw new IOException("has a truncated central directory");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + ENTRY_SIZE, name);
            if (host == HOST_UNIX && type != 0) {
                types.put(new String(name, StandardCharsets.UTF_8), type);
            }
            at += ENTRY_SIZE + nameLength + extraLength + commentLength;
        }
        return types;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        return buffer.flip();
    }
}
