package org.aibase.validator.internal.bytecode;

import static org.aibase.validator.internal.bytecode.DeniedApi.Use.CALL;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.EXTENDS;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.FIELD;
import static org.aibase.validator.internal.bytecode.DeniedApi.Use.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.aibase.validator.internal.bytecode.DeniedApi.Use;
import org.junit.jupiter.api.Test;

/** The deny list's edges: what is denied next to what stays allowed. */
class DeniedApisTest {

    @Test
    void deniesConstructorsThatOpenANamedFileOnly() {
        assertTrue(denied(CALL, "java/io/PrintWriter", "<init>", "(Ljava/lang/String;)V"));
        assertTrue(denied(CALL, "java/util/Scanner", "<init>", "(Ljava/nio/file/Path;)V"));
        assertFalse(denied(CALL, "java/io/PrintWriter", "<init>", "(Ljava/io/Writer;)V"));
        assertFalse(denied(CALL, "java/util/Scanner", "<init>", "(Ljava/lang/String;)V")); // scans the text itself
    }

    @Test
    void allowsFileConstantsAndPathsButNotFiles() {
        assertFalse(denied(FIELD, "java/io/File", "separator", "Ljava/lang/String;"));
        assertFalse(denied(CALL, "java/nio/file/Path", "of", "(Ljava/lang/String;[Ljava/lang/String;)Ljava/nio/file/Path;"));
        assertTrue(denied(NEW, "java/io/File", "", ""));
        assertTrue(denied(CALL, "java/io/File", "delete", "()Z"));
    }

    @Test
    void deniesAsyncStagesWithoutAnExecutorOnly() {
        assertTrue(denied(CALL, "java/util/concurrent/CompletableFuture", "thenApplyAsync",
                "(Ljava/util/function/Function;)Ljava/util/concurrent/CompletableFuture;"));
        assertFalse(denied(CALL, "java/util/concurrent/CompletableFuture", "thenApplyAsync",
                "(Ljava/util/function/Function;Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;"));
        // the Executor a delayedExecutor returns is not an argument
        assertTrue(denied(CALL, "java/util/concurrent/CompletableFuture", "delayedExecutor",
                "(JLjava/util/concurrent/TimeUnit;)Ljava/util/concurrent/Executor;"));
    }

    @Test
    void allowsTheCurrentThreadButNotNewOnes() {
        assertFalse(denied(CALL, "java/lang/Thread", "currentThread", "()Ljava/lang/Thread;"));
        assertFalse(denied(CALL, "java/lang/Thread", "sleep", "(J)V"));
        assertTrue(denied(EXTENDS, "java/lang/Thread", "", ""));
        assertTrue(denied(CALL, "java/lang/Thread", "startVirtualThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;"));
        assertTrue(denied(CALL, "org/example/Words", "parallelStream", "()Ljava/util/stream/Stream;"));
        assertFalse(denied(CALL, "java/util/List", "stream", "()Ljava/util/stream/Stream;"));
    }

    @Test
    void deniesEveryUseOfUnsafe() {
        assertTrue(denied(FIELD, "sun/misc/Unsafe", "theUnsafe", "Lsun/misc/Unsafe;"));
        assertTrue(denied(CALL, "sun/misc/Unsafe", "allocateMemory", "(J)J"));
    }

    @Test
    void hasEachRowOnceWithAReasonAndAnAlternative() {
        Set<DeniedApi> rows = new HashSet<>(DeniedApis.all());
        assertEquals(DeniedApis.all().size(), rows.size());
        rows.forEach(row -> assertFalse(row.reason().isBlank() || row.instead().isBlank(), row.toString()));
    }

    private static boolean denied(Use use, String owner, String member, String descriptor) {
        return DeniedApis.denying(use, owner, member, descriptor).isPresent();
    }
}
