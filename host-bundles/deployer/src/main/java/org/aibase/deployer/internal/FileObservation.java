package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What the deploy folder holds under one file name right now. */
sealed interface FileObservation {

    /** No file of that name. */
    record Absent() implements FileObservation {
    }

    /** A file that is not (yet) a complete zip, e.g. one still being copied. */
    record Incomplete(FileStamp stamp) implements FileObservation {
    }

    /** A completely written zip. */
    record Complete(FileFingerprint fingerprint) implements FileObservation {
    }

    /** Looks at the file; only a complete zip is read in full (for its SHA-256). */
    static FileObservation of(Path file) {
        try {
            FileStamp before = FileStamp.of(file);
            if (!ZipCompleteness.isComplete(file)) {
                return new Incomplete(before);
            }
            FileFingerprint fingerprint = FileFingerprint.of(file);
            // a write between the two looks would make the digest belong to neither version
            return fingerprint.stamp().equals(before) ? new Complete(fingerprint) : new Incomplete(fingerprint.stamp());
        } catch (NoSuchFileException e) {
            return new Absent();
        } catch (IOException e) {
            // e.g. removed or locked between two reads: treat like a file in flux, it is looked at again
            return new Incomplete(new FileStamp(-1, -1));
        }
    }
}
