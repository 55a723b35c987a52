package dev.starterkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sample events in {@code events/<LogicalId>/} and the copies the function's tests read from
 * {@code <module>/src/test/resources/events/<LogicalId>/} are the same files, so tests exercise what users invoke.
 */
class EventMirrorTest {

    @TestFactory
    Stream<DynamicTest> events_shouldMatchTheirTestCopies_whenAFunctionHasSampleEvents() throws Exception {
        CfnTemplate template = CfnTemplate.load(ProjectFiles.template());
        Path events = ProjectFiles.root().resolve("events");
        List<String> withEvents = template.functionIds().stream()
            .filter(id -> Files.isDirectory(events.resolve(id))).toList();
        assertThat(withEvents).contains("MigrateFunction", "SeedFunction");
        return withEvents.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Path module = ProjectFiles.root().resolve(String.valueOf(template.functionProperties(id).get("CodeUri")));
            Path copies = module.resolve("src/test/resources/events").resolve(id);
            List<String> names = names(events.resolve(id));
            assertThat(names).isNotEmpty();
            assertThat(names(copies)).as(id + " test copies").containsExactlyInAnyOrderElementsOf(names);
            for (String name : names) {
                assertThat(copies.resolve(name)).as(id + "/" + name).hasSameTextualContentAs(
                    events.resolve(id).resolve(name));
            }
        }));
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(f -> f.getFileName().toString()).toList();
        }
    }
}
