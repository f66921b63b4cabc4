package org.aibase.plugin.analytics.internal.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.persistence.EntityManagerFactory;

import org.aibase.api.persistence.PersistenceService;
import org.aibase.plugin.analytics.internal.jobs.DatasetStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Posted datasets in the plugin's table {@code ANALYTICS_DATASETS}, deflated at the fastest level:
 * JSON and CSV shrink to a fifth or less, which the database writes and the quota counts.
 */
@Component(service = DatasetStore.class)
public final class JpaDatasetStore implements DatasetStore {

    private final PersistenceService persistence;
    private final EntityManagerFactory emf;

    @Activate
    public JpaDatasetStore(@Reference PersistenceService persistence) {
        this.persistence = persistence;
        this.emf = persistence.entityManagerFactory();
    }

    @Override
    public String put(String name, String mediaType, byte[] body) {
        DatasetRecord row = new DatasetRecord();
        row.id = UUID.randomUUID().toString();
        row.name = name;
        row.mediaType = mediaType;
        row.bodyBytes = body.length;
        row.deflatedBody = deflate(body);
        row.createdAt = System.currentTimeMillis();
        return persistence.inTransaction(em -> {
            em.persist(row);
            return row.id;
        });
    }

    @Override
    public Optional<StoredDataset> get(String id) {
        return Transactions.read(emf, em -> Optional.ofNullable(em.find(DatasetRecord.class, id))
                .map(row -> new StoredDataset(row.id, row.name, row.mediaType, inflate(row.deflatedBody, row.bodyBytes))));
    }

    @Override
    public boolean delete(String id) {
        // a bulk delete: the row's body is never read
        return persistence.inTransaction(em -> em.createQuery("DELETE FROM DatasetRecord d WHERE d.id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }

    static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            byte[] chunk = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] deflated, long size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] body = new byte[Math.toIntExact(size)];
            int at = 0;
            while (at < body.length && !inflater.finished()) {
                int n = inflater.inflate(body, at, body.length - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated");
                }
                at += n;
            }
            if (at != body.length) {
                throw new IOException("inflated to " + at + " bytes instead of " + body.length);
            }
            return body;
        } catch (DataFormatException | IOException e) {
            throw new IllegalStateException("the stored dataset is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
