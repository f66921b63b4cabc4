package org.aibase.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aibase.api.plugin.CallerRole;

/**
 * The API keys in force and their roles. Only SHA-256 digests are kept, and a presented key is
 * compared with every one of them in constant time, so neither timing nor a heap dump of this
 * object gives a key away.
 *
 * <p>A configured key is the key itself or its salted digest, {@code sha256:SALT:HEX} with
 * {@code HEX = sha256(SALT + key)} (64 hex digits; SALT any text without {@code :} or {@code ,}), which
 * {@code printf '%s%s' "$SALT" "$KEY" | sha256sum} computes: then no key is written anywhere in
 * {@code config/} or shown by the console.
 */
final class ApiKeys {

    /** Where the keys in force come from; logged, the keys never are. */
    enum Source {
        CONFIGURATION, GENERATED, NONE
    }

    /** Accepts nothing. */
    static final ApiKeys NONE = new ApiKeys(List.of(), Source.NONE, List.of());

    private static final String HASHED = "sha256:";
    private static final MessageDigest SHA_256 = lookUpSha256();
    private static final Pattern HASHED_FORM = Pattern.compile("sha256:([^:,]+):([0-9a-fA-F]{64})");

    /** A key's digest, salted ({@code salt} is empty for a key configured as itself). */
    private record Entry(String salt, byte[] digest, CallerRole role) {
    }

    private final List<Entry> entries;
    private final Source source;
    private final List<String> refused;

    private ApiKeys(List<Entry> entries, Source source, List<String> refused) {
        this.entries = List.copyOf(entries);
        this.source = source;
        this.refused = List.copyOf(refused);
    }

    /**
     * The configured keys when there is at least one; otherwise the generated admin key alone.
     * A value may list several keys separated by commas. Blank entries are ignored (an empty value in a {@code .cfg} file is not a key). A value that
     * starts like a salted digest but is not one is left out and reported in {@link #refused()},
     * naming its place, never its text; it still counts as configured, so a mistyped digest never
     * brings the generated key back.
     */
    static ApiKeys resolve(String[] adminKeys, String[] userKeys, String generatedAdminKey) {
        List<Entry> configured = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        add(configured, refused, adminKeys, CallerRole.ADMIN, "admin.keys");
        add(configured, refused, userKeys, CallerRole.USER, "user.keys");
        if (!configured.isEmpty() || !refused.isEmpty()) {
            return new ApiKeys(configured, Source.CONFIGURATION, refused);
        }
        if (generatedAdminKey != null && !generatedAdminKey.isBlank()) {
            return new ApiKeys(List.of(new Entry("", digest("", generatedAdminKey.strip()), CallerRole.ADMIN)),
                    Source.GENERATED, List.of());
        }
        return NONE;
    }

    private static void add(List<Entry> entries, List<String> refused, String[] keys, CallerRole role, String property) {
        List<String> listed = ConfigLists.entries(keys); // no key has a comma
        for (int i = 0; i < listed.size(); i++) {
            String key = listed.get(i);
            if (!key.startsWith(HASHED)) {
                entries.add(new Entry("", digest("", key), role));
                continue;
            }
            Matcher hashed = HASHED_FORM.matcher(key);
            if (hashed.matches()) {
                entries.add(new Entry(hashed.group(1), HexFormat.of().parseHex(hashed.group(2)), role));
            } else {
                refused.add(property + " entry " + (i + 1) + " starts with 'sha256:' but is not a salted digest"
                        + " (allowed: sha256:SALT:HEX, SALT without ':', HEX the 64 hex digits of sha256(SALT + key))");
            }
        }
    }

    /** The configured entries left out, each saying where and why. */
    List<String> refused() {
        return refused;
    }

    /**
     * A presented key in force: its role, and the requester id of its unsalted digest, which the lookup
     * computes anyway (a second SHA-256 per request cost ~1 % of a plugin call's CPU).
     */
    record Holder(CallerRole role, String requester) {
    }

    /** The role of a presented key: the highest of all keys it equals, compared without early exit. */
    Optional<CallerRole> roleOf(String presented) {
        return holderOf(presented).map(Holder::role);
    }

    /** The holder of a presented key (see {@link #roleOf}). */
    Optional<Holder> holderOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        CallerRole found = null;
        byte[] unsalted = digest("", presented); // every plain key's; a salted one costs a digest of its own
        for (Entry entry : entries) {
            byte[] candidate = entry.salt().isEmpty() ? unsalted : digest(entry.salt(), presented);
            if (MessageDigest.isEqual(entry.digest(), candidate) && (found == null || entry.role() == CallerRole.ADMIN)) {
                found = entry.role();
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Holder(found, Caller.keyRequester(unsalted)));
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    Source source() {
        return source;
    }

    long count(CallerRole role) {
        return entries.stream().filter(e -> e.role() == role).count();
    }

    /** SHA-256 of the salt and the key, as configured digests are made. */
    static byte[] digest(String salt, String key) {
        return sha256().digest((salt + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fresh SHA-256 digest, cloned from one looked up once: every request digests its key, and the
     * provider lookup of {@code MessageDigest.getInstance} cost more than the digest itself.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 can be cloned", e);
        }
    }
}
