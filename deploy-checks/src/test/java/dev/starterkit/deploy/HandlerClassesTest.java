package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function's {@code Handler} names a class compiled in the module its {@code CodeUri} points at, with a
 * {@code handleRequest} method: what {@code sam build} packages is what Lambda will look for.
 */
class HandlerClassesTest {

    @TestFactory
    Stream<DynamicTest> handler_shouldBeACompiledClassOfTheFunctionsModule_whenTheTemplateNamesIt()
        throws Exception {
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());
        List<String> functions = template.functionIds();
        assertThat(functions).contains("MigrateFunction", "SeedFunction", "AuthFunction", "UsersFunction",
            "OrganizationsFunction");
        return functions.stream().map(id -> DynamicTest.dynamicTest(id, () -> check(template, id)));
    }

    private static void check(CfnTemplate template, String id) throws Exception {
        Map<String, Object> properties = template.functionProperties(id);
        String handler = String.valueOf(properties.get("Handler"));
        String className = handler.substring(0, handler.indexOf("::"));
        String method = handler.substring(handler.indexOf("::") + 2);
        Path module = ProjectFiles.root().resolve(String.valueOf(properties.get("CodeUri")));
        Path classFile = module.resolve("target/classes").resolve(className.replace('.', '/') + ".class");

        assertThat(module.resolve("pom.xml")).as(id + ": CodeUri must be a Maven module").isRegularFile();
        assertThat(classFile).as(id + ": handler class compiled in " + module.getFileName()).isRegularFile();
        assertThat(method).isEqualTo("handleRequest");
        if (isOnClassPath(className)) {
            Class<?> type = Class.forName(className);
            assertThat(type.getConstructor()).as(id + ": Lambda needs a public no-argument constructor").isNotNull();
            assertThat(type.getMethods()).as(id + ": " + method).anyMatch(m -> m.getName().equals(method)
                && m.getParameterCount() == 2);
        }
        assertThat(Files.size(classFile)).isPositive();
    }

    private static boolean isOnClassPath(String className) {
        return HandlerClassesTest.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }
}
