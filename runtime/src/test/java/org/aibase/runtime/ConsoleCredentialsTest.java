package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCredentialsTest {

    @TempDir
    Path data;

    @Test
    void generatesARandomPasswordIntoAnOwnerOnlyFileAndKeepsIt() throws Exception {
        Path file = data.resolve("credentials.properties");
        ConsoleCredentials first = ConsoleCredentials.loadOrCreate(file);
        assertEquals("admin", first.username());
        assertNotEquals("admin", first.password());
        assertTrue(first.password().length() >= 20);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.adminApiKey().startsWith("aib_") && first.adminApiKey().length() > 40, first.adminApiKey());

        assertEquals(first, ConsoleCredentials.loadOrCreate(file), "the second start reads the same credentials");
        Path other = data.resolve("other.properties");
        assertNotEquals(first.password(), ConsoleCredentials.loadOrCreate(other).password());
    }

    @Test
    void keepsOtherEntriesAndAnOperatorsUserName() throws Exception {
        Path file = data.resolve("credentials.properties");
        Files.writeString(file, "console.username=operator\nadmin.api.key=abc\n");
        ConsoleCredentials credentials = ConsoleCredentials.loadOrCreate(file);
        assertEquals("operator", credentials.username());
        assertEquals("abc", credentials.adminApiKey());
        String content = Files.readString(file);
        assertTrue(content.contains("admin.api.key=abc"), content);
        assertTrue(content.contains("console.password="), content);
    }
}
