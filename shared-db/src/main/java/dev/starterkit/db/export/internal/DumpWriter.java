package dev.starterkit.db.export.internal;

import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpResult;
import dev.starterkit.db.export.ExportException;
import dev.starterkit.db.export.TableProgress;
import dev.starterkit.db.export.internal.Catalog.Column;
import dev.starterkit.db.export.internal.Catalog.Sequence;
import dev.starterkit.db.export.internal.Catalog.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;

/**
 * Writes one dump: the preamble, the schema before the data, each table's rows as a {@code COPY ... FROM stdin}
 * block streamed from the server's {@code COPY ... TO STDOUT}, the sequences' values, then the constraints and
 * indexes that come after the data.
 */
public final class DumpWriter {

    private final CopyManager copy;
    private final Connection connection;
    private final Catalog catalog;
    private final DumpPlan plan;
    private final DumpListener listener;

    public DumpWriter(CopyManager copy, Connection connection, Catalog catalog, DumpPlan plan, DumpListener listener) {
        this.copy = copy;
        this.connection = connection;
        this.catalog = catalog;
        this.plan = plan;
        this.listener = listener;
    }

    /** Writes the dump to {@code target} and flushes it. */
    public DumpResult write(OutputStream target, DumpKind kind, String schemaVersion, Instant takenAt)
        throws SQLException {
        String step = "the schema";
        DumpOutput out = new DumpOutput(target);
        try (out) {
            out.text(header(kind, schemaVersion, takenAt));
            out.text(SchemaScript.PREAMBLE);
            if (kind.includesSchema()) {
                out.text(SchemaScript.preData(plan));
            }
            // A data-only load goes into a schema whose foreign keys are in place: those of a cycle wait for the rows.
            List<String[]> cycle = kind == DumpKind.DATA ? plan.forwardReferences() : List.of();
            for (String[] fk : cycle) {
                out.text(fk[0]);
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Table table : plan.dataTables()) {
                step = "table " + table.qualified();
                rows.put(table.qualified(), data(out, table, rows.size() + 1));
            }
            for (String[] fk : cycle) {
                out.text(fk[1]);
            }
            step = "the sequences";
            if (kind.includesData()) {
                out.text(sequenceValues());
            }
            step = "the constraints and indexes";
            if (kind.includesSchema()) {
                out.text(SchemaScript.postData(plan));
            }
            out.text("\n-- Dump complete\n");
            out.finish();
            return new DumpResult(kind, schemaVersion, rows, out.bytes(), out.sha256());
        } catch (IOException e) {
            throw new ExportException("Writing the dump failed at " + step + " after " + out.bytes() + " bytes: "
                + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SQLException("Reading " + step + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private long data(DumpOutput out, Table table, int index) throws IOException, SQLException {
        String columns = table.columns().stream().filter(c -> c.generated() == ' ').map(Column::name)
            .collect(Collectors.joining(", "));
        if (columns.isEmpty()) {
            listener.tableDumped(new TableProgress(table.qualified(), 0, 0, index, plan.dataTables().size()));
            return 0;
        }
        String target = table.qualified() + " (" + columns + ")";
        out.text("COPY " + target + " FROM stdin;\n");
        long before = out.bytes();
        long rows = copy.copyOut("COPY " + target + " TO STDOUT", out);
        long bytes = out.bytes() - before;
        out.text("\\.\n\n");
        listener.tableDumped(new TableProgress(table.qualified(), rows, bytes, index, plan.dataTables().size()));
        return rows;
    }

    private String sequenceValues() throws SQLException {
        StringBuilder sql = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (Sequence sequence : plan.sequences()) {
                try (ResultSet rs = statement.executeQuery("SELECT last_value, is_called FROM " + sequence.name())) {
                    rs.next();
                    sql.append("SELECT pg_catalog.setval(").append(SqlText.literal(sequence.name())).append(", ")
                        .append(rs.getLong(1)).append(", ").append(rs.getBoolean(2)).append(");\n");
                }
            }
        }
        return sql.append('\n').toString();
    }

    private String header(DumpKind kind, String schemaVersion, Instant takenAt) {
        StringBuilder text = new StringBuilder("--\n")
            .append("-- PostgreSQL dump (plain SQL, restore with psql or bin/db restore)\n")
            .append("-- Kind: ").append(kind).append('\n')
            .append("-- Schema version: ").append(schemaVersion == null ? "none" : schemaVersion).append('\n')
            .append("-- Snapshot taken at: ").append(takenAt).append('\n');
        catalog.unsupported().forEach(o -> text.append("-- Not dumped: ").append(o).append('\n'));
        return text.append("--\n\n").toString();
    }
}
