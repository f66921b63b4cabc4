package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipCompletenessTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenJarIsComplete() throws IOException {
        assertTrue(ZipCompleteness.isComplete(TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0")));
    }

    @Test
    void everyPrefixOfAJarIsIncomplete() throws IOException {
        byte[] whole = Files.readAllBytes(TestPlugins.write(dir.resolve("whole.jar"), "hello", "1.0.0"));
        Path half = dir.resolve("half.jar");
        for (int length = 0; length < whole.length; length++) {
            Files.write(half, Arrays.copyOf(whole, length));
            assertFalse(ZipCompleteness.isComplete(half), "first " + length + " of " + whole.length + " bytes");
        }
    }

    @Test
    void aZipWithACommentIsComplete() throws IOException {
        Path file = dir.resolve("commented.jar");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("a comment that contains PK\5\6 bytes");
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("a".getBytes());
            zip.closeEntry();
        }
        assertTrue(ZipCompleteness.isComplete(file));
    }

    @Test
    void aJarWithBytesAppendedIsNotComplete() throws IOException {
        Path file = TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0");
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        assertFalse(ZipCompleteness.isComplete(file));
    }

    @Test
    void aNestedJarAtTheEndOfAPartialCopyIsNotMistakenForTheOuterOne() throws IOException {
        byte[] inner = Files.readAllBytes(TestPlugins.write(dir.resolve("inner.jar"), "inner", "1.0.0"));
        Path outer = dir.resolve("outer.jar");
        try (OutputStream out = Files.newOutputStream(outer); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("lib/inner.jar");
            entry.setMethod(ZipEntry.STORED); // stored, so the inner bytes appear verbatim in the outer file
            entry.setSize(inner.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(inner);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(inner);
            zip.closeEntry();
        }
        byte[] whole = Files.readAllBytes(outer);
        int innerEnd = indexOf(whole, inner) + inner.length;
        Path partial = Files.write(dir.resolve("partial.jar"), Arrays.copyOf(whole, innerEnd));

        assertTrue(ZipCompleteness.isComplete(outer));
        assertFalse(ZipCompleteness.isComplete(partial));
    }

    @Test
    void textAndMissingFilesAreNotComplete() throws IOException {
        assertFalse(ZipCompleteness.isComplete(Files.writeString(dir.resolve("a.jar"), "x".repeat(100))));
        assertFalse(ZipCompleteness.isComplete(dir.resolve("missing.jar")));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
