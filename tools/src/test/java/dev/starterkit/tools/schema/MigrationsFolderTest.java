package dev.starterkit.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsFolderTest {

    @TempDir
    Path dir;

    @Test
    void nextVersion_should_followTheHighestFirstPart_when_versionsAreDottedOrUnordered() throws Exception {
        // GIVEN V1, V10, V2.5 and a repeatable migration
        MigrationsFolder folder = folder("V1__create_schema.sql", "V10__add_x.sql", "V2.5__add_y.sql", "R__views.sql");
        // WHEN the next version is asked for
        // THEN it is one more than the highest version's first part, compared as numbers
        assertThat(folder.nextVersion()).isEqualTo("11");
        assertThat(folder.migrations()).extracting(MigrationsFolder.Migration::versionText)
            .containsExactly("1", "2.5", "10");
        assertThat(folder.problems()).isEmpty();
    }

    @Test
    void nextVersion_should_beOne_when_theFolderDoesNotExist() {
        // GIVEN a folder that is not there
        MigrationsFolder folder = new MigrationsFolder(dir.resolve("missing"));
        // WHEN the next version is asked for
        // THEN it is 1, with nothing wrong
        assertThat(folder.nextVersion()).isEqualTo("1");
        assertThat(folder.problems()).isEmpty();
    }

    @Test
    void problems_should_nameCollisionsAndBadNames_when_theFolderHasThem() throws Exception {
        // GIVEN V1, V01 and V1.0 (one version to Flyway) and a file Flyway would not take
        MigrationsFolder folder = folder("V1__a.sql", "V01__b.sql", "V1.0__c.sql", "V2_single_underscore.sql");
        // WHEN its problems are listed
        // THEN the collision names all three files and the bad name is called out
        assertThat(folder.problems()).containsExactly(
            "V2_single_underscore.sql: not a migration name (V<n>__<verb>_<object>.sql)",
            "version 1 is used by 3 files: V01__b.sql, V1.0__c.sql, V1__a.sql");
        assertThat(catchThrowable(folder::requireReadable)).isInstanceOf(MigrationsFolderException.class)
            .hasMessageContaining("needs fixing first");
    }

    @Test
    void writeNext_should_writeTheNextFileAndNeverReplaceOne_when_called() throws Exception {
        // GIVEN V1
        MigrationsFolder folder = folder("V1__create_schema.sql");
        // WHEN the next migration is written
        Path file = folder.writeNext("Add user nickname", "SELECT 1;\n");
        // THEN it is V2 with the name slugged
        assertThat(file.getFileName().toString()).isEqualTo("V2__add_user_nickname.sql");
        assertThat(Files.readString(file)).isEqualTo("SELECT 1;\n");
        assertThat(folder.nextVersion()).isEqualTo("3");
    }

    @Test
    void slug_should_giveSnakeCase_when_theNameIsWordsOrCamelCase() {
        // GIVEN names in several styles
        // WHEN slugged
        // THEN each becomes lower snake_case
        assertThat(MigrationsFolder.slug("addUserNickname")).isEqualTo("add_user_nickname");
        assertThat(MigrationsFolder.slug("  Add user-nickname!  ")).isEqualTo("add_user_nickname");
        assertThat(MigrationsFolder.slug("drop__tag")).isEqualTo("drop_tag");
        assertThat(MigrationsFolder.slug("x".repeat(80))).hasSize(60);
        assertThat(catchThrowable(() -> MigrationsFolder.slug("--"))).isInstanceOf(IllegalArgumentException.class);
    }

    private MigrationsFolder folder(String... files) throws Exception {
        for (String file : files) {
            Files.writeString(dir.resolve(file), "SELECT 1;\n");
        }
        return new MigrationsFolder(dir);
    }
}
