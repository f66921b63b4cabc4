package org.aibase.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

class EntityClassesTest {

    @MappedSuperclass
    static class Base {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "NOTES")
    static class Note extends Base {
    }

    @Embeddable
    static class Address {
    }

    static class NotPersistent {
    }

    @Test
    void entitiesEmbeddablesAndMappedSuperclassesAreManagedOnlyEntitiesCount() throws IOException {
        Set<String> managed = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {Base.class, Note.class, Address.class, NotPersistent.class}) {
            EntityClasses.annotations(bytes(type), managed, entities);
        }
        assertEquals(Set.of(Base.class.getName(), Note.class.getName(), Address.class.getName()), managed);
        assertEquals(Set.of(Note.class.getName()), entities);
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }
}
