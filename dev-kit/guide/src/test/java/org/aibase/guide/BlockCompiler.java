package org.aibase.guide;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.aibase.guide.GuideBlocks.Block;

/**
 * Compiles Java blocks together, each as a compilation unit of its own, against the test class path
 * (what a plugin compiles against, and the test kit), into a folder; problems name the guide's line.
 */
final class BlockCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    private final Path guide;

    BlockCompiler(Path guide) {
        this.guide = guide;
    }

    /** A block as javac sees it: a source file named after its first top-level type. */
    private static final class BlockSource extends SimpleJavaFileObject {
        final Block block;
        final String typeName;

        BlockSource(Block block, String packageName, String typeName) {
            super(URI.create("string:///" + packageName.replace('.', '/') + "/" + typeName + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.block = block;
            this.typeName = packageName + "." + typeName;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return block.code();
        }
    }

    /**
     * Compiles the blocks into {@code output}; answers every problem, one per line, as
     * {@code plugin-guide.md:LINE: message}, empty when all compiled without an error.
     */
    List<String> compile(List<Block> blocks, Path output) throws IOException {
        List<String> problems = new ArrayList<>();
        List<BlockSource> sources = new ArrayList<>();
        Map<String, Block> byType = new HashMap<>();
        for (Block block : blocks) {
            Matcher pkg = PACKAGE.matcher(block.code());
            Matcher type = TYPE.matcher(block.code());
            if (!pkg.find() || !type.find()) {
                problems.add(block.where(guide) + ": a java block must be a whole compilation unit (a package "
                        + "declaration, its imports and a top-level type); mark other code ```text");
                continue;
            }
            BlockSource source = new BlockSource(block, pkg.group(1), type.group(1));
            Block earlier = byType.putIfAbsent(source.typeName, block);
            if (earlier != null) {
                problems.add(block.where(guide) + ": " + source.typeName + " is declared again (first at line "
                        + earlier.line() + "): give each block's type its own name");
                continue;
            }
            sources.add(source);
        }
        if (sources.isEmpty()) {
            return problems;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                    "-classpath", classPath(), "-d", output.toString());
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() instanceof BlockSource s
                    ? guide.getFileName() + ":" + (s.block.line() + d.getLineNumber() - 1)
                    : String.valueOf(d.getSource());
            problems.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return problems;
    }

    /** The test's class path; surefire names it in a property of its own when it starts the JVM from a manifest JAR. */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
    }

    /** Whether a block is test code (it imports JUnit), which is compiled but is no part of a plugin. */
    static boolean isTestCode(Block block) {
        return block.code().contains("import org.junit.") || block.code().contains("import static org.junit.");
    }

    /**
     * The block that declares a class file's top-level type ({@code org/example/X$Y.class} is
     * {@code org.example.X}'s), for findings about compiled code.
     */
    static java.util.Optional<Block> declaring(String classFile, List<Block> blocks) {
        String name = classFile.replace('\\', '/').replaceAll("(\\$.*)?\\.class$", "");
        return blocks.stream().filter(b -> {
            Matcher pkg = PACKAGE.matcher(b.code());
            Matcher type = TYPE.matcher(b.code());
            return pkg.find() && type.find() && name.equals(pkg.group(1).replace('.', '/') + "/" + type.group(1));
        }).findFirst();
    }

    /** The class files of the blocks that are plugin code, relative to the output folder. */
    static List<Path> pluginClasses(Path output, List<Block> blocks) throws IOException {
        List<String> testPackages = new ArrayList<>();
        for (Block block : blocks) {
            Matcher pkg = PACKAGE.matcher(block.code());
            Matcher type = TYPE.matcher(block.code());
            if (isTestCode(block) && pkg.find() && type.find()) {
                testPackages.add(pkg.group(1).replace('.', '/') + "/" + type.group(1));
            }
        }
        try (var walk = java.nio.file.Files.walk(output)) {
            return walk.filter(p -> p.toString().endsWith(".class")).map(output::relativize)
                    .filter(p -> testPackages.stream().noneMatch(t -> {
                        String name = p.toString().replace(File.separatorChar, '/');
                        return name.equals(t + ".class") || name.startsWith(t + "$");
                    }))
                    .sorted().toList();
        }
    }
}
