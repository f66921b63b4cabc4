package org.aibase.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code new ID [--kind K] [--dir DIR] [--group G] [--version V] [--offline]}: a plugin project from the
 * archetype {@code org.aibase:aibase-plugin-archetype} of this runtime's version, made by Maven in
 * {@code DIR/ID}. Maven's output streams through; a missing archetype is said in one line naming it.
 */
final class NewPluginCommand {

    static final String ARCHETYPE_GROUP = "org.aibase";
    static final String ARCHETYPE_ARTIFACT = "aibase-plugin-archetype";
    static final List<String> KINDS = List.of("endpoint", "llm", "storage-jobs");

    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    // how Maven and its archetype plugin say that an artifact cannot be had
    private static final Pattern NOT_FOUND = Pattern.compile(
            "does not exist|not found|was not found|[Cc]ould not (find|resolve)|[Cc]annot (find|resolve)");

    private final PrintStream out;
    private final String maven;

    /** {@code maven} is the command that runs Maven, {@code mvn} unless the environment names another. */
    NewPluginCommand(PrintStream out, String maven) {
        this.out = out;
        this.maven = maven;
    }

    /** What Maven is asked for: the project's coordinates and where it goes. */
    record Request(String id, String kind, Path dir, String group, String version, boolean offline) {

        /**
         * Maven's command line after the executable. The archetype plugin is named in full: offline, its prefix
         * ({@code archetype:generate}) needs repository metadata that a local repository filled by a build lacks.
         */
        List<String> mavenArguments(String archetypeVersion, String pluginVersion) {
            List<String> args = new ArrayList<>(List.of("-B",
                    "org.apache.maven.plugins:maven-archetype-plugin:" + pluginVersion + ":generate",
                    "-DarchetypeGroupId=" + ARCHETYPE_GROUP, "-DarchetypeArtifactId=" + ARCHETYPE_ARTIFACT,
                    "-DarchetypeVersion=" + archetypeVersion, "-DpluginId=" + id, "-Dkind=" + kind, "-DgroupId=" + group,
                    "-DartifactId=" + id, "-Dversion=" + version, "-Dpackage=" + group + "." + id, "-DinteractiveMode=false"));
            if (offline) {
                args.add(0, "-o");
            }
            return args;
        }
    }

    /** Reads the command line; usage errors name the option and what is allowed. */
    static Request parse(List<String> args, Path workingDirectory) {
        CommandLine line = CommandLine.parse(args, Set.of("--offline"), Set.of("--kind", "--dir", "--group", "--version"));
        String id = PluginIds.check(line.single("new", "plugin id"));
        String kind = line.value("--kind").orElse("endpoint");
        if (!KINDS.contains(kind)) {
            throw CommandFailure.usage("--kind '" + kind + "' is not a kind of plugin (allowed: " + String.join(", ", KINDS) + ")");
        }
        String group = line.value("--group").orElse("org.example");
        if (!GROUP.matcher(group).matches()) {
            throw CommandFailure.usage("--group '" + group + "' is not a Maven groupId that is also a Java package "
                    + "(allowed: lower-case words separated by dots, e.g. org.example)");
        }
        String version = line.value("--version").orElse("1.0.0");
        if (!VERSION.matcher(version).matches()) {
            throw CommandFailure.usage("--version '" + version + "' is not a plugin version (allowed: X.Y.Z, or X.Y.Z-SNAPSHOT)");
        }
        Path dir = workingDirectory.resolve(line.value("--dir").orElse(".")).toAbsolutePath().normalize();
        return new Request(id, kind, dir, group, version, line.flag("--offline"));
    }

    int run(List<String> args, Path workingDirectory) throws InterruptedException {
        Request request = parse(args, workingDirectory);
        if (!Files.isDirectory(request.dir())) {
            throw new CommandFailure(ExitStatus.FAILED, "--dir " + request.dir() + " is not a folder");
        }
        Path project = request.dir().resolve(request.id());
        if (Files.exists(project)) {
            throw new CommandFailure(ExitStatus.FAILED, project + " exists already; choose another id or --dir");
        }
        String archetypeVersion = buildProperty("version");
        List<String> command = new ArrayList<>(List.of(maven));
        command.addAll(request.mavenArguments(archetypeVersion, buildProperty("archetype.plugin.version")));
        out.println("Creating " + project + " from " + ARCHETYPE_GROUP + ":" + ARCHETYPE_ARTIFACT + ":" + archetypeVersion
                + " (kind " + request.kind() + "): " + String.join(" ", command));
        int status;
        boolean archetypeMissing;
        Process process = null;
        try {
            process = new ProcessBuilder(command).directory(request.dir().toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            archetypeMissing = stream(process.getInputStream());
            status = process.waitFor();
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.FAILED, "cannot run Maven ('" + maven + "'): " + e.getMessage()
                    + " (install Maven 3.8 or later and put mvn on the PATH, or name it in " + Main.MAVEN_ENV + ")");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroy(); // its output could not be read, or this command was interrupted: Maven does not go on alone
            }
        }
        if (status != 0) {
            throw new CommandFailure(ExitStatus.FAILED, archetypeMissing
                    ? "the archetype " + ARCHETYPE_GROUP + ":" + ARCHETYPE_ARTIFACT + ":" + archetypeVersion
                            + " is not in the Maven repositories Maven can reach: install it first (mvn install in the "
                            + "AI Base source tree)"
                    : "Maven could not create the project from " + ARCHETYPE_GROUP + ":" + ARCHETYPE_ARTIFACT + ":"
                            + archetypeVersion + " (exit status " + status + "); its output above says why");
        }
        out.println();
        out.println("Created " + project + ". Next:");
        out.println("  cd " + (project.startsWith(workingDirectory) ? workingDirectory.relativize(project) : project) + " && mvn verify");
        out.println("  aibase install target/" + request.id() + "-" + request.version() + ".jar");
        return ExitStatus.OK;
    }

    /** Copies Maven's output through; returns whether it said the archetype cannot be found. */
    private boolean stream(InputStream output) throws IOException {
        boolean missing = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                missing |= line.contains(ARCHETYPE_ARTIFACT) && NOT_FOUND.matcher(line).find();
            }
        }
        return missing;
    }

    /** What the build wrote into the JAR: {@code version} (the runtime's, also the archetype's), {@code archetype.plugin.version}. */
    static String buildProperty(String name) {
        Properties properties = new Properties();
        try (InputStream in = NewPluginCommand.class.getResourceAsStream("aibase-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the runtime's version cannot be read", e);
        }
        String value = properties.getProperty(name);
        if (value == null || value.startsWith("$")) {
            throw new IllegalStateException("the runtime JAR carries no " + name + " (aibase-version.properties)");
        }
        return value;
    }
}
