package org.aibase.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown file, in order, each with the line its first line of code is on. */
final class GuideBlocks {

    private GuideBlocks() {
    }

    /**
     * A fenced block.
     *
     * @param line the 1-based line of the block's first line of code (the fence is the line before)
     * @param language the fence's language word (```java gives java), empty when the fence names none
     * @param code the lines between the fences, each ended by a line feed
     */
    record Block(int line, String language, String code) {

        /** The block's line as people quote it: {@code docs/plugin-guide.md:123}. */
        String where(Path file) {
            return file.getFileName() + ":" + line;
        }
    }

    /**
     * Reads every block. Fences are three backticks at the start of a line; a fence left open is an
     * error naming its line.
     */
    static List<Block> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).strip();
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                code.append(lines.get(end)).append('\n');
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException(markdown.getFileName() + ":" + (i + 1) + ": a code fence is never closed");
            }
            blocks.add(new Block(start + 1, language, code.toString()));
            i = end;
        }
        return blocks;
    }
}
