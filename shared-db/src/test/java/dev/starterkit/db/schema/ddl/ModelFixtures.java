package dev.starterkit.db.schema.ddl;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDateTime;

/** Entities that exercise what {@link SchemaModel} reads, outside the real schema. */
final class ModelFixtures {

    private ModelFixtures() {
    }

    @MappedEntity("owner")
    record Owner(@Id String id, String name) {
    }

    @MappedEntity("widget")
    @UniqueConstraint(name = "widget_code_unique", columns = "code")
    @Index(name = "widget_label_code_idx", columns = {"label", "code"})
    record Widget(
        @Id String id,
        String code,
        @Nullable String label,
        @MappedProperty(definition = "jsonb") @Nullable String data,
        @DefaultSql("1") long revision,
        @Nullable LocalDateTime localAt,
        @ForeignKey(name = "widget_owner_id_owner_id_fk", references = Owner.class,
            onDelete = ReferentialAction.SET_NULL)
        @Nullable String ownerId) {
    }

    @MappedEntity("broken_index")
    @Index(name = "broken_index_nope_idx", columns = "nope")
    record BrokenIndex(@Id String id) {
    }

    @MappedEntity("bad_definition")
    record BadDefinition(@Id String id, @MappedProperty(definition = "text NOT NULL") String note) {
    }
}
