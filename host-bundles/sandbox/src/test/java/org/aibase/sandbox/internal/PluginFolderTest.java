package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.aibase.api.files.PluginFilesException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's folder: confined names, links that lead out, the storage limit, and the plain operations. */
class PluginFolderTest {

    @TempDir
    Path home;

    private Path root;
    private PluginFolder folder;

    @BeforeEach
    void create() {
        root = PluginFilesService.folderOf(home.toString(), "notes");
        folder = new PluginFolder(root, 1000);
    }

    @Test
    void livesUnderDataPluginsId() {
        assertEquals(home.resolve("data/plugins/notes").toAbsolutePath().normalize(), root);
    }

    @Test
    void writesReadsListsAndDeletes() {
        folder.write("reports/2026/summary.json", bytes("{\"n\":1}"));
        folder.write("readme.txt", bytes("hi"));

        assertArrayEquals(bytes("{\"n\":1}"), folder.read("reports/2026/summary.json"));
        assertEquals(List.of("readme.txt", "reports/"), folder.list(""));
        assertEquals(List.of("summary.json"), folder.list("reports/2026"));
        assertEquals(9, folder.usedBytes());

        folder.write("readme.txt", bytes("hello"));
        assertArrayEquals(bytes("hello"), folder.read("readme.txt"));
        assertTrue(folder.delete("readme.txt"));
        assertFalse(folder.delete("readme.txt"));
        assertEquals(List.of("reports/"), folder.list(""));
    }

    @Test
    void refusesDotDot() {
        assertCode(PluginFilesException.INVALID_NAME, () -> folder.write("../x", bytes("x")));
        assertCode(PluginFilesException.INVALID_NAME, () -> folder.read("a/../../x"));
        assertFalse(Files.exists(root.resolveSibling("x")));
    }

    @Test
    void refusesAbsoluteNames() {
        PluginFilesException e = assertCode(PluginFilesException.INVALID_NAME, () -> folder.write("/etc/passwd", bytes("x")));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        assertCode(PluginFilesException.INVALID_NAME, () -> folder.read(home.resolve("x").toString()));
    }

    @Test
    void refusesAWriteOverTheStorageLimit() {
        folder.write("a.bin", new byte[600]);

        PluginFilesException e = assertCode(PluginFilesException.QUOTA_EXCEEDED, () -> folder.write("b.bin", new byte[500]));
        assertTrue(e.getMessage().contains("600 of 1000"), e.getMessage());
        folder.write("a.bin", new byte[1000]); // replacing counts the old size out
        assertEquals(1000, folder.usedBytes());
    }

    @Test
    void refusesLinksThatLeadOut() throws Exception {
        Path outside = Files.createDirectories(home.resolve("secrets"));
        Files.writeString(outside.resolve("key"), "s3cret");
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("key-link"), outside.resolve("key"));

        assertCode(PluginFilesException.OUTSIDE_FOLDER, () -> folder.read("escape/key"));
        assertCode(PluginFilesException.OUTSIDE_FOLDER, () -> folder.read("key-link"));
        assertCode(PluginFilesException.OUTSIDE_FOLDER, () -> folder.write("escape/new", bytes("x")));
        assertCode(PluginFilesException.OUTSIDE_FOLDER, () -> folder.list("escape"));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void aMissingFileIsNotFound() {
        assertCode(PluginFilesException.NOT_FOUND, () -> folder.read("nothing.txt"));
        assertEquals(List.of(), folder.list(""));
    }

    private static PluginFilesException assertCode(String code, org.junit.jupiter.api.function.Executable action) {
        PluginFilesException e = assertThrows(PluginFilesException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
