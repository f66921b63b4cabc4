package org.aibase.validator.internal.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.aibase.validator.internal.bytecode.ApiRow.Verb;
import org.junit.jupiter.api.Test;

/** The table's edges: which row decides where an allowed package, class or member meets a refused one. */
class ApiTableTest {

    private final ApiTable table = ApiTable.standard();

    @Test
    void aMemberRowDecidesOverItsClassAndAClassOverItsPackage() {
        assertEquals(Verb.ALLOW, verb("java/lang/Thread", "currentThread", "()Ljava/lang/Thread;"));
        assertEquals(Verb.REFUSE, verb("java/lang/Thread", "<init>", "(Ljava/lang/Runnable;)V"));
        assertEquals(Verb.ALLOW, verb("java/util/HashMap", "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(Verb.REFUSE, verb("java/util/ServiceLoader", "load", "(Ljava/lang/Class;)Ljava/util/ServiceLoader;"));
        assertEquals(Verb.REFUSE, verb("java/util/Collection", "parallelStream", "()Ljava/util/stream/Stream;"));
    }

    @Test
    void aParameterConditionDecidesOverTheSameMemberWithout() {
        assertEquals(Verb.REFUSE, verb("java/util/concurrent/CompletableFuture", "thenApplyAsync",
                "(Ljava/util/function/Function;)Ljava/util/concurrent/CompletableFuture;"));
        assertEquals(Verb.ALLOW, verb("java/util/concurrent/CompletableFuture", "thenApplyAsync",
                "(Ljava/util/function/Function;Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;"));
        assertEquals(Verb.REFUSE, verb("java/io/PrintWriter", "<init>", "(Ljava/lang/String;)V"));
        assertEquals(Verb.ALLOW, verb("java/io/PrintWriter", "<init>", "(Ljava/io/Writer;)V"));
        assertEquals(Verb.REFUSE, verb("jakarta/persistence/EntityManager", "find",
                "(Ljava/lang/Class;Ljava/lang/Object;Ljava/util/Map;)Ljava/lang/Object;"));
        assertTrue(table.decisive("jakarta/persistence/EntityManager", "find", "(Ljava/lang/Class;Ljava/lang/Object;)Ljava/lang/Object;")
                .isEmpty(), "a library member no row names is left to the wiring rules");
    }

    @Test
    void classRowsCoverNestedClassesAndPatternsMatchTopLevelNames() {
        assertEquals(Verb.REFUSE, table.decisiveForClass("java/lang/Thread$Builder").orElseThrow().verb());
        assertEquals(Verb.ALLOW, table.decisiveForClass("java/lang/Thread$State").orElseThrow().verb());
        assertEquals(Verb.ALLOW, table.decisiveForClass("java/lang/IllegalStateException").orElseThrow().verb());
        assertEquals(Verb.ALLOW, table.decisiveForClass("java/util/Map$Entry").orElseThrow().verb());
        assertEquals(Verb.REFUSE, table.decisiveForClass("java/io/FileInputStream").orElseThrow().verb());
        assertEquals("network", table.decisiveForClass("java/nio/channels/SocketChannel").orElseThrow().family().name());
        assertEquals("files", table.decisiveForClass("java/nio/channels/FileChannel").orElseThrow().family().name());
    }

    @Test
    void leavesWhatNoRowNamesUndecidedForTheVerifierToRefuse() {
        assertTrue(table.decisiveForClass("java/lang/ScopedValue").isEmpty());
        assertTrue(table.decisive("java/lang/IO", "println", "(Ljava/lang/Object;)V").isEmpty());
        assertTrue(table.decisiveForClass("java/util/logging/Logger").isPresent());
    }

    @Test
    void namesOnlyTheBootstrapsJavacEmits() {
        assertTrue(table.isBootstrap("java/lang/invoke/LambdaMetafactory", "metafactory"));
        assertTrue(table.isBootstrap("java/lang/runtime/ObjectMethods", "bootstrap"));
        assertFalse(table.isBootstrap("java/lang/invoke/LambdaMetafactory", "notABootstrap"));
        assertFalse(table.isBootstrap("org/example/Indy", "boot"));
        // a bootstrap is not a method a plugin may call
        assertEquals(Verb.REFUSE, verb("java/lang/invoke/LambdaMetafactory", "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;)V"));
    }

    @Test
    void everyRefusalHasAReasonAndAnAlternativeAndNoRowIsWrittenTwice() {
        List<ApiRow> rows = table.rows();
        assertEquals(rows.size(), new HashSet<>(rows.stream().map(r -> r.verb() + " " + r.text()).toList()).size());
        rows.stream().filter(r -> r.verb() == Verb.REFUSE)
                .forEach(r -> assertFalse(r.family().reason().isBlank() || r.family().instead().isBlank(), r.text()));
    }

    @Test
    void saysWhichLineOfTheTableItCannotRead() {
        IllegalStateException unknownFamily = assertThrows(IllegalStateException.class,
                () -> ApiTable.parse(List.of("# a table", "refuse java.lang.System::exit nosuch")));
        assertEquals("allow-list.txt line 2 cannot be read: refuse java.lang.System::exit nosuch", unknownFamily.getMessage());
        assertThrows(IllegalStateException.class, () -> ApiTable.parse(List.of("permit java.lang.String")));
    }

    private Verb verb(String owner, String member, String descriptor) {
        Optional<ApiRow> row = table.decisive(owner, member, descriptor);
        return row.orElseThrow(() -> new AssertionError("no row decides " + owner + "." + member)).verb();
    }
}
