package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deploy decisions template.yaml and samconfig.toml must keep (the README's Deploy section says why). */
class TemplateRulesTest {

    private static CfnTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = CfnTemplate.load(ProjectFiles.template());
    }

    @Test
    void customResources_shouldKeepTheirServiceTokenAndBindTheFunctionsVersion_whenDeclared() {
        for (String[] pair : new String[][] {{"DatabaseMigration", "MigrateFunction"}, {"DatabaseSeed",
            "SeedFunction"}}) {
            Map<String, Object> resource = template.resources().get(pair[0]);
            Map<String, Object> properties = CfnTemplate.mapOf(resource.get("Properties"));
            assertThat(resource.get("Type")).isEqualTo("Custom::" + pair[0]);
            assertThat(properties.get("ServiceToken")).as(pair[0] + " ServiceToken: the alias ARN, constant")
                .isEqualTo(Map.of("Ref", pair[1] + ".Alias"));
            assertThat(properties.get("FunctionVersion")).as(pair[0] + " re-runs when the code changes")
                .isEqualTo(Map.of("Ref", pair[1] + ".Version"));
            assertThat(properties.get("Stage")).isEqualTo(Map.of("Ref", "Stage"));
            assertThat(template.functionProperties(pair[1])).containsKey("AutoPublishAlias");
        }
        assertThat(template.resources().get("DatabaseSeed").get("DependsOn")).isEqualTo("DatabaseMigration");
    }

    @Test
    void apiFunctions_shouldServeTheRoutesAfterTheMigrationFromSnapStartVersions_whenDeployed() {
        Map<String, List<String>> expected = Map.of(
            "AuthFunction", List.of("ANY /auth/{proxy+}", "ANY /me"),
            "UsersFunction", List.of("ANY /users", "ANY /users/{proxy+}", "ANY /health", "$default"),
            "OrganizationsFunction", List.of("ANY /organizations", "ANY /organizations/{proxy+}",
                "ANY /invitations/{proxy+}"));
        expected.forEach((id, routes) -> {
            Map<String, Object> properties = template.functionProperties(id);
            assertThat(routes(properties)).as(id + " routes").containsExactlyElementsOf(routes);
            assertThat(properties.get("CodeUri")).isEqualTo("functions/api");
            assertThat(properties.get("Runtime")).isIn("java17", "java21");
            assertThat(properties.get("AutoPublishAlias")).isEqualTo("live");
            assertThat(properties.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(template.resources().get(id).get("DependsOn")).isEqualTo("DatabaseMigration");
        });
    }

    @Test
    void functions_shouldLogJsonToTheirOwnLogGroupWithRetention_whenDeployed() {
        for (String id : template.functionIds()) {
            Map<String, Object> logging = CfnTemplate.mapOf(template.functionProperties(id).get("LoggingConfig"));
            assertThat(logging.get("LogFormat")).as(id).isEqualTo("JSON");
            String group = String.valueOf(CfnTemplate.mapOf(logging.get("LogGroup")).get("Ref"));
            Map<String, Object> logGroup = template.resources().get(group);
            assertThat(logGroup).as(id + " log group").isNotNull();
            assertThat(logGroup.get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(CfnTemplate.mapOf(logGroup.get("Properties"))).containsKey("RetentionInDays");
        }
    }

    @Test
    void database_shouldBeProtectedAndReachedOnlyOverTls_whenDeployed() {
        Map<String, Object> cluster = template.resources().get("DatabaseCluster");
        Map<String, Object> clusterProperties = CfnTemplate.mapOf(cluster.get("Properties"));
        Map<String, Object> proxy = CfnTemplate.mapOf(template.resources().get("DatabaseProxy").get("Properties"));
        assertThat(cluster.get("DeletionPolicy")).isEqualTo("Snapshot");
        assertThat(cluster.get("UpdateReplacePolicy")).isEqualTo("Snapshot");
        assertThat(clusterProperties).containsEntry("ManageMasterUserPassword", true)
            .containsEntry("StorageEncrypted", true).doesNotContainKey("MasterUserPassword");
        assertThat(CfnTemplate.mapOf(template.section("Mappings").get("StageSettings")).get("prod"))
            .asString().contains("DeletionProtection=true");
        assertThat(proxy).containsEntry("RequireTLS", true).containsKey("IdleClientTimeout");
        assertThat(CfnTemplate.mapOf(template.section("Parameters").get("AuroraEngineVersion")).get("Default"))
            .asString().matches("\\d+\\.\\d+");
    }

    @Test
    void samconfig_shouldConfirmProdChangeSetsAndDeployEachStageToItsOwnStack_whenRead() throws Exception {
        String config = Files.readString(ProjectFiles.root().resolve("samconfig.toml"));
        for (String stage : List.of("default", "dev", "staging", "prod")) {
            String section = section(config, "[" + stage + ".deploy.parameters]");
            String expected = stage.equals("default") ? "dev" : stage;
            assertThat(section).as(stage).contains("parameter_overrides = \"Stage=" + expected + "\"")
                .contains("stack_name = \"serverless-db-" + expected + "\"").contains("CAPABILITY_IAM")
                .contains("region = ");
            assertThat(section).contains("confirm_changeset = " + stage.equals("prod"));
        }
    }

    private static List<String> routes(Map<String, Object> properties) {
        List<String> routes = new ArrayList<>();
        CfnTemplate.mapOf(properties.get("Events")).values().forEach(raw -> {
            Map<String, Object> event = CfnTemplate.mapOf(raw);
            Map<String, Object> p = CfnTemplate.mapOf(event.get("Properties"));
            assertThat(event.get("Type")).isEqualTo("HttpApi");
            assertThat(p.get("ApiId")).isEqualTo(Map.of("Ref", "HttpApi"));
            assertThat(p.get("PayloadFormatVersion")).isEqualTo("2.0");
            if (p.containsKey("Path") || p.containsKey("Method")) {
                // SAM: a path starts with "/"; the default route is an event with neither Path nor Method
                assertThat(String.valueOf(p.get("Path"))).startsWith("/");
                routes.add(p.get("Method") + " " + p.get("Path"));
            } else {
                routes.add("$default");
            }
        });
        return routes;
    }

    private static String section(String toml, String header) {
        int start = toml.indexOf(header);
        assertThat(start).as(header).isNotNegative();
        int end = toml.indexOf("\n[", start + header.length());
        return end < 0 ? toml.substring(start) : toml.substring(start, end);
    }
}
