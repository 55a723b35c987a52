package dev.starterkit.db.cache.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.cache.catalog.PrimaryKey;
import dev.starterkit.db.cache.catalog.SchemaCatalog;
import dev.starterkit.db.cache.sql.SqlAnalysis.Kind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which reads and writes name one row by primary key (through {@link SqlAnalyzer}). */
class RowTargetsTest {

    private static final PrimaryKey TEXT_ID = new PrimaryKey("id", PrimaryKey.Type.TEXT);
    static final SchemaCatalog CATALOG = new SchemaCatalog(
        Set.of("user", "session", "invitation", "idempotency_key", "item", "active_member", "member"),
        Map.of("active_member", Set.of("member", "user")),
        Map.of("user", Set.of("session", "member")),
        Set.of(), Set.of(), Set.of("lower", "count"), Set.of(),
        Map.of("user", TEXT_ID, "session", TEXT_ID, "invitation", TEXT_ID, "idempotency_key", TEXT_ID, "member",
            TEXT_ID, "item", new PrimaryKey("id", PrimaryKey.Type.INTEGER)));

    private static SqlAnalysis analyze(String sql) {
        return SqlAnalyzer.analyze(sql, CATALOG);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT user_.\"id\",user_.\"name\" FROM \"user\" user_ WHERE (user_.\"id\" = ?)|user|1",
        "select * from \"user\" where id = ?|user|1",
        "SELECT * FROM public.\"user\" AS u WHERE u.id = ?|user|1",
        "select name from \"user\" where ? = \"id\"|user|1",
        "select * from \"user\" where \"user\".id = ?|user|1",
        "select * from \"user\" u where (u.name = ? and u.id = ?) order by name limit ?|user|2",
        "select * from \"user\" where id = ? and (name = ? or email = ?)|user|1",
        "select * from \"user\" where ((id = ?)) and name <> 'a or b'|user|1",
        "select count(*) from \"user\" where id = ?|user|1",
        "select * from \"user\" /* join session */ where id = ? -- or true|user|1",
        "select lower(name) from \"user\" where name = 'x' and (email = ? and (id = ?))|user|2",
        "SELECT * FROM item WHERE id = ?|item|1",
    })
    void analyze_shouldNameTheRow_whenReadIsAPointLookupByPrimaryKey(String sql, String table, int parameter) {
        // GIVEN a read of one table whose WHERE is a conjunction with "primary key = ?"
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN it is cacheable and depends on that one row only
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.CACHEABLE);
        assertThat(analysis.row()).as(sql).isEqualTo(new RowTarget(table, parameter,
            CATALOG.primaryKey(table).type()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from \"user\" where id = ? or true",
        "select * from \"user\" where a = 1 or b = 2 and id = ?",
        "select * from \"user\" where id in (?, ?)",
        "select * from \"user\" where id = any(?)",
        "select * from \"user\" where id = ?::text",
        "select * from \"user\" where id = lower(?)",
        "select * from \"user\" where id = ? || 'x'",
        "select * from \"user\" where id = ? collate \"C\"",
        "select * from \"user\" where id = ? is true",
        "select * from \"user\" where not id = ?",
        "select * from \"user\" where id > ?",
        "select * from \"user\" where id <= ?",
        "select * from \"user\" where name = ?",
        "select * from \"user\" where x between ? and id = ?",
        "select * from \"user\" where case when x and id = ? and y then true end",
        "select * from \"user\" where id = $1",
        "select * from \"user\" where tags ?? 'k' and id = ?",
        "select * from \"user\" where id = ? /* and id = ? */ or name = 'and id = ?'",
        "select * from \"user\" u join session s on s.user_id = u.id where u.id = ?",
        "select * from \"user\" u, member m where u.id = ?",
        "select * from \"user\" where id = (select user_id from session where id = ?)",
        "select * from \"user\" where id = ? and exists (select 1 from member)",
        "select (select count(*) from member) from \"user\" where id = ?",
        "select * from \"user\" where id = ? union select * from \"user\" where id = ?",
        "with x as (select 1) select * from \"user\" where id = ?",
        "(select * from \"user\" where id = ?)",
        "select * from active_member where id = ?",
        "select * from \"user\" u where \"user\".id = ?",
        "select * from \"user\" u where member.id = ?",
        "select * from \"user\"",
    })
    void analyze_shouldNameNoRow_whenReadMayDependOnOtherRows(String sql) {
        // GIVEN a read that is no plain lookup of one row by primary key
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN it stays table-grained
        assertThat(analysis.row()).as(sql).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "UPDATE \"user\" SET \"name\"=?,\"email\"=?,\"updated_at\"=? WHERE (\"id\" = ?)|user|4",
        "DELETE  FROM \"user\"  WHERE (\"id\" = ?)|user|1",
        "INSERT INTO \"user\" (\"name\",\"email\",\"id\") VALUES (?,?,?)|user|3",
        "insert into \"user\" (id, name) values (?, ?) on conflict (id) do update set name = excluded.name|user|1",
        "insert into \"user\" (id, name) values (?, ?) on conflict do nothing returning id|user|1",
        "insert into \"user\" (email, id) values (?, ?) on conflict (email) do nothing|user|2",
        "update \"user\" u set name = ? where u.id = ? returning *|user|2",
        "delete from only \"user\" where id = ? and name = ? returning id|user|1",
        "UPDATE invitation SET status = ?, accepted_at = CASE WHEN ? = 'accepted' THEN ? ELSE accepted_at END "
            + "WHERE id = ? AND status = 'pending' AND expires_at > ?|invitation|4",
        "INSERT INTO idempotency_key (id, request_hash, status_code, created_at) VALUES (?, ?, 0, ?) ON CONFLICT "
            + "(id) DO UPDATE SET request_hash = EXCLUDED.request_hash WHERE idempotency_key.created_at < ?"
            + "|idempotency_key|1",
        "update item set n = (select count(*) from member where x = ?) where id = ?|item|2",
    })
    void analyze_shouldNameTheRow_whenWriteNamesItByPrimaryKey(String sql, String table, int parameter) {
        // GIVEN a write of one row named by "primary key = ?" (Micronaut Data's update, deleteById, save, ...)
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.WRITE);
        assertThat(analysis.row()).as(sql).isEqualTo(new RowTarget(table, parameter,
            CATALOG.primaryKey(table).type()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update \"user\" set name = ?",
        "update \"user\" set name = ? where email = ?",
        "update \"user\" set id = ?, name = ? where id = ?",
        "update \"user\" set name = ?, \"id\" = ? where id = ?",
        "update \"user\" set (id, name) = (?, ?) where id = ?",
        "update \"user\" set name = ? from session where \"user\".id = ?",
        "update \"user\" set name = ? where id = ? or id = ?",
        "update \"user\" set name = ? where current of c",
        "update active_member set role = ? where id = ?",
        "delete from \"user\" using session where \"user\".id = ?",
        "delete from \"user\" where id in (?, ?)",
        "delete from \"user\" where id = ? or name = ?",
        "insert into \"user\" (id, name) values (?, ?), (?, ?)",
        "insert into \"user\" (name) values (?)",
        "insert into \"user\" (id, name) values (default, ?)",
        "insert into \"user\" (id, name) values (lower(?), ?)",
        "insert into \"user\" (id, name) select id, name from session",
        "insert into \"user\" (id, email) values (?, ?) on conflict (email) do update set name = 'x'",
        "insert into \"user\" (id, name) values (?, ?) on conflict on constraint user_pkey do update set name = 'x'",
        "insert into \"user\" (id, name) values (?, ?) on conflict (id) do update set id = ?",
        "insert into \"user\" (id, name) values (?, ?) on conflict do update set name = 'x'",
        "with d as (delete from \"user\" where id = ? returning id) select * from d",
        "merge into \"user\" u using session s on s.user_id = u.id when matched then update set name = 'x'",
        "delete from \"user\" where id = ?; delete from session where id = ?",
        "update \"user\" set name = ? where id = $1",
    })
    void analyze_shouldNameNoRow_whenWriteMayReachOtherRows(String sql) {
        // GIVEN a write without a primary-key predicate, of several rows, changing the key, or of unknown rows
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN it is still a write, of every row of its table
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.WRITE);
        assertThat(analysis.row()).as(sql).isNull();
    }

    @Test
    void cascadeReach_shouldListTablesReachedThroughForeignKeyActions_notTheWrittenOnesThemselves() {
        // GIVEN user <- session, member (ON DELETE CASCADE), and a table that cascades to itself
        SchemaCatalog tree = new SchemaCatalog(Set.of("node"), Map.of(), Map.of("node", Set.of("node")), Set.of(),
            Set.of(), Set.of(), Set.of(), Map.of());
        // WHEN / THEN
        assertThat(CATALOG.cascadeReach(Set.of("user"))).containsExactlyInAnyOrder("session", "member");
        assertThat(CATALOG.cascadeReach(Set.of("session"))).isEmpty();
        assertThat(tree.cascadeReach(Set.of("node"))).containsExactly("node");
    }
}
