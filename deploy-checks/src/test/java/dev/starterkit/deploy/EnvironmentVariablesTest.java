package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every environment variable a function's code may read is declared for it in template.yaml, except the local-only
 * ones (ARCHITECTURE.md) and the {@code AWS_*} and {@code LAMBDA_*} ones: those the Lambda runtime sets, and the AWS
 * SDK's standard variables (such as the {@code AWS_ENDPOINT_URL_*} endpoint overrides, unset when deployed), which the
 * SDK honours whether or not the code reads them. What it may read: its module's sources, the project
 * modules it depends on, and the shared-db packages they refer to, directly or through other shared-db packages
 * (so the API functions answer for the cache's variables, and only the export function for the export's).
 */
class EnvironmentVariablesTest {

    /** Read only in local runs, tests and tooling; never set on a deployed function. */
    static final Set<String> LOCAL_ONLY = Set.of("DATABASE_URL", "REDIS_URL", "ENVIRONMENT", "NODE_ENV",
        "PROJECT_ROOT", "LOCAL_PG_PORT");

    @TestFactory
    Stream<DynamicTest> environment_shouldDeclareEveryVariableTheCodeReads_whenAFunctionIsDeployed()
        throws Exception {
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());
        Path sharedDb = ProjectFiles.root().resolve("shared-db/src/main/java");
        assertThat(EnvironmentReads.in(sharedDb)).as("variables read by shared-db").contains("STAGE",
            "DB_PROXY_ENDPOINT", "DB_NAME", "DB_SECRET_ARN", "DB_USER", "DB_STATEMENT_TIMEOUT_MS", "DATABASE_URL");
        return template.functionIds().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Map<String, Object> properties = template.functionProperties(id);
            Path module = ProjectFiles.root().resolve(String.valueOf(properties.get("CodeUri")));
            assertThat(module.resolve("src/main/java")).as(id + ": sources of its CodeUri").isDirectory();
            List<Path> roots = new ArrayList<>(ProjectModules.dependencies(module));
            roots.add(module);
            EnvironmentReads own = EnvironmentReads.of(sources(roots));
            EnvironmentReads all = EnvironmentReads.of(sources(roots, sharedDb));
            Set<String> read = new TreeSet<>(all.reachableFrom(own.packages()));
            assertThat(read).as(id + ": the scan reaches the database settings").contains("STAGE",
                "DB_PROXY_ENDPOINT");
            read.removeIf(name -> LOCAL_ONLY.contains(name) || name.startsWith("AWS_") || name.startsWith("LAMBDA_"));
            Map<String, Object> declared = CfnTemplate.mapOf(
                CfnTemplate.mapOf(properties.get("Environment")).get("Variables"));
            assertThat(declared.keySet()).as(id + ": variables declared in template.yaml").containsAll(read);
        }));
    }

    private static Path[] sources(List<Path> modules, Path... more) {
        List<Path> roots = new ArrayList<>();
        modules.forEach(m -> roots.add(m.resolve("src/main/java")));
        roots.addAll(List.of(more));
        return roots.toArray(Path[]::new);
    }

    @Test
    void reachableFrom_shouldCountOnlyThePackagesAFunctionReaches_whenSharedCodeReadsMore() {
        EnvironmentReads reads = EnvironmentReads.of();
        reads.addForTest("package dev.starterkit.functions.migrate; import dev.starterkit.db.connect.Factory;");
        reads.addForTest("package dev.starterkit.db.connect; class Factory { String a = env.require(\"DB_NAME\"); }");
        reads.addForTest("package dev.starterkit.db; import dev.starterkit.db.cache.CacheConfig; class DataLayer {}");
        reads.addForTest("package dev.starterkit.db.cache; class CacheConfig { String e = "
            + "env.require(\"CACHE_ENDPOINT\"); }");
        reads.addForTest("package dev.starterkit.api; class H { dev.starterkit.db.DataLayer layer; }");

        assertThat(reads.reachableFrom(Set.of("dev.starterkit.functions.migrate"))).containsExactly("DB_NAME");
        assertThat(reads.reachableFrom(Set.of("dev.starterkit.api"))).containsExactly("CACHE_ENDPOINT");
    }

    @Test
    void inFile_shouldFindEveryKindOfLookup_whenCodeReadsTheEnvironment() {
        String source = """
            class Config {
                private static final String ENDPOINT = "CACHE_ENDPOINT";
                static Config load(ResolvedEnvironment env, Map<String, String> process) {
                    String a = System.getenv("EXPORT_BUCKET");
                    String b = env.require("DB_NAME").value();
                    Optional<Variable> c = env.find(ENDPOINT);
                    long d = integer(env, "CACHE_MAX_AGE_SECONDS", 60, 1);
                    boolean e = flag(env, "CACHE_DISABLED");
                    String f = process.get("NODE_ENV");
                    String g = process.getOrDefault("PROJECT_ROOT", ".");
                    for (String name : List.of("ENVIRONMENT", "STAGE")) { }
                    Map<String, Object> props = Map.of("datasources.x.dialect", "POSTGRES");
                    return null;
                }
            }
            """;

        assertThat(EnvironmentReads.inFile(source)).containsExactlyInAnyOrder("CACHE_ENDPOINT", "EXPORT_BUCKET",
            "DB_NAME", "CACHE_MAX_AGE_SECONDS", "CACHE_DISABLED", "NODE_ENV", "PROJECT_ROOT", "ENVIRONMENT", "STAGE");
    }
}
