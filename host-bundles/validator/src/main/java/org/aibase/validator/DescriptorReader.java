package org.aibase.validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a plugin's {@code plugin.yaml}; every problem becomes a finding, nothing is thrown. */
public final class DescriptorReader {

    /** The largest descriptor accepted, in bytes: a descriptor is a page of text, not data. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The version assumed when the descriptor names none. */
    public static final String UNKNOWN_VERSION = "0.0.0";

    private static final String FILE = PluginDescriptor.DESCRIPTOR_FILE;
    private static final String PERMISSION_IDS =
            Arrays.stream(Permission.values()).map(Permission::id).collect(Collectors.joining(", "));

    /** Reads a descriptor from the stream, which is not closed. */
    public DescriptorReading read(InputStream yaml) {
        List<Finding> findings = new ArrayList<>();
        Optional<PluginDescriptor> descriptor = parse(yaml, findings);
        return new DescriptorReading(descriptor, findings);
    }

    private Optional<PluginDescriptor> parse(InputStream yaml, List<Finding> findings) {
        Object document;
        try {
            document = load(decode(yaml.readNBytes(MAX_BYTES + 1)));
        } catch (DescriptorProblem problem) {
            findings.add(problem.finding);
            return Optional.empty();
        } catch (IOException e) {
            findings.add(Finding.error(FILE, "cannot be read: " + e.getMessage(), ""));
            return Optional.empty();
        }
        if (!(document instanceof Map<?, ?> fields)) {
            findings.add(Finding.error(FILE, document == null ? "is empty" : "is not a mapping of fields",
                    "a YAML mapping with id, name, version, permissions"));
            return Optional.empty();
        }
        Optional<String> id = id(fields.get("id"), findings);
        Optional<Set<Permission>> permissions = permissions(fields.get("permissions"), findings);
        String name = scalar(fields, "name", findings).orElse(id.orElse(""));
        String version = scalar(fields, "version", findings).orElseGet(() -> {
            if (!fields.containsKey("version")) {
                findings.add(Finding.warning(FILE + "/version", "is missing; " + UNKNOWN_VERSION + " assumed",
                        "a version X.Y.Z"));
            }
            return UNKNOWN_VERSION;
        });
        if (id.isEmpty() || permissions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PluginDescriptor(id.get(), name, version, permissions.get()));
    }

    private static String decode(byte[] bytes) throws DescriptorProblem {
        if (bytes.length > MAX_BYTES) {
            throw new DescriptorProblem(Finding.error(FILE, "is larger than 64 KiB", "at most " + MAX_BYTES + " bytes"));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DescriptorProblem(Finding.error(FILE, "is not valid UTF-8", "UTF-8 text"));
        }
    }

    private static Object load(String text) throws DescriptorProblem {
        // Untrusted input: plain types only, and small limits so aliases or nesting cannot blow up memory.
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
            throw new DescriptorProblem(Finding.error(FILE, "is not valid YAML: " + reason, "a YAML mapping"));
        }
    }

    private static Optional<String> id(Object value, List<Finding> findings) {
        String location = FILE + "/id";
        if (value == null) {
            findings.add(Finding.error(location, "is missing", "a plugin id such as hello"));
            return Optional.empty();
        }
        if (!(value instanceof String id) || id.isBlank()) {
            findings.add(Finding.error(location, "'" + value + "' is not a plugin id", "a plugin id such as hello"));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static Optional<Set<Permission>> permissions(Object value, List<Finding> findings) {
        String location = FILE + "/permissions";
        if (value == null) {
            // deny by default: a plugin that asks for nothing gets nothing
            return Optional.of(Set.of());
        }
        if (!(value instanceof List<?> ids)) {
            findings.add(Finding.error(location, "is not a list", "a list of " + PERMISSION_IDS));
            return Optional.empty();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        boolean readable = true;
        for (Object id : ids) {
            Optional<Permission> permission = id instanceof String s ? Permission.fromId(s) : Optional.empty();
            if (permission.isEmpty()) {
                findings.add(Finding.error(location, "'" + id + "' is not a permission", PERMISSION_IDS));
                readable = false;
            } else if (!permissions.add(permission.get())) {
                findings.add(Finding.warning(location, "'" + id + "' is listed twice", ""));
            }
        }
        return readable ? Optional.of(permissions) : Optional.empty();
    }

    private static Optional<String> scalar(Map<?, ?> fields, String field, List<Finding> findings) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            findings.add(Finding.error(FILE + "/" + field, "is not a single value", "a string"));
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value));
    }

    /** Ends reading early with the one finding that made further reading pointless. */
    private static final class DescriptorProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Finding finding;

        DescriptorProblem(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }
    }
}
