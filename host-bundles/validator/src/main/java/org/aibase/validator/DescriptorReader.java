package org.aibase.validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.internal.DescriptorFields;
import org.aibase.validator.internal.DescriptorContent;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a plugin's {@code plugin.yaml} safely (size, alias and nesting caps; plain types only) into a
 * {@link PluginDescriptor}. Wrong types are errors, unknown fields warnings; every problem becomes a
 * finding, nothing is thrown.
 */
public final class DescriptorReader {

    /** The largest descriptor accepted, in bytes: a descriptor is a page of text, not data. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The version assumed when the descriptor names none (which is an error). */
    public static final String UNKNOWN_VERSION = "0.0.0";

    /** The deepest nesting of mappings and lists accepted; a descriptor needs three levels. */
    public static final int MAX_NESTING = 20;

    /** The most aliases accepted: a few are handy, many are a "billion laughs" attack. */
    public static final int MAX_ALIASES = 20;

    private static final String FILE = PluginDescriptor.DESCRIPTOR_FILE;

    /** Reads a descriptor from the stream, which is not closed; at most {@value #MAX_BYTES} + 1 bytes are read. */
    public DescriptorReading read(InputStream yaml) {
        List<Finding> findings = new ArrayList<>();
        Optional<PluginDescriptor> descriptor = parse(yaml, findings);
        return new DescriptorReading(descriptor, findings);
    }

    private static Optional<PluginDescriptor> parse(InputStream yaml, List<Finding> findings) {
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
                    "a YAML mapping with id, name, version, permissions..."));
            return Optional.empty();
        }
        return DescriptorContent.read(new DescriptorFields(fields, "", findings));
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
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
            throw new DescriptorProblem(Finding.error(FILE, "is not valid YAML: " + reason, "a YAML mapping"));
        }
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
