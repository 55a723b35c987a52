package dev.starterkit.tools.db;

import dev.starterkit.db.schema.ddl.DefaultSql;
import dev.starterkit.db.schema.ddl.ForeignKey;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.UniqueConstraint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.List;

/**
 * A small entity model and its variants, each one change away from the base: the schema tools' tests change the
 * model by choosing another record for the same table.
 */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    /** person, note and tag: tag references note, note references person. */
    static SchemaModel base() {
        return SchemaModel.fromEntities(List.of(Person.class, Note.class, Tag.class));
    }

    /** The base with note.pinned added. */
    static SchemaModel withPinned() {
        return SchemaModel.fromEntities(List.of(Person.class, NoteWithPinned.class, Tag.class));
    }

    /** The base with note.body nullable. */
    static SchemaModel withNullableBody() {
        return SchemaModel.fromEntities(List.of(Person.class, NoteWithNullableBody.class, Tag.class));
    }

    /** The base with an index on note.title. */
    static SchemaModel withTitleIndex() {
        return SchemaModel.fromEntities(List.of(Person.class, NoteWithTitleIndex.class, Tag.class));
    }

    /** The base without the tag table. */
    static SchemaModel withoutTag() {
        return SchemaModel.fromEntities(List.of(Person.class, Note.class));
    }

    /** The base with person.nick renamed to nickname. */
    static SchemaModel withNickname() {
        return SchemaModel.fromEntities(List.of(PersonWithNickname.class, Note.class, Tag.class));
    }

    @MappedEntity("person")
    record Person(@Id String id, String name, @Nullable String nick) {
    }

    @MappedEntity("person")
    record PersonWithNickname(@Id String id, String name, @Nullable String nickname) {
    }

    @MappedEntity("note")
    @Index(name = "note_author_id_idx", columns = "author_id")
    record Note(
        @Id String id,
        String title,
        String body,
        @ForeignKey(name = "note_author_id_person_id_fk", references = Person.class,
            onDelete = ReferentialAction.CASCADE)
        String authorId,
        @DefaultSql("now()") Instant createdAt) {
    }

    @MappedEntity("note")
    @Index(name = "note_author_id_idx", columns = "author_id")
    record NoteWithPinned(
        @Id String id,
        String title,
        String body,
        @ForeignKey(name = "note_author_id_person_id_fk", references = Person.class,
            onDelete = ReferentialAction.CASCADE)
        String authorId,
        @DefaultSql("now()") Instant createdAt,
        @DefaultSql("false") boolean pinned) {
    }

    @MappedEntity("note")
    @Index(name = "note_author_id_idx", columns = "author_id")
    record NoteWithNullableBody(
        @Id String id,
        String title,
        @Nullable String body,
        @ForeignKey(name = "note_author_id_person_id_fk", references = Person.class,
            onDelete = ReferentialAction.CASCADE)
        String authorId,
        @DefaultSql("now()") Instant createdAt) {
    }

    @MappedEntity("note")
    @Index(name = "note_author_id_idx", columns = "author_id")
    @Index(name = "note_title_idx", columns = "title")
    record NoteWithTitleIndex(
        @Id String id,
        String title,
        String body,
        @ForeignKey(name = "note_author_id_person_id_fk", references = Person.class,
            onDelete = ReferentialAction.CASCADE)
        String authorId,
        @DefaultSql("now()") Instant createdAt) {
    }

    @MappedEntity("tag")
    @UniqueConstraint(name = "tag_note_id_label_unique", columns = {"note_id", "label"})
    record Tag(
        @Id String id,
        String label,
        @ForeignKey(name = "tag_note_id_note_id_fk", references = Note.class, onDelete = ReferentialAction.CASCADE)
        String noteId) {
    }
}
