package org.aibase.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys in force and their roles. Only SHA-256 digests are kept, and a presented key is
 * compared with every one of them in constant time, so neither timing nor a heap dump of this
 * object gives a key away.
 */
final class ApiKeys {

    /** Where the keys in force come from; logged, the keys never are. */
    enum Source {
        CONFIGURATION, GENERATED, NONE
    }

    /** Accepts nothing. */
    static final ApiKeys NONE = new ApiKeys(List.of(), Source.NONE);

    private record Entry(byte[] digest, Role role) {
    }

    private final List<Entry> entries;
    private final Source source;

    private ApiKeys(List<Entry> entries, Source source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    /**
     * The configured keys when there is at least one; otherwise the generated admin key alone.
     * Blank entries are ignored (an empty value in a {@code .cfg} file is not a key).
     */
    static ApiKeys resolve(String[] adminKeys, String[] userKeys, String generatedAdminKey) {
        List<Entry> configured = new ArrayList<>();
        add(configured, adminKeys, Role.ADMIN);
        add(configured, userKeys, Role.USER);
        if (!configured.isEmpty()) {
            return new ApiKeys(configured, Source.CONFIGURATION);
        }
        if (generatedAdminKey != null && !generatedAdminKey.isBlank()) {
            return new ApiKeys(List.of(new Entry(digest(generatedAdminKey.strip()), Role.ADMIN)), Source.GENERATED);
        }
        return NONE;
    }

    private static void add(List<Entry> entries, String[] keys, Role role) {
        if (keys == null) {
            return;
        }
        Arrays.stream(keys).filter(Objects::nonNull).map(String::strip).filter(k -> !k.isEmpty())
                .forEach(k -> entries.add(new Entry(digest(k), role)));
    }

    /** The role of a presented key: the highest of all keys it equals, compared without early exit. */
    Optional<Role> roleOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented);
        Role found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), candidate) && (found == null || entry.role() == Role.ADMIN)) {
                found = entry.role();
            }
        }
        return Optional.ofNullable(found);
    }

    Source source() {
        return source;
    }

    long count(Role role) {
        return entries.stream().filter(e -> e.role() == role).count();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
