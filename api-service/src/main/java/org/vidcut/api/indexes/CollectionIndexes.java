package org.vidcut.api.indexes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * The indexes of one collection, as its feature lists them. The feature calls {@link #createAtStartup} when the
 * application is ready rather than while it starts, because an unreachable database must not stop the api from
 * starting; a feature whose writes are only correct with an index (a unique one) also calls {@link #ensure}
 * before them, which creates the indexes if startup could not. Listed in code rather than as mapping
 * annotations so that every collection's indexes, including those of a collection without a document class,
 * are declared and created the same way.
 */
public final class CollectionIndexes {

    private static final Logger log = LoggerFactory.getLogger(CollectionIndexes.class);

    private final MongoTemplate mongo;
    private final @Nullable Class<?> type;
    // for messages: the document class or, without one, the collection
    private final String collection;
    private final List<IndexDefinition> definitions;
    private volatile boolean created;

    private CollectionIndexes(
            MongoTemplate mongo, @Nullable Class<?> type, String collection, List<IndexDefinition> definitions) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.definitions = List.copyOf(definitions);
    }

    /** Indexes of a mapped document class; keys may be property names or stored field names. */
    public static CollectionIndexes of(MongoTemplate mongo, Class<?> type, IndexDefinition... definitions) {
        return new CollectionIndexes(mongo, type, type.getSimpleName(), List.of(definitions));
    }

    /** Indexes of a collection read and written as plain documents. */
    public static CollectionIndexes of(MongoTemplate mongo, String collection, IndexDefinition... definitions) {
        return new CollectionIndexes(mongo, null, collection, List.of(definitions));
    }

    /** Creates the indexes, or logs why not: the next {@link #ensure} tries again. */
    public void createAtStartup() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("could not create the indexes of {} yet: {}", collection, e.toString());
        }
    }

    /** Creates the indexes unless this already did; throws when the database refuses. */
    public void ensure() {
        if (created) {
            return;
        }
        var operations = type == null ? mongo.indexOps(collection) : mongo.indexOps(type);
        definitions.forEach(operations::createIndex);
        created = true;
    }
}
