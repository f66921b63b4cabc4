package org.aibase.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aibase.guide.GuideBlocks.Block;

/**
 * The guide's running example as one Maven project: its Java blocks as sources (JUnit ones as tests),
 * its complete plugin.yaml, the files a block names in its first line ({@code # src/main/resources/...}),
 * and a POM whose parent is the plugin parent with the dependencies the guide lists.
 */
final class GuideProject {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");
    /** A first line that names where the block goes: a comment with a path under src/. */
    private static final Pattern NAMED_FILE = Pattern.compile("^(?:#|//|<!--)\\s*(src/[\\w./-]+)");

    private GuideProject() {
    }

    /**
     * Writes the project into {@code dir} and answers the files written, relative to it.
     *
     * @param descriptor the guide's complete plugin.yaml (its {@code id} and {@code version} name the project)
     * @param platformVersion the version of the plugin parent
     */
    static List<String> write(List<Block> blocks, Map<?, ?> descriptor, String descriptorText, String platformVersion,
            Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        String dependencies = "";
        for (Block block : blocks) {
            String code = block.code();
            Matcher named = NAMED_FILE.matcher(code);
            if (block.language().equals("java")) {
                Matcher pkg = PACKAGE.matcher(code);
                Matcher type = TYPE.matcher(code);
                if (pkg.find() && type.find()) {
                    String root = BlockCompiler.isTestCode(block) ? "src/test/java/" : "src/main/java/";
                    written.add(write(dir, root + pkg.group(1).replace('.', '/') + "/" + type.group(1) + ".java", code));
                }
            } else if (named.find()) {
                written.add(write(dir, named.group(1), code));
            } else if (block.language().equals("xml") && code.contains("<dependency>")) {
                dependencies = code;
            }
        }
        written.add(write(dir, "src/main/resources/plugin.yaml", descriptorText));
        written.add(write(dir, "pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.aibase</groupId><artifactId>aibase-plugin-parent</artifactId><version>%s</version><relativePath/>
                  </parent>
                  <groupId>org.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(platformVersion, descriptor.get("id"), descriptor.get("version"), dependencies)));
        return written;
    }

    private static String write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return relative;
    }
}
