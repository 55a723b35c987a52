package dev.starterkit.tools.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.read(Fixtures.template());

    @Test
    void functions_shouldMergeGlobalsAndReadRoutes_whenTheTemplateUsesCloudFormationTags() {
        FunctionSpec users = template.function("UsersFunction");

        assertThat(template.functions()).extracting(FunctionSpec::logicalId)
            .containsExactly("AuthFunction", "UsersFunction", "OrganizationsFunction");
        assertThat(users.handlerClass()).isEqualTo("dev.starterkit.api.users.UsersHandler");
        assertThat(users.handlerMethod()).isEqualTo("handleRequest");
        assertThat(users.codeUri()).isEqualTo("functions/api");
        assertThat(users.routes()).extracting(RouteSpec::routeKey)
            .containsExactly("ANY /users", "ANY /users/{proxy+}", "ANY /health", "$default");
        assertThat(users.environment()).containsEntry("STAGE", Map.of("Ref", "Stage"))
            .containsEntry("DB_PROXY_ENDPOINT", Map.of("Fn::GetAtt", "DatabaseProxy.Endpoint"));
        assertThat(users.literalEnvironment()).isEqualTo(Map.of("CACHE_MAX_AGE_SECONDS", "60",
            "AUTH_BCRYPT_COST", "4"));
    }

    @Test
    void function_shouldListTheFunctions_whenTheLogicalIdIsUnknown() {
        assertThatThrownBy(() -> template.function("NopeFunction"))
            .hasMessageContaining("NopeFunction").hasMessageContaining("AuthFunction, UsersFunction");
    }

    @Test
    void match_shouldFollowApiGatewaysRules_whenRoutesOverlap() {
        RouteSpec exact = new RouteSpec("ANY", "/users");
        RouteSpec greedy = new RouteSpec("ANY", "/users/{proxy+}");
        RouteSpec param = new RouteSpec("GET", "/users/{id}");

        assertThat(exact.match("GET", "/users")).isEmpty();
        assertThat(exact.match("GET", "/users/x")).isNull();
        assertThat(greedy.match("DELETE", "/users/a/b")).isEqualTo(Map.of("proxy", "a/b"));
        assertThat(greedy.match("GET", "/users")).isNull();
        assertThat(param.match("GET", "/users/usr_1")).isEqualTo(Map.of("id", "usr_1"));
        assertThat(param.match("POST", "/users/usr_1")).isNull();
        assertThat(RouteSpec.defaultRoute().match("PUT", "/anything/at/all")).isEmpty();
        assertThat(param.specificity()).isGreaterThan(greedy.specificity());
        assertThat(greedy.specificity()).isGreaterThan(RouteSpec.defaultRoute().specificity());
        assertThat(new RouteSpec("GET", "/users").specificity()).isGreaterThan(exact.specificity());
    }
}
