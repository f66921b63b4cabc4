package org.aibase.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin's persistence unit, made with the properties the platform gives it, over an in-memory
 * Derby database: standard JPQL works, the functions that reach the database past the plugin's
 * entities are refused when the query is created.
 */
class PluginQueryLanguageTest {

    private static final AtomicLong UNITS = new AtomicLong();

    /** Queries that reach the database past the plugin's entities; EclipseLink's default grammar accepts each. */
    private static final List<String> PAST_THE_ENTITIES = List.of(
            "SELECT SQL('(SELECT COUNT(*) FROM SYS.SYSTABLES)') FROM Note n",
            "SELECT COLUMN('ID', n) FROM Note n",
            "SELECT t FROM Note n, TABLE('SYS.SYSTABLES') t",
            "SELECT FUNCTION('SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY', n.text) FROM Note n",
            "SELECT FUNC('ABS', n.id) FROM Note n",
            "SELECT OPERATOR('ToChar', n.id) FROM Note n");

    @Entity(name = "Note")
    public static class Note {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String text;
    }

    private static EntityManagerFactory plugin;

    @BeforeAll
    static void createThePluginsUnit() {
        // as the platform does: Derby's log where the build's output is, not in the working directory
        System.getProperties().putIfAbsent("derby.stream.error.file", "target/derby.log");
        plugin = factory(PluginEntityManagers.properties("jpql-test-" + UNITS.incrementAndGet(), Dialect.DERBY, Duration.ZERO,
                new TablePrefix("jpql", Dialect.DERBY, new DescriptorEventAdapter(), names -> { })));
    }

    @AfterAll
    static void close() {
        plugin.close();
    }

    @Test
    void runsStandardJpqlOverThePluginsEntities() {
        EntityManager em = plugin.createEntityManager();
        try {
            em.getTransaction().begin();
            Note note = new Note();
            note.text = "kept";
            em.persist(note);
            em.getTransaction().commit();
            List<Note> notes = em.createQuery("SELECT n FROM Note n WHERE n.text = :text ORDER BY n.id", Note.class)
                    .setParameter("text", "kept").getResultList();
            assertEquals(1, notes.size());
            assertEquals(1L, em.createQuery("SELECT COUNT(n) FROM Note n WHERE LOWER(n.text) LIKE 'k%'").getSingleResult());
        } finally {
            em.close();
        }
    }

    @Test
    void refusesSqlColumnTableAndFunctionCalls() {
        for (String jpql : PAST_THE_ENTITIES) {
            EntityManager em = plugin.createEntityManager();
            try {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> em.createQuery(jpql), jpql);
                assertTrue(String.valueOf(refused.getMessage()).contains(jpql.substring(0, 10)), refused.getMessage());
            } finally {
                em.close();
            }
        }
    }

    @Test
    void theValidationLevelIsWhatRefusesThem() {
        Map<String, Object> defaults = PluginEntityManagers.properties("jpql-test-" + UNITS.incrementAndGet(), Dialect.DERBY,
                Duration.ZERO, new TablePrefix("lenient", Dialect.DERBY, new DescriptorEventAdapter(), names -> { }));
        defaults.remove(PersistenceUnitProperties.JPQL_VALIDATION);
        EntityManagerFactory lenient = factory(defaults);
        EntityManager em = lenient.createEntityManager();
        try {
            // EclipseLink's default grammar accepts native SQL inside JPQL
            for (String jpql : PAST_THE_ENTITIES) {
                assertDoesNotThrow(() -> em.createQuery(jpql), jpql);
            }
        } finally {
            em.close();
            lenient.close();
        }
    }

    private static EntityManagerFactory factory(Map<String, Object> properties) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + properties.get(PersistenceUnitProperties.SESSION_NAME));
        derby.setCreateDatabase("create");
        ClassLoader loader = PluginQueryLanguageTest.class.getClassLoader();
        PluginPersistenceUnit unit = new PluginPersistenceUnit((String) properties.get(PersistenceUnitProperties.SESSION_NAME),
                List.of(Note.class.getName()), derby, root(), loader, List.of(), loader);
        EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
        factory.createEntityManager().close(); // deploys, as the platform does
        return factory;
    }

    private static URL root() {
        try {
            return PluginQueryLanguageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
