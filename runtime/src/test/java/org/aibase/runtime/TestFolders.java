package org.aibase.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders of tests that cannot use JUnit's {@code @TempDir} (Pax Exam's JUnit 4 runner, system-wide
 * Derby homes): made under the build's folder, so {@code mvn clean} takes them and a run never
 * leaves a runtime home (tens of MB) in the system's temporary folder.
 */
final class TestFolders {

    private TestFolders() {
    }

    static Path create(String prefix) throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("aibase.test.work", "target/it-work")));
        return Files.createTempDirectory(work, prefix);
    }
}
