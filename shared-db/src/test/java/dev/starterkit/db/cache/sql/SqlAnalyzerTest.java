package dev.starterkit.db.cache.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.cache.catalog.SchemaCatalog;
import dev.starterkit.db.cache.sql.SqlAnalysis.Kind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlAnalyzerTest {

    static final SchemaCatalog CATALOG = new SchemaCatalog(
        Set.of("user", "session", "member", "organization", "active_member", "secret_note"),
        Map.of("active_member", Set.of("member", "user")),
        Map.of("user", Set.of("session", "member"), "organization", Set.of("member")),
        Set.of("secret_note"), Set.of(),
        Set.of("lower", "upper", "count", "abs", "length", "varchar", "substring", "my_pure"),
        Set.of("audit_write"), Map.of());

    private static SqlAnalysis analyze(String sql) {
        return SqlAnalyzer.analyze(sql, CATALOG);
    }

    @Test
    void analyze_shouldCacheAndListTables_whenMicronautSelectsByEmail() {
        // GIVEN the SQL Micronaut Data generates for findByEmail
        String sql = "SELECT user_.\"id\",user_.\"name\",user_.\"email\" FROM \"user\" user_ WHERE (user_.\"email\" = ?)";
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).isEqualTo(Kind.CACHEABLE);
        assertThat(analysis.tables()).containsExactly("user");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1",
        "SELECT lower(email), count(*) FROM \"user\" GROUP BY 1",
        "with m as (select * from member) select * from m join \"user\" u on u.id = m.user_id",
        "WITH t(a, b) AS (SELECT 1, 2) SELECT a FROM t",
        "select * from \"user\" where id = $1 and name = ?;",
        "select 'now()' as s from \"user\"",
        "select 1 -- now()\n from \"user\"",
        "select /* random() /* nested */ clock_timestamp() */ 1",
        "select $$ txid_current() $$, $tag$ nextval('s') $$ $tag$",
        "select E'it\\'s now()' from session",
        "select 'it''s current_timestamp' from session",
        "select \"now\" from \"user\"",
        "select \"current_timestamp\", u.user from \"user\" u",
        "select substring(name for 3) from \"user\"",
        "select pg_catalog.upper(name) from \"user\"",
        "select count(*) filter (where x) over (partition by y) from member",
        "select 1 as user",
        "select cast(name as varchar(20)) from \"user\"",
    })
    void analyze_shouldCache_whenReadIsDeterministic(String sql) {
        // GIVEN a read-only statement whose only functions are IMMUTABLE, names in literals/comments/quotes aside
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).as(sql + " -> " + analysis.reason()).isEqualTo(Kind.CACHEABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select now()",
        "SELECT NOW()",
        "select pg_catalog.now()",
        "select \"now\"()",
        "select current_timestamp",
        "select * from session where expires_at > CURRENT_TIMESTAMP",
        "select current_date, 1",
        "select localtimestamp",
        "select current_user",
        "select random()",
        "select clock_timestamp()",
        "select txid_current()",
        "select nextval('user_seq')",
        "select setval('user_seq', 5)",
        "select * from \"user\" for update",
        "select * from \"user\" for no key update",
        "select * from \"user\" FOR SHARE",
        "select * from \"user\" for key share skip locked",
        "select * from member tablesample system (10)",
        "select * from secret_note",
        "select 1; select 2",
        "values (1)",
        "table \"user\"",
        "select 'unterminated",
        "select unknown_function(1)",
    })
    void analyze_shouldNotCache_whenReadIsNotDeterministicOrNotPlain(String sql) {
        // GIVEN a read that locks, calls a non-IMMUTABLE function, or is not one plain SELECT
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.READ);
        assertThat(analysis.reason()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into \"user\" (id, name) values (?, ?)",
        "INSERT INTO public.\"user\" (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
        "update \"user\" set name = ? where id = ?",
        "UPDATE ONLY \"user\" SET name = 'x'",
        "delete from \"user\" where id = ?",
        "with d as (delete from \"user\" where id = 1 returning id) select * from d",
        "merge into \"user\" u using session s on s.user_id = u.id when matched then update set name = 'x'",
        "truncate \"user\"",
        "TRUNCATE TABLE ONLY public.\"user\" RESTART IDENTITY",
        "copy \"user\" from stdin",
        "update \"user\" set name = 'select now()' -- for update",
    })
    void analyze_shouldReportWrittenTable_whenStatementWrites(String sql) {
        // GIVEN a write to the user table
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.WRITE);
        assertThat(analysis.tables()).as(sql).containsExactly("user");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create table t (id int)",
        "alter table \"user\" add column x int",
        "drop table session",
        "select * into new_table from \"user\"",
        "call do_things()",
        "do $$ begin perform 1; end $$",
        "select audit_write(1)",
        "truncate \"user\" cascade",
        "grant select on \"user\" to bob",
    })
    void analyze_shouldInvalidateEverything_whenReachIsUnknown(String sql) {
        // GIVEN DDL, a procedure, SELECT INTO or a call of a VOLATILE user function
        // WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).as(sql).isEqualTo(Kind.WRITE_ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"begin", "COMMIT", "rollback", "start transaction", "savepoint a", "end"})
    void analyze_shouldReportTransactionControl_whenStatementIsOne(String sql) {
        // GIVEN / WHEN
        SqlAnalysis analysis = analyze(sql);
        // THEN
        assertThat(analysis.kind()).isEqualTo(Kind.TRANSACTION);
    }

    @Test
    void analyze_shouldReadTheViewsTables_whenSelectingFromAView() {
        // GIVEN a view over member and user
        // WHEN
        SqlAnalysis analysis = analyze("select * from active_member where organization_id = ?");
        // THEN
        assertThat(analysis.kind()).isEqualTo(Kind.CACHEABLE);
        assertThat(analysis.tables()).containsExactlyInAnyOrder("active_member", "member", "user");
    }

    @Test
    void reachOfWrite_shouldFollowCascades_whenUserIsWritten() {
        // GIVEN user <- session, member (ON DELETE CASCADE)
        // WHEN
        Set<String> reach = CATALOG.reachOfWrite(Set.of("user")).orElseThrow();
        // THEN
        assertThat(reach).containsExactlyInAnyOrder("user", "session", "member");
    }

    @Test
    void reachOfWrite_shouldBeEverything_whenTableHasUserTriggers() {
        // GIVEN a table with a trigger
        SchemaCatalog withTrigger = new SchemaCatalog(Set.of("a"), Map.of(), Map.of(), Set.of(), Set.of("a"),
            Set.of(), Set.of(), Map.of());
        // WHEN / THEN
        assertThat(withTrigger.reachOfWrite(Set.of("a"))).isEmpty();
    }
}
