package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies one version of a deployed file: a refused file is not tried again until this changes.
 *
 * @param stamp size and modification time
 * @param sha256 the content's SHA-256, lower-case hex
 */
record FileFingerprint(FileStamp stamp, String sha256) {

    /** Reads the fingerprint of an existing file. */
    static FileFingerprint of(Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        return new FileFingerprint(stamp, sha256(file));
    }

    /** The SHA-256 of a file's content, lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
