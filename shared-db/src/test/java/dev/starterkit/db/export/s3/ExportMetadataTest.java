package dev.starterkit.db.export.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpNames;
import dev.starterkit.db.export.DumpResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportMetadataTest {

    @Test
    void of_shouldStayWithinS3sTwoKilobytes_whenTheDatabaseHasManyTables() {
        // GIVEN 300 tables with long names
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            rows.put("public.a_rather_long_table_name_number_" + i, 1_000_000L + i);
        }
        DumpResult dump = new DumpResult(DumpKind.FULL, "42", rows, 123, "ab".repeat(32));

        // WHEN
        Map<String, String> metadata = ExportMetadata.of(dump, Map.of("stage", "prod"));

        // THEN the total survives, the list is cut and says by how much
        int size = metadata.entrySet().stream()
            .mapToInt(e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(size).isLessThan(2048);
        assertThat(metadata).containsEntry(ExportMetadata.TOTAL_ROWS, Long.toString(dump.totalRows()))
            .containsEntry(ExportMetadata.SCHEMA_VERSION, "42");
        assertThat(metadata.get(ExportMetadata.TABLE_ROWS)).startsWith("public.a_rather_long_table_name_number_0=")
            .matches(".*,\\.\\.\\.=\\d+ more tables$");
    }

    @Test
    void of_shouldPercentEncodeNames_whenTheyHoldSeparatorsOrNonAscii() {
        DumpResult dump = new DumpResult(DumpKind.FULL, null, Map.of("public.\"Zoë,=%\"", 2L), 1, "00");

        assertThat(ExportMetadata.of(dump, Map.of()))
            .containsEntry(ExportMetadata.TABLE_ROWS, "public.\"Zo%C3%AB%2C%3D%25\"=2")
            .containsEntry(ExportMetadata.SCHEMA_VERSION, "none");
    }

    @Test
    void names_shouldFollowTheArchitecture_whenBuiltForAFileAndAnObject() {
        Instant at = Instant.parse("2026-03-01T04:05:06.789Z");

        assertThat(DumpNames.fileName("dev", DumpKind.SCHEMA, Optional.empty(), at))
            .isEqualTo("dump-dev-schema-2026-03-01T04-05-06.sql.gz");
        assertThat(DumpNames.fileName("prod", DumpKind.DATA, Optional.of("billing.\"Invoice Line\""), at))
            .isEqualTo("dump-prod-data-billing._Invoice_Line_-2026-03-01T04-05-06.sql.gz");
        assertThat(DumpNames.objectKey("staging", at)).isEqualTo("staging/dump-staging-full-2026-03-01T04-05-06.sql.gz");
    }
}
