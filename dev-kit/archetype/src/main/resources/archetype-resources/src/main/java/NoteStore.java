package ${package};

import java.util.List;
import java.util.Optional;

import org.aibase.api.persistence.PersistenceService;

/** The plugin's notes in the platform's database, through its {@link PersistenceService} (the {@code storage} permission). */
final class NoteStore {

    private final PersistenceService persistence;

    NoteStore(PersistenceService persistence) {
        this.persistence = persistence;
    }

    /** Stores a note and answers its id. */
    long add(String text) {
        return persistence.inTransaction(em -> {
            Note note = new Note();
            note.text = text;
            note.createdAt = System.currentTimeMillis();
            em.persist(note);
            em.flush();
            return note.id;
        });
    }

    Optional<Note> find(long id) {
        return Optional.ofNullable(persistence.inTransaction(em -> em.find(Note.class, id)));
    }

    /** Every note's text, oldest first. */
    List<String> texts() {
        return persistence.inTransaction(em -> em.createQuery("SELECT n.text FROM Note n ORDER BY n.id", String.class).getResultList());
    }

    long count() {
        return persistence.inTransaction(em -> em.createQuery("SELECT COUNT(n) FROM Note n", Long.class).getSingleResult());
    }
}
