package ${package};

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored note: a JPA entity the platform finds in the bundle (no persistence.xml); its table is created
 * automatically, named with the plugin's id in front ({@code ${pluginId.toUpperCase()}_NOTES}).
 */
@Entity
@Table(name = "NOTES")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 10000, nullable = false)
    public String text;

    public long createdAt;
}
