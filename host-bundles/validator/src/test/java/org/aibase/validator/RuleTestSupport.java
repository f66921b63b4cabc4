package org.aibase.validator;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Writes a plugin JAR per test and validates it with a context the test may choose. */
abstract class RuleTestSupport {

    /** The lines every valid descriptor starts with. */
    static final String BASE = "id: hello\nname: Hello\nversion: 1.0.0\n";

    @TempDir
    Path dir;

    ValidationReport validate(String yaml) throws IOException {
        return validate(TestJar.plugin(yaml));
    }

    ValidationReport validate(TestJar jar) throws IOException {
        return validate(jar, ValidationContext.standalone(PluginValidator.PLATFORM_VERSION));
    }

    ValidationReport validate(TestJar jar, ValidationContext context) throws IOException {
        return new PluginValidator(context).validate(jar.writeTo(dir.resolve("hello.jar")));
    }
}
