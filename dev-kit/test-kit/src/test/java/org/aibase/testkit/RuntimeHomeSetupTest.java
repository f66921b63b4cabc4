package org.aibase.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeHomeSetupTest {

    @TempDir
    Path dir;

    @Test
    void configEntriesBecomeFilesOfKeyValueLines() throws IOException {
        RuntimeHomeSetup setup = new RuntimeHomeSetup(dir);
        setup.config(new String[] {"aibase.plugin.notes.cfg: max_text_length=5, summary_title=Today"});
        assertEquals("max_text_length=5\nsummary_title=Today\n",
                Files.readString(dir.resolve("config/aibase.plugin.notes.cfg")));
    }

    @Test
    void aConfigEntryThatIsNotFileColonPairsIsRefusedSayingTheForm() throws IOException {
        RuntimeHomeSetup setup = new RuntimeHomeSetup(dir);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> setup.config(new String[] {"max_text_length=5"}));
        assertTrue(refused.getMessage().contains("FILE.cfg: key=value, key=value"), refused.getMessage());
    }

    @Test
    void thePluginIsDeployedUnderItsIdFromPluginYaml() throws IOException {
        Path jar = dir.resolve("notes-1.0.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("plugin.yaml"));
            zip.write("# a comment\nid: \"notes\"   # the id\nversion: 1.0.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        assertEquals("notes", new RuntimeHomeSetup(home).deploy(jar));
        assertTrue(Files.isRegularFile(home.resolve("deploy/notes.jar")));
    }

    @Test
    void theScriptedLlmIsTheProviderAndTheDefaultModel() throws IOException {
        try (ScriptedLlm llm = ScriptedLlm.start()) {
            new RuntimeHomeSetup(dir).scriptedLlm(llm);
            assertTrue(Files.readString(dir.resolve("config/org.aibase.llm.provider-scripted.cfg"))
                    .contains("base.url=" + llm.baseUrl() + "\n"));
            assertTrue(Files.readString(dir.resolve("config/org.aibase.llm.router.cfg"))
                    .contains("default.model=" + ScriptedLlm.MODEL + "\n"));
        }
    }
}
