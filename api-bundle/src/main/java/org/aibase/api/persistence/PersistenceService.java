package org.aibase.api.persistence;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.osgi.annotation.versioning.ProviderType;

/**
 * JPA for the calling plugin, which needs the {@code storage} permission. Its {@code @Entity},
 * {@code @Embeddable} and {@code @MappedSuperclass} classes are found in its bundle (no
 * {@code persistence.xml}); their tables are created or extended automatically and named
 * {@code <PLUGINID>_<TABLE>}; transactions are resource-local ({@code em.getTransaction()}).
 *
 * <pre>
 * &#64;Component(service = NotesResource.class, scope = ServiceScope.PROTOTYPE)
 * public final class NotesResource {
 *     private final EntityManagerFactory emf;
 *     &#64;Activate
 *     public NotesResource(&#64;Reference PersistenceService persistence) {
 *         this.emf = persistence.entityManagerFactory();
 *     }
 * }
 * </pre>
 */
@ProviderType
public interface PersistenceService {

    /**
     * The plugin's factory, created on the first call and the same afterwards; the platform closes it
     * when the plugin stops (do not close it yourself). A persist or merge past the plugin's
     * {@code limits.storage} fails with a {@link StorageException} of code
     * {@value StorageException#QUOTA_EXCEEDED}.
     *
     * @throws StorageException {@value StorageException#NO_ENTITIES}, {@value StorageException#NAME_TOO_LONG},
     *         {@value StorageException#TABLE_CONFLICT} or {@value StorageException#UNAVAILABLE}
     */
    EntityManagerFactory entityManagerFactory();

    /** The plugin's managed classes the platform found, by name, sorted. */
    List<String> managedClassNames();

    /** The bytes the plugin's tables and files took at the last measurement (approximate). */
    long usedBytes();

    /** The plugin's effective {@code limits.storage} in bytes. */
    long quotaBytes();

    /**
     * Runs {@code work} in one resource-local transaction of a new {@link EntityManager} from
     * {@link #entityManagerFactory()} and commits it. When the database rolls the transaction back for
     * a conflict with another one (a deadlock or a lock it could not get in time, SQLState class
     * {@code 40}), the work runs again in a new transaction, up to {@value #TRANSACTION_ATTEMPTS} times in
     * all, after a short random pause; so it must do only what may be done again (as a transaction's
     * work is anyway). Any other failure rolls back and is thrown as it came.
     *
     * @return what the work returned in the transaction that committed
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** How often {@link #inTransaction} runs work whose transaction conflicts with others, at most. */
    int TRANSACTION_ATTEMPTS = 4;
}
