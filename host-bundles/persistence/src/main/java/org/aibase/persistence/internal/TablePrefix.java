package org.aibase.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.aibase.api.persistence.StorageException;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEventListener;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.tools.schemaframework.IndexDefinition;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.ManyToManyMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.sequencing.TableSequence;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Puts a plugin's tables under its own prefix, {@code <PLUGINID>_}, so two plugins with an entity of
 * the same name never share a table. {@code descriptor.setTableName} would leave join and collection
 * tables behind, so the {@code DatabaseTable} objects themselves are renamed, each once: entity,
 * secondary, join, collection and key-field tables, and the sequence table (whose name is still
 * empty at this point: EclipseLink's default is {@code SEQUENCE}). Every resulting name is checked
 * against the database's identifier length, and the names are handed to {@code claim} before any
 * DDL runs. Each entity also gets the plugin's storage-quota guard.
 */
final class TablePrefix implements SessionCustomizer {

    private static final String DEFAULT_SEQUENCE_TABLE = "SEQUENCE";

    private final String prefix;
    private final Dialect dialect;
    private final DescriptorEventListener quotaGuard;
    private final Consumer<Set<String>> claim;

    TablePrefix(String pluginId, Dialect dialect, DescriptorEventListener quotaGuard, Consumer<Set<String>> claim) {
        this.prefix = pluginId.toUpperCase(Locale.ROOT) + "_";
        this.dialect = dialect;
        this.quotaGuard = quotaGuard;
        this.claim = claim;
    }

    @Override
    public void customize(Session session) {
        Set<Object> renamed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, String> owners = new LinkedHashMap<>(); // table name -> what it holds, for errors
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            String owner = descriptor.getJavaClassName();
            for (DatabaseTable table : descriptor.getTables()) {
                rename(table, owner, renamed, owners);
            }
            fields(descriptor.getPrimaryKeyFields(), owner, renamed, owners);
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                String what = owner + "." + mapping.getAttributeName();
                if (mapping instanceof ManyToManyMapping manyToMany) {
                    rename(manyToMany.getRelationTable(), what, renamed, owners);
                    fields(manyToMany.getSourceRelationKeyFields(), what, renamed, owners);
                    fields(manyToMany.getTargetRelationKeyFields(), what, renamed, owners);
                } else if (mapping instanceof DirectCollectionMapping collection) {
                    rename(collection.getReferenceTable(), what, renamed, owners);
                    fields(collection.getReferenceKeyFields(), what, renamed, owners);
                    fields(List.of(collection.getDirectField()), what, renamed, owners);
                } else if (mapping instanceof OneToOneMapping oneToOne && oneToOne.hasRelationTable()) {
                    rename(oneToOne.getRelationTable(), what, renamed, owners);
                }
                fields(mapping.getFields(), what, renamed, owners);
            }
            if (!descriptor.isAggregateDescriptor() && !descriptor.isDescriptorTypeAggregate()) {
                descriptor.getEventManager().addListener(quotaGuard);
            }
        }
        var platform = session.getDatasourcePlatform();
        sequence(platform.getDefaultSequence(), renamed, owners);
        if (platform.getSequences() != null) {
            for (Sequence sequence : platform.getSequences().values()) {
                sequence(sequence, renamed, owners);
            }
        }
        owners.forEach(this::checkLength);
        claim.accept(Set.copyOf(owners.keySet()));
    }

    private void fields(List<DatabaseField> fields, String owner, Set<Object> renamed, Map<String, String> owners) {
        if (fields != null) {
            for (DatabaseField field : fields) {
                if (field != null && field.hasTableName()) {
                    rename(field.getTable(), owner, renamed, owners);
                }
            }
        }
    }

    private void rename(DatabaseTable table, String owner, Set<Object> renamed, Map<String, String> owners) {
        if (table == null || table.getName() == null || table.getName().isEmpty() || !renamed.add(table)) {
            return;
        }
        table.setName(prefix + table.getName());
        owners.putIfAbsent(table.getName().toUpperCase(Locale.ROOT), owner);
        if (table.hasIndexes()) {
            // an @Index keeps the table name it was declared with; index names share the schema's name space too
            for (IndexDefinition index : table.getIndexes()) {
                index.setTargetTable(table.getName());
                if (index.getName() != null && !index.getName().toUpperCase(Locale.ROOT).startsWith(prefix)) {
                    index.setName(prefix + index.getName());
                }
            }
        }
    }

    private void sequence(Sequence sequence, Set<Object> renamed, Map<String, String> owners) {
        if (sequence instanceof TableSequence table && renamed.add(table)) {
            String name = table.getTableName() == null || table.getTableName().isEmpty()
                    ? DEFAULT_SEQUENCE_TABLE : table.getTableName();
            table.setTableName(prefix + name);
            owners.putIfAbsent(table.getTableName().toUpperCase(Locale.ROOT), "the sequence table");
        }
    }

    private void checkLength(String table, String owner) {
        int bytes = table.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > dialect.maxIdentifierBytes()) {
            throw new StorageException(StorageException.NAME_TOO_LONG, "table '" + table + "' of " + owner + " is "
                    + bytes + " bytes long; " + dialect.eclipseLinkPlatform() + " accepts at most "
                    + dialect.maxIdentifierBytes() + " (tables are named " + prefix + "<TABLE>: "
                    + "shorten the entity's name or its @Table / @JoinTable / @CollectionTable name)");
        }
    }
}
