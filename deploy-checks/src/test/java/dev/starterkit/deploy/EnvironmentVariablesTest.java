package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every environment variable a function's code reads (its module and shared-db) is declared for it in template.yaml,
 * except the local-only ones (ARCHITECTURE.md) and those the Lambda runtime sets.
 */
class EnvironmentVariablesTest {

    /** Read only in local runs, tests and tooling; never set on a deployed function. */
    static final Set<String> LOCAL_ONLY = Set.of("DATABASE_URL", "REDIS_URL", "ENVIRONMENT", "NODE_ENV",
        "PROJECT_ROOT", "LOCAL_PG_PORT");

    @TestFactory
    Stream<DynamicTest> environment_shouldDeclareEveryVariableTheCodeReads_whenAFunctionIsDeployed()
        throws Exception {
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());
        Set<String> sharedDb = EnvironmentReads.in(ProjectFiles.root().resolve("shared-db/src/main/java"));
        assertThat(sharedDb).as("variables read by shared-db").contains("STAGE", "DB_PROXY_ENDPOINT", "DB_NAME",
            "DB_SECRET_ARN", "DB_USER", "DB_STATEMENT_TIMEOUT_MS", "DATABASE_URL");
        return template.functionIds().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Map<String, Object> properties = template.functionProperties(id);
            Path sources = ProjectFiles.root().resolve(String.valueOf(properties.get("CodeUri")))
                .resolve("src/main/java");
            assertThat(sources).as(id + ": sources of its CodeUri").isDirectory();
            Set<String> read = new TreeSet<>(sharedDb);
            read.addAll(EnvironmentReads.in(sources));
            read.removeIf(name -> LOCAL_ONLY.contains(name) || name.startsWith("AWS_") || name.startsWith("LAMBDA_"));
            Map<String, Object> declared = CfnTemplate.mapOf(
                CfnTemplate.mapOf(properties.get("Environment")).get("Variables"));
            assertThat(declared.keySet()).as(id + ": variables declared in template.yaml").containsAll(read);
        }));
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
