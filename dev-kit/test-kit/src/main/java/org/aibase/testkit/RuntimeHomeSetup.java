package org.aibase.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A fresh runtime home before the runtime starts: configuration files and the plugin in {@code deploy/}. */
final class RuntimeHomeSetup {

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*[\"']?([^\"'\\s#]+)");
    private static final String PROVIDER_NAME = "scripted";

    private final Path home;

    RuntimeHomeSetup(Path home) throws IOException {
        this.home = home;
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("deploy"));
    }

    /** Points the runtime's LLM provider and its default model at the scripted server, without retries. */
    void scriptedLlm(ScriptedLlm llm) throws IOException {
        write("org.aibase.llm.provider-" + PROVIDER_NAME + ".cfg", "type=openai-compatible\nname=" + PROVIDER_NAME
                + "\nbase.url=" + llm.baseUrl() + "\ntimeout.seconds=20\n");
        write("org.aibase.llm.router.cfg", "default.model=" + ScriptedLlm.MODEL + "\nmax.retries=0\n");
    }

    /** Writes {@code "FILE.cfg: key=value, key=value"} entries into {@code config/}. */
    void config(String[] entries) throws IOException {
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 1 || !entry.substring(0, colon).strip().matches("[A-Za-z0-9._-]+\\.cfg")) {
                throw new IllegalArgumentException("@AIBaseRuntime config entry '" + entry
                        + "' is not \"FILE.cfg: key=value, key=value\"");
            }
            StringBuilder text = new StringBuilder();
            for (String pair : entry.substring(colon + 1).split(",")) {
                if (!pair.isBlank()) {
                    text.append(pair.strip()).append('\n');
                }
            }
            write(entry.substring(0, colon).strip(), text.toString());
        }
    }

    /** Copies the plugin JAR into {@code deploy/} as {@code <id>.jar} and answers its id (plugin.yaml's {@code id}). */
    String deploy(Path pluginJar) throws IOException {
        String id = pluginId(pluginJar);
        Files.copy(pluginJar, home.resolve("deploy").resolve(id + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        return id;
    }

    /** The admin API key the runtime generated at its first start. */
    String adminKey() throws IOException {
        Path file = home.resolve("data/credentials.properties");
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            credentials.load(in);
        }
        String key = credentials.getProperty("admin.api.key");
        if (key == null) {
            throw new IllegalStateException(file + " has no admin.api.key");
        }
        return key;
    }

    static String pluginId(Path pluginJar) throws IOException {
        try (ZipFile zip = new ZipFile(pluginJar.toFile())) {
            ZipEntry descriptor = zip.getEntry("plugin.yaml");
            if (descriptor == null) {
                throw new IllegalStateException(pluginJar + " has no plugin.yaml at its root: is it an AI Base plugin?");
            }
            try (InputStream in = zip.getInputStream(descriptor)) {
                Matcher id = ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!id.find()) {
                    throw new IllegalStateException(pluginJar + "'s plugin.yaml has no id");
                }
                return id.group(1);
            }
        }
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content, StandardCharsets.UTF_8);
    }
}
