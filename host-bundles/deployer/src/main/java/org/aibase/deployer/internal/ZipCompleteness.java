package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a zip file has been written completely, without reading it all.
 *
 * <p>A zip writer writes the end-of-central-directory record last. A file is complete when that record
 * ends the file and the central directory it points to ends right before it; a file still being copied
 * has no such record yet (or one from a nested JAR, whose offsets do not fit).
 */
final class ZipCompleteness {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final long UNSIGNED_INT_MAX = 0xFFFFFFFFL;

    private ZipCompleteness() {
    }

    /** Whether the file is a completely written zip; false also when it cannot be read. */
    static boolean isComplete(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return isComplete(channel);
        } catch (IOException e) {
            return false; // vanished or unreadable: not complete, the caller decides what that means
        }
    }

    private static boolean isComplete(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        if (size < EOCD_SIZE) {
            return false;
        }
        int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        long tailStart = size - tailLength;
        ByteBuffer tail = read(channel, tailStart, tailLength);
        for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) != EOCD_SIGNATURE) {
                continue;
            }
            long eocd = tailStart + i;
            int commentLength = Short.toUnsignedInt(tail.getShort(i + 20));
            if (eocd + EOCD_SIZE + commentLength != size) {
                continue; // the signature bytes occur inside a comment or entry data
            }
            long directorySize = Integer.toUnsignedLong(tail.getInt(i + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(i + 16));
            if (directorySize == UNSIGNED_INT_MAX || directoryOffset == UNSIGNED_INT_MAX) {
                return isCompleteZip64(channel, eocd);
            }
            return directoryEndsAt(channel, directoryOffset, directorySize, eocd);
        }
        return false;
    }

    private static boolean isCompleteZip64(SeekableByteChannel channel, long eocd) throws IOException {
        long locator = eocd - ZIP64_LOCATOR_SIZE;
        if (locator < 0) {
            return false;
        }
        ByteBuffer locatorBytes = read(channel, locator, ZIP64_LOCATOR_SIZE);
        if (locatorBytes.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return false;
        }
        long record = locatorBytes.getLong(8);
        if (record < 0 || record + 56 > locator) {
            return false;
        }
        ByteBuffer recordBytes = read(channel, record, 56);
        if (recordBytes.getInt(0) != ZIP64_EOCD_SIGNATURE || record + 12 + recordBytes.getLong(4) != locator) {
            return false;
        }
        return directoryEndsAt(channel, recordBytes.getLong(48), recordBytes.getLong(40), record);
    }

    private static boolean directoryEndsAt(SeekableByteChannel channel, long offset, long size, long end)
            throws IOException {
        if (offset < 0 || size < 0 || offset + size != end) {
            return false;
        }
        // an empty directory has no header to look at; otherwise the first one must be where it points
        return size == 0 || read(channel, offset, 4).getInt(0) == CENTRAL_HEADER_SIGNATURE;
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        return buffer;
    }
}
